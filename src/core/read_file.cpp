#include "core/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace ijlas {

int read_to_end(int fd, std::size_t max_bytes, std::size_t expected_size, std::string& bytes) {
  // One past the limit, but no limit at all must not wrap to nothing.
  const std::size_t most =
      max_bytes == std::numeric_limits<std::size_t>::max() ? max_bytes : max_bytes + 1;
  bytes.resize(std::min(expected_size, most));
  std::size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      if (got >= most) break;
      bytes.resize(got + std::min<std::size_t>(most - got, 65536));  // longer than expected
    }
    const ssize_t read = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (read < 0 && errno == EINTR) continue;
    if (read < 0) {
      const int error = errno;
      bytes.resize(got);
      return error;
    }
    if (read == 0) break;
    got += static_cast<std::size_t>(read);
  }
  bytes.resize(got);
  return 0;
}

FileBytes read_file(const std::filesystem::path& path, std::size_t limit) {
  FileBytes file;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return file;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    ::close(fd);
    return file;
  }
  const std::size_t expected = S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0;
  file.status =
      read_to_end(fd, limit, expected, file.bytes) == 0 ? FileRead::kRead : FileRead::kReadFailed;
  ::close(fd);
  return file;
}

}  // namespace ijlas
