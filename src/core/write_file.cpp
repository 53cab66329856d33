#include "core/write_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>

namespace ijlas {
namespace {

// Closes a file descriptor on every way out, also when a step hook throws.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

std::string failure(const char* what, const std::filesystem::path& path) {
  return std::string(what) + " " + path.string() + ": " + std::strerror(errno);
}

}  // namespace

std::filesystem::path temporary_path_of(const std::filesystem::path& path) {
  return path.parent_path() / ("." + path.filename().string() + ".new");
}

std::string write_whole_file(const std::filesystem::path& path, std::string_view bytes,
                             const std::function<void(WriteStep)>& after_step) {
  const auto step = [&](WriteStep done) {
    if (after_step) after_step(done);
  };
  const std::filesystem::path temporary = temporary_path_of(path);
  // A write that fails (a full disk) leaves no temporary behind to fill it further; one stopped
  // by a hook's exception (a power cut in a test) leaves it, as a real cut would.
  struct RemovedOnFailure {
    const std::filesystem::path& path;
    bool armed = true;
    ~RemovedOnFailure() {
      if (armed && std::uncaught_exceptions() == 0) ::unlink(path.c_str());
    }
  } cleanup{temporary};
  {
    FileDescriptor file(
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644));
    if (file.get() < 0) return failure("cannot create", temporary);
    step(WriteStep::kTemporaryOpened);
    const std::size_t half = bytes.size() / 2;
    if (!write_all(file.get(), bytes.data(), half)) return failure("cannot write", temporary);
    step(WriteStep::kHalfWritten);
    if (!write_all(file.get(), bytes.data() + half, bytes.size() - half))
      return failure("cannot write", temporary);
    step(WriteStep::kTemporaryWritten);
    if (::fsync(file.get()) != 0) return failure("cannot flush", temporary);
    if (!file.close()) return failure("cannot close", temporary);
  }
  step(WriteStep::kTemporarySynced);
  if (::rename(temporary.c_str(), path.c_str()) != 0) return failure("cannot rename to", path);
  cleanup.armed = false;
  step(WriteStep::kRenamed);
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  FileDescriptor directory(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (directory.get() < 0 || ::fsync(directory.get()) != 0)
    return failure("cannot flush the folder", folder);
  step(WriteStep::kFolderSynced);
  return {};
}

}  // namespace ijlas
