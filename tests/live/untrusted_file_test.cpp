// Reading what someone else wrote: to its end, but never past one byte over the limit, whatever
// size was expected; a file over the limit is refused unread.
#include "live/untrusted_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <string>
#include <thread>

#include "temporary_folder.hpp"

namespace ijlas::live {
namespace {

std::string pattern(std::size_t size) {
  std::string text(size, '\0');
  for (std::size_t i = 0; i < size; ++i)
    text[i] = static_cast<char>('a' + i % 23);
  return text;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// `text` written into a pipe by a thread of its own (more than a pipe holds); the read end.
struct FilledPipe {
  explicit FilledPipe(std::string text) : text_(std::move(text)) {
    ::signal(SIGPIPE, SIG_IGN);  // a reader that stops early ends the writer with EPIPE
    int ends[2];
    EXPECT_EQ(::pipe(ends), 0);
    read_end = ends[0];
    writer_ = std::thread([this, write_end = ends[1]] {
      std::size_t sent = 0;
      while (sent < text_.size()) {
        const ssize_t wrote = ::write(write_end, text_.data() + sent, text_.size() - sent);
        if (wrote <= 0) break;  // the reader closed its end
        sent += static_cast<std::size_t>(wrote);
      }
      ::close(write_end);
    });
  }
  ~FilledPipe() {
    ::close(read_end);
    writer_.join();
  }
  int read_end = -1;

 private:
  std::string text_;
  std::thread writer_;
};

TEST(ReadToEnd, ReadsAPipeWhoseSizeNobodyKnew) {
  const std::string text = pattern(300'000);
  FilledPipe pipe(text);
  std::string bytes;
  EXPECT_EQ(read_to_end(pipe.read_end, 1 << 20, 0, bytes), 0);
  EXPECT_EQ(bytes, text);
}

TEST(ReadToEnd, StopsOneBytePastTheLimit) {
  const std::string text = pattern(200'000);
  FilledPipe pipe(text);
  std::string bytes;
  EXPECT_EQ(read_to_end(pipe.read_end, 100'000, 0, bytes), 0);
  EXPECT_EQ(bytes, text.substr(0, 100'001));
}

TEST(ReadToEnd, AFileLongerOrShorterThanExpectedIsReadAsItIs) {
  const TemporaryFolder dir("read-to-end");
  const std::string text = pattern(150'000);
  write_file(dir / "agenda.json", text);
  for (const std::size_t expected : {std::size_t{0}, std::size_t{10}, std::size_t{900'000}}) {
    const int fd = ::open((dir / "agenda.json").c_str(), O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    std::string bytes;
    EXPECT_EQ(read_to_end(fd, 1 << 20, expected, bytes), 0);
    EXPECT_EQ(bytes, text) << "expected " << expected;
    ::close(fd);
  }
}

TEST(ReadToEnd, AReadThatFailsSaysWhyAndKeepsNothingItDidNotRead) {
  const TemporaryFolder dir("read-to-end-fails");
  write_file(dir / "agenda.json", "{}");
  const int fd = ::open((dir / "agenda.json").c_str(), O_WRONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  std::string bytes = "left over";
  EXPECT_EQ(read_to_end(fd, 1 << 20, 2, bytes), EBADF);
  EXPECT_EQ(bytes, "");
  ::close(fd);
}

TEST(UntrustedFile, AFileAtTheLimitIsReadAndOneByteMoreIsRefusedUnread) {
  const TemporaryFolder dir("untrusted-file");
  write_file(dir / "at.json", pattern(100));
  write_file(dir / "over.json", pattern(101));
  const UntrustedFile at = read_untrusted_file(dir / "at.json", 100);
  EXPECT_EQ(at.error, "");
  EXPECT_EQ(at.bytes, pattern(100));
  EXPECT_EQ(at.size, 100);
  const UntrustedFile over = read_untrusted_file(dir / "over.json", 100);
  EXPECT_EQ(over.error, "larger than 100 bytes: refused unread");
  EXPECT_EQ(over.bytes, "");
}

}  // namespace
}  // namespace ijlas::live
