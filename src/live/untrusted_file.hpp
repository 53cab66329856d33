// Opening a file that someone else put there (the drop folder, the settings file, the stored
// agenda) without being led elsewhere: no symbolic links are followed, a FIFO or device never
// blocks the kiosk, a hard link to a file of another owner is refused, and the size is checked
// on the opened descriptor, not on a name that may have changed meanwhile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace ijlas::live {

struct UntrustedFile {
  std::string bytes;          // the whole file, when error is empty
  std::string error;          // why it was not read: "is a symbolic link", "larger than 64 MiB"
  std::int64_t size = -1;     // as the opened descriptor says
  std::int64_t mtime_ns = 0;  // modification time, ns since 1970
};

// Reads the regular file `path` of at most `max_bytes`, opened with O_NOFOLLOW | O_NONBLOCK.
UntrustedFile read_untrusted_file(const std::filesystem::path& path, std::size_t max_bytes);

// "64 MiB", "512 KiB", "100 bytes": a size as the messages give it.
std::string size_text(std::size_t bytes);

}  // namespace ijlas::live
