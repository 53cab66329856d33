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

// Stops one byte past `limit`, so that a caller refuses a huge file by its size unread.
FileBytes read_file(const std::filesystem::path& path,
                    std::size_t limit = std::numeric_limits<std::size_t>::max());

// Reads `fd` to its end into `bytes`, but never more than `max_bytes` + 1 bytes: one past the
// limit is enough to refuse. `expected_size` (what fstat said, or 0) sizes the buffer at once, so
// that it is not grown by doubling. 0, or the errno of a read that failed (`bytes` then holds
// what came before it).
int read_to_end(int fd, std::size_t max_bytes, std::size_t expected_size, std::string& bytes);

}  // namespace ijlas
