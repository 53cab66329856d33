// A speaker photo, checked before it is decoded: inside the agenda's folder or the bundled assets
// (no way out by "..", an absolute path or a linked folder), a regular file (no link, FIFO or
// device), of at most 4 MiB, a PNG or JPEG whose header says at most 4096 × 4096 pixels. A 1 MB
// PNG can claim 16000 × 16000 pixels and take 2 GB once decoded: the header is read first.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ijlas::platform {

inline constexpr std::size_t kMaxPhotoBytes = 4u << 20;
inline constexpr int kMaxPhotoSide = 4096;

struct PhotoFile {
  std::string bytes;  // the whole file, when error is empty
  std::string error;  // why it is not shown
  int width = 0, height = 0;
};

PhotoFile read_photo_file(const std::filesystem::path& path);

// Why `path` is not inside one of `folders` once every link and ".." in it is resolved (an
// empty folder is the current one); empty when it is inside.
std::string outside_photo_folders(const std::filesystem::path& path,
                                  const std::vector<std::filesystem::path>& folders);

// The width and height a PNG or JPEG header gives; false for anything else.
bool photo_size(std::string_view bytes, int& width, int& height);

}  // namespace ijlas::platform
