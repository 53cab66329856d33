// Reading to the end, but never past one byte over the limit, whatever size was expected: one
// loop for the loaders' files, the kiosk's untrusted files and the reader's input.
#include "core/read_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <thread>

#include "core/write_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas {
namespace {

std::string pattern(std::size_t size) {
  std::string text(size, '\0');
  for (std::size_t i = 0; i < size; ++i)
    text[i] = static_cast<char>('a' + i % 23);
  return text;
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
  ASSERT_EQ(write_whole_file(dir / "agenda.json", text), "");
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
  ASSERT_EQ(write_whole_file(dir / "agenda.json", "{}"), "");
  const int fd = ::open((dir / "agenda.json").c_str(), O_WRONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  std::string bytes = "left over";
  EXPECT_EQ(read_to_end(fd, 1 << 20, 2, bytes), EBADF);
  EXPECT_EQ(bytes, "");
  ::close(fd);
}

TEST(ReadFile, StopsOneBytePastItsLimitAndReadsWholeWithoutOne) {
  const TemporaryFolder dir("read-file");
  const std::string text = pattern(200'000);
  ASSERT_EQ(write_whole_file(dir / "big.json", text), "");
  const FileBytes whole = read_file(dir / "big.json");
  EXPECT_EQ(whole.status, FileRead::kRead);
  EXPECT_EQ(whole.bytes, text);
  const FileBytes cut = read_file(dir / "big.json", 1000);
  EXPECT_EQ(cut.status, FileRead::kRead);
  EXPECT_EQ(cut.bytes, text.substr(0, 1001));
  EXPECT_EQ(read_file(dir).status, FileRead::kCannotOpen);  // a folder
  EXPECT_EQ(read_file(dir / "missing.json").status, FileRead::kCannotOpen);
}

}  // namespace
}  // namespace ijlas
