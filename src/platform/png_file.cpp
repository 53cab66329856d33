#include "platform/png_file.hpp"

#include <png.h>

namespace ijlas::platform {

bool write_png(const std::filesystem::path& path, const ImageBuffer& image, std::string& error) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width());
  png.height = static_cast<png_uint_32>(image.height());
  png.format = PNG_FORMAT_RGBA;
  if (!png_image_write_to_file(&png, path.c_str(), 0, image.rgba().data(), 0, nullptr)) {
    error = "cannot write " + path.string() + ": " + png.message;
    return false;
  }
  return true;
}

std::optional<ImageBuffer> read_png(const std::filesystem::path& path, std::string& error) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&png, path.c_str())) {
    error = "cannot read " + path.string() + ": " + png.message;
    return std::nullopt;
  }
  png.format = PNG_FORMAT_RGBA;
  ImageBuffer image(static_cast<int>(png.width), static_cast<int>(png.height), {});
  if (!png_image_finish_read(&png, nullptr, image.rgba().data(), 0, nullptr)) {
    error = "cannot decode " + path.string() + ": " + png.message;
    png_image_free(&png);
    return std::nullopt;
  }
  return image;
}

}  // namespace ijlas::platform
