// Thumbnails for the venue broker: a picture made smaller by averaging, put in a grid, and
// encoded as a PNG in memory that reads back as the same picture.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "platform/image_buffer.hpp"
#include "platform/png_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas::platform {
namespace {

std::uint8_t red_at(const ImageBuffer& image, int x, int y) {
  return image.rgba()[(static_cast<std::size_t>(y) * image.width() + x) * 4];
}

TEST(Thumbnail, EachPixelOfASmallerPictureIsTheMeanOfThoseItCovers) {
  ImageBuffer picture(8, 4, {0, 0, 0, 255});
  for (int y = 0; y < 4; ++y)
    for (int x = 4; x < 8; ++x)
      picture.rgba()[(static_cast<std::size_t>(y) * 8 + x) * 4] = 200;
  picture.rgba()[0] = 160;  // one pixel of the first 4 x 4 block
  const ImageBuffer small = picture.scaled_down(2);
  ASSERT_EQ(small.width(), 2);
  EXPECT_EQ(small.height(), 1);
  EXPECT_EQ(red_at(small, 0, 0), 10);  // 160 / 16
  EXPECT_EQ(red_at(small, 1, 0), 200);
  EXPECT_EQ(picture.scaled_down(16).width(), 8);  // already narrow enough
}

TEST(Thumbnail, APastedPictureIsClippedAtTheEdges) {
  ImageBuffer grid(4, 4, {10, 10, 10, 255});
  grid.paste(ImageBuffer(3, 3, {99, 99, 99, 255}), 2, -1);
  EXPECT_EQ(red_at(grid, 1, 0), 10);
  EXPECT_EQ(red_at(grid, 2, 0), 99);
  EXPECT_EQ(red_at(grid, 3, 1), 99);
  EXPECT_EQ(red_at(grid, 3, 2), 10);
}

TEST(Thumbnail, APngEncodedInMemoryReadsBackAsThePicture) {
  ImageBuffer picture(5, 3, {1, 2, 3, 255});
  picture.rgba()[4] = 250;
  std::string error;
  const std::string png = encode_png(picture, error);
  ASSERT_FALSE(png.empty()) << error;
  const TemporaryFolder folder("thumbnail-test");
  const std::filesystem::path file = folder / "thumbnail.png";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << png;
  const auto back = read_png(file, error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->width(), 5);
  EXPECT_EQ(back->rgba(), picture.rgba());
}

}  // namespace
}  // namespace ijlas::platform
