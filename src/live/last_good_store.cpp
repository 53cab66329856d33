#include "live/last_good_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>

#include "agenda/native_json_writer.hpp"

namespace ijlas::live {
namespace {

constexpr const char* kTemporaryName = "agenda.json.new";

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
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

std::string failure(const std::string& what, const std::filesystem::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

}  // namespace

LastGoodStore::LastGoodStore(std::filesystem::path folder) : folder_(std::move(folder)) {}

bool LastGoodStore::save(const agenda::Agenda& agenda, std::string& error) {
  const std::string text = agenda::write_native_json(agenda);
  const std::filesystem::path temporary = folder_ / kTemporaryName;
  // The folder may have been deleted while the kiosk ran: it is made again.
  std::error_code not_made;
  std::filesystem::create_directories(folder_, not_made);
  // A save that fails (a full disk) leaves no temporary file behind to fill it further.
  struct RemovedOnFailure {
    const std::filesystem::path& path;
    bool armed = true;
    ~RemovedOnFailure() {
      if (armed && std::uncaught_exceptions() == 0) ::unlink(path.c_str());  // not a power cut
    }
  } cleanup{temporary};
  {
    FileDescriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (file.get() < 0) {
      error = failure("cannot create", temporary);
      return false;
    }
    step(SaveStep::kTemporaryOpened);
    const std::size_t half = text.size() / 2;
    if (!write_all(file.get(), text.data(), half)) {
      error = failure("cannot write", temporary);
      return false;
    }
    step(SaveStep::kHalfWritten);
    if (!write_all(file.get(), text.data() + half, text.size() - half)) {
      error = failure("cannot write", temporary);
      return false;
    }
    step(SaveStep::kTemporaryWritten);
    if (::fsync(file.get()) != 0) {
      error = failure("cannot flush", temporary);
      return false;
    }
    if (!file.close()) {
      error = failure("cannot close", temporary);
      return false;
    }
  }
  step(SaveStep::kTemporarySynced);
  if (::rename(temporary.c_str(), current_path().c_str()) != 0) {
    error = failure("cannot rename to", current_path());
    return false;
  }
  cleanup.armed = false;
  step(SaveStep::kRenamed);
  FileDescriptor folder(::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() < 0 || ::fsync(folder.get()) != 0) {
    error = failure("cannot flush the folder", folder_);
    return false;
  }
  step(SaveStep::kFolderSynced);
  return true;
}

void LastGoodStore::remove_leftovers() {
  std::error_code ignored;
  std::filesystem::remove(folder_ / kTemporaryName, ignored);
}

agenda::LoadResult LastGoodStore::load() {
  remove_leftovers();
  return agenda::load_agenda_file(current_path());
}

}  // namespace ijlas::live
