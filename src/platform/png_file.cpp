#include "platform/png_file.hpp"

#include <png.h>

namespace ijlas::platform {

bool write_png(const std::filesystem::path& path, const ImageBuffer& image, std::string& error,
               PngFormat format) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width());
  png.height = static_cast<png_uint_32>(image.height());
  png.format = PNG_FORMAT_RGBA;
  std::vector<std::uint8_t> gray;
  const std::uint8_t* pixels = image.rgba().data();
  if (format == PngFormat::kGray) {
    png.format = PNG_FORMAT_GRAY;
    gray.reserve(image.rgba().size() / 4);
    for (std::size_t i = 0; i < image.rgba().size(); i += 4)
      gray.push_back(image.rgba()[i]);
    pixels = gray.data();
  }
  if (!png_image_write_to_file(&png, path.c_str(), 0, pixels, 0, nullptr)) {
    error = "cannot write " + path.string() + ": " + png.message;
    return false;
  }
  return true;
}

bool write_png_bgra(const std::filesystem::path& path, int width, int height, int stride,
                    const void* pixels, std::string& error) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(width);
  png.height = static_cast<png_uint_32>(height);
  png.format = PNG_FORMAT_BGRA;
  png.flags = PNG_IMAGE_FLAG_FAST;
  if (!png_image_write_to_file(&png, path.c_str(), 0, pixels, stride, nullptr)) {
    error = "cannot write " + path.string() + ": " + png.message;
    return false;
  }
  return true;
}

std::string encode_png(const ImageBuffer& image, std::string& error) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width());
  png.height = static_cast<png_uint_32>(image.height());
  png.format = PNG_FORMAT_RGBA;
  png_alloc_size_t size = 0;  // asked first, then written
  if (!png_image_write_to_memory(&png, nullptr, &size, 0, image.rgba().data(), 0, nullptr)) {
    error = std::string("cannot encode a PNG: ") + png.message;
    return {};
  }
  std::string bytes(size, '\0');
  if (!png_image_write_to_memory(&png, bytes.data(), &size, 0, image.rgba().data(), 0, nullptr)) {
    error = std::string("cannot encode a PNG: ") + png.message;
    return {};
  }
  bytes.resize(size);
  return bytes;
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
