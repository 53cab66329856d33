// Speaker photos are checked before they are decoded: a regular file of at most 4 MiB, a PNG or
// JPEG whose header claims at most 4096 × 4096 pixels. Links, FIFOs and pixel bombs are refused.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "platform/image_buffer.hpp"
#include "platform/photo_file.hpp"
#include "platform/png_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas::platform {
namespace {

namespace fs = std::filesystem;

// A PNG signature and IHDR chunk claiming `width` × `height`, with nothing after them.
std::string png_header(unsigned width, unsigned height) {
  std::string bytes = "\x89PNG\r\n\x1a\n";
  bytes += std::string("\0\0\0\x0dIHDR", 8);
  for (unsigned value : {width, height}) {
    for (int shift = 24; shift >= 0; shift -= 8)
      bytes += static_cast<char>((value >> shift) & 0xFF);
  }
  bytes += std::string("\x08\x06\0\0\0", 5);
  return bytes;
}

TEST(PhotoFile, ASmallPngIsReadWithItsSize) {
  const TemporaryFolder dir("photos-small");
  std::string error;
  ASSERT_TRUE(write_png((dir / "face.png").string(), ImageBuffer(40, 20, {255, 0, 0, 255}), error))
      << error;
  const PhotoFile photo = read_photo_file(dir / "face.png");
  EXPECT_EQ(photo.error, "");
  EXPECT_EQ(photo.width, 40);
  EXPECT_EQ(photo.height, 20);
  EXPECT_FALSE(photo.bytes.empty());
}

TEST(PhotoFile, APixelBombIsRefusedFromItsHeader) {
  const TemporaryFolder dir("photos-bomb");
  std::ofstream(dir / "bomb.png", std::ios::binary) << png_header(16000, 16000);
  const PhotoFile photo = read_photo_file(dir / "bomb.png");
  EXPECT_NE(photo.error.find("16000 x 16000 pixels"), std::string::npos) << photo.error;
  EXPECT_TRUE(photo.bytes.empty());
}

TEST(PhotoFile, AJpegHeaderGivesItsSize) {
  // SOI, an APP0 segment of 16 bytes, then SOF0 with height 300 and width 200.
  std::string jpeg("\xFF\xD8\xFF\xE0\x00\x10", 6);
  jpeg += std::string(14, '\0');
  jpeg += std::string("\xFF\xC0\x00\x11\x08\x01\x2C\x00\xC8\x03", 10);
  int width = 0, height = 0;
  ASSERT_TRUE(photo_size(jpeg, width, height));
  EXPECT_EQ(width, 200);
  EXPECT_EQ(height, 300);
  EXPECT_FALSE(photo_size("GIF89a........", width, height));
}

TEST(PhotoFile, LinksFifosAndLargeFilesAreRefusedUnread) {
  const TemporaryFolder dir("photos-links");
  std::ofstream(dir / "passwd", std::ios::binary) << png_header(10, 10);
  fs::create_symlink(dir / "passwd", dir / "link.png");
  EXPECT_NE(read_photo_file(dir / "link.png").error.find("symbolic link"), std::string::npos);
  ASSERT_EQ(::mkfifo((dir / "pipe.png").c_str(), 0644), 0);
  EXPECT_NE(read_photo_file(dir / "pipe.png").error.find("not a regular file"), std::string::npos);
  std::ofstream(dir / "big.png", std::ios::binary)
      << png_header(10, 10) << std::string(kMaxPhotoBytes, '\0');
  EXPECT_NE(read_photo_file(dir / "big.png").error.find("larger than 4 MiB"), std::string::npos);
}

}  // namespace
}  // namespace ijlas::platform
