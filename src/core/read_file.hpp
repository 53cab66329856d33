// A whole file into memory, read one way by every loader, tool and test.
#pragma once

#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>

namespace ijlas {

enum class FileRead { kRead, kCannotOpen, kReadFailed };

struct FileBytes {
  FileRead status = FileRead::kCannotOpen;  // a folder cannot be opened either
  std::string bytes;                        // what was read, also after a failure
};

// Stops soon after `limit` bytes, so that a caller refuses a huge file by its size unread.
FileBytes read_file(const std::filesystem::path& path,
                    std::size_t limit = std::numeric_limits<std::size_t>::max());

}  // namespace ijlas
