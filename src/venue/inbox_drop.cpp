#include "venue/inbox_drop.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace ijlas::venue {

bool drop_into_inbox(const std::filesystem::path& inbox, const std::string& name,
                     std::string_view bytes, std::string& error) {
  const std::filesystem::path part = inbox / ("." + name + ".part");
  const std::filesystem::path target = inbox / name;
  const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    error = "cannot create " + part.string() + ": " + std::strerror(errno);
    return false;
  }
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  bool ok = true;
  while (ok && left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    ok = written > 0;
    if (ok) {
      data += written;
      left -= static_cast<std::size_t>(written);
    }
  }
  ok = ok && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(part.c_str(), target.c_str()) != 0) {
    error = "cannot write " + target.string() + ": " + std::strerror(errno);
    ::unlink(part.c_str());
    return false;
  }
  return true;
}

bool inbox_holds(const std::filesystem::path& inbox, const std::string& name,
                 std::string_view bytes) {
  std::ifstream in(inbox / name, std::ios::binary);
  if (!in) return false;
  const std::string held{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return held == bytes;
}

}  // namespace ijlas::venue
