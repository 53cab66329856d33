#include "live/untrusted_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/read_file.hpp"

namespace ijlas::live {
namespace {

// Closes the descriptor on every way out.
struct OpenedFile {
  int fd;
  ~OpenedFile() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string size_text(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

UntrustedFile read_untrusted_file(const std::filesystem::path& path, std::size_t max_bytes) {
  UntrustedFile file;
  const OpenedFile opened{::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)};
  if (opened.fd < 0) {
    file.error = errno == ELOOP ? "is a symbolic link: copy the file itself, not a link to it"
                                : std::string("cannot be opened: ") + std::strerror(errno);
    return file;
  }
  struct stat info {};
  if (::fstat(opened.fd, &info) != 0) {
    file.error = std::string("cannot be examined: ") + std::strerror(errno);
    return file;
  }
  if (!S_ISREG(info.st_mode)) {
    file.error = "is not a regular file (a folder, FIFO or device): refused unread";
    return file;
  }
  if (info.st_nlink > 1 && info.st_uid != ::geteuid()) {
    file.error = "is a hard link to a file of another owner: refused unread";
    return file;
  }
  file.size = info.st_size;
  file.mtime_ns =
      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    file.error = "larger than " + size_text(max_bytes) + ": refused unread";
    return file;
  }
  // Regular files never block; the descriptor's flag is cleared so that reads wait for disks.
  ::fcntl(opened.fd, F_SETFL, 0);
  if (const int error =
          read_to_end(opened.fd, max_bytes, static_cast<std::size_t>(info.st_size), file.bytes)) {
    file.error = std::string("cannot be read: ") + std::strerror(error);
    file.bytes.clear();
    return file;
  }
  if (file.bytes.size() > max_bytes) {  // it grew since fstat
    file.error = "larger than " + size_text(max_bytes) + ": refused unread";
    file.bytes.clear();
  }
  return file;
}

}  // namespace ijlas::live
