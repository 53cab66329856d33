#include "platform/photo_file.hpp"

#include <algorithm>
#include <iterator>

#include "live/untrusted_file.hpp"

namespace ijlas::platform {
namespace {

unsigned byte_at(std::string_view bytes, std::size_t at) {
  return static_cast<unsigned char>(bytes[at]);
}

unsigned big_endian(std::string_view bytes, std::size_t at, int count) {
  unsigned value = 0;
  for (int i = 0; i < count; ++i)
    value = value << 8 | byte_at(bytes, at + static_cast<std::size_t>(i));
  return value;
}

}  // namespace

bool photo_size(std::string_view bytes, int& width, int& height) {
  if (bytes.size() >= 24 && bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n" &&
      bytes.substr(12, 4) == "IHDR") {
    width = static_cast<int>(std::min(big_endian(bytes, 16, 4), 1u << 30));
    height = static_cast<int>(std::min(big_endian(bytes, 20, 4), 1u << 30));
    return true;
  }
  if (bytes.size() < 4 || byte_at(bytes, 0) != 0xFF || byte_at(bytes, 1) != 0xD8) return false;
  // JPEG: walk the segments to the first start of frame.
  for (std::size_t at = 2; at + 4 <= bytes.size();) {
    if (byte_at(bytes, at) != 0xFF) return false;
    const unsigned marker = byte_at(bytes, at + 1);
    if (marker == 0xFF) {
      ++at;  // fill byte
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      at += 2;
      continue;
    }
    const bool frame =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (at + 9 > bytes.size()) return false;
      height = static_cast<int>(big_endian(bytes, at + 5, 2));
      width = static_cast<int>(big_endian(bytes, at + 7, 2));
      return true;
    }
    at += 2 + big_endian(bytes, at + 2, 2);
  }
  return false;
}

std::string outside_photo_folders(const std::filesystem::path& path,
                                  const std::vector<std::filesystem::path>& folders) {
  namespace fs = std::filesystem;
  std::error_code failed;
  // The folder the file is in, every link resolved; the file itself is opened without following.
  const fs::path real_folder =
      fs::weakly_canonical(fs::absolute(path, failed).parent_path(), failed);
  if (!failed) {
    for (const fs::path& folder : folders) {
      std::error_code missing;
      const fs::path real = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, missing);
      if (missing) continue;
      const auto end =
          std::mismatch(real.begin(), real.end(), real_folder.begin(), real_folder.end()).first;
      if (end == real.end() || (std::next(end) == real.end() && end->empty())) return {};
    }
  }
  return "is outside the agenda's folder and the bundled assets: refused unread";
}

PhotoFile read_photo_file(const std::filesystem::path& path) {
  PhotoFile photo;
  live::UntrustedFile file = live::read_untrusted_file(path, kMaxPhotoBytes);
  if (!file.error.empty()) {
    photo.error = std::move(file.error);
    return photo;
  }
  if (!photo_size(file.bytes, photo.width, photo.height)) {
    photo.error = "is not a PNG or JPEG picture";
    return photo;
  }
  if (photo.width > kMaxPhotoSide || photo.height > kMaxPhotoSide) {
    photo.error = "is " + std::to_string(photo.width) + " x " + std::to_string(photo.height) +
                  " pixels; at most " + std::to_string(kMaxPhotoSide) + " x " +
                  std::to_string(kMaxPhotoSide) + " are shown";
    return photo;
  }
  photo.bytes = std::move(file.bytes);
  return photo;
}

}  // namespace ijlas::platform
