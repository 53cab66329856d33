// PNG in and out, by libpng: shots are written with it and reference images read back.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "platform/image_buffer.hpp"

namespace ijlas::platform {

enum class PngFormat { kRgba, kGray };

// Writes 8-bit RGBA, or grey (from the red channel: for black-on-white references, a quarter of
// the size). Returns false (and says why in error) when the file cannot be written.
bool write_png(const std::filesystem::path& path, const ImageBuffer& image, std::string& error,
               PngFormat format = PngFormat::kRgba);

// Writes 8-bit pixels stored B, G, R, A in memory (an SDL ARGB8888 surface on a little-endian
// machine) straight from their buffer, rows `stride` bytes apart: no copy of the picture.
// Compressed for speed rather than size (a live shot is written at every change of the screen).
bool write_png_bgra(const std::filesystem::path& path, int width, int height, int stride,
                    const void* pixels, std::string& error);

// The same RGBA picture as the bytes of a PNG file (a thumbnail sent to the venue broker); empty
// with the reason in error when libpng cannot encode it.
std::string encode_png(const ImageBuffer& image, std::string& error);

// Reads any PNG as 8-bit RGBA; nullopt (and why in error) when it is not a readable PNG.
std::optional<ImageBuffer> read_png(const std::filesystem::path& path, std::string& error);

}  // namespace ijlas::platform
