// Speaker photos through the real decoder child (the reader program in its decoding mode, found
// through IJLAS_READ_BINARY) and real files: the frame never waits for a photo; the placeholder
// shows until the pixels arrive; a FIFO, a pixel bomb, a photo that needs more memory than the
// child has, and paths outside the agenda's folder are refused by name, once.
#include "platform/photo_decoder.hpp"

#include <gtest/gtest.h>
#include <png.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "picture_test_support.hpp"
#include "platform/photo_file.hpp"
#include "platform/picture_renderer.hpp"
#include "platform/png_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas::platform {
namespace {

namespace fs = std::filesystem;

using namespace picture_testing;

constexpr text::Color kGrey{128, 128, 128, 255};  // the placeholder under the photo

// A PNG of `width` x `height` black pixels, written a row at a time: a 16000 x 16000 one needs
// no gigabyte here either.
void write_black_png(const fs::path& path, int width, int height, int bit_depth, int color_type) {
  FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_init_io(png, file);
  png_set_IHDR(png, info, width, height, bit_depth, color_type, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  std::vector<png_byte> row(static_cast<std::size_t>(width) * 4, 0);
  for (int y = 0; y < height; ++y)
    png_write_row(png, row.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(file);
}

class PhotoDecoding : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = root_ / "agenda";
    fs::create_directories(dir_);
    // 40 x 20: left half red, right half blue.
    ImageBuffer photo(40, 20, kRed);
    for (int y = 0; y < 20; ++y) {
      for (int x = 20; x < 40; ++x) {
        std::uint8_t* p = &photo.rgba()[(y * 40 + x) * 4];
        p[0] = kBlue.r, p[1] = kBlue.g, p[2] = kBlue.b;
      }
    }
    std::string error;
    ASSERT_TRUE(write_png(photo_path(), photo, error)) << error;
  }

  std::string photo_path() const { return (dir_ / "photo.png").string(); }
  PhotoLoading loading(live::ReaderLimits limits = PhotoLoading{}.limits) const {
    PhotoLoading photos;
    photos.executable = IJLAS_READ_BINARY;
    photos.folders = {dir_};
    photos.limits = limits;
    return photos;
  }
  // What a decode of `path` into a 20 x 20 box ends with: the diagnostic, or "" when it worked.
  std::string refusal(const std::string& path, live::ReaderLimits limits = PhotoLoading{}.limits) {
    PhotoDecoder decoder(loading(limits));
    ::testing::internal::CaptureStderr();
    decoder.ask({path, 20, 20, false});
    decoder.wait_until_idle();
    const bool decoded = decoder.take_decoded().size() == 1;
    const std::string said = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(decoded, said.empty()) << said;
    EXPECT_EQ(decoder.failed(path), !decoded);
    return said;
  }

  TemporaryFolder root_{"photo-test"};
  fs::path dir_;
};

TEST_F(PhotoDecoding, TheFrameShowsThePlaceholderFirstAndThePhotoOnceDecoded) {
  PictureRenderer pictures(typesetter(), ScreenRotation({96, 40}, Rotation::k0), loading());
  ui::DrawList list;
  list.fill({10, 10, 40, 20}, kGrey);
  list.image(photo_path(), {10, 10, 40, 20});  // same shape: all of it
  list.image(photo_path(), {60, 10, 20, 20});  // square: the middle, half red, half blue
  const ImageBuffer first = pictures.render(list, kWhite);
  EXPECT_EQ(pixel(first, 12, 20), kGrey);
  EXPECT_EQ(pixel(first, 61, 20), kWhite);
  EXPECT_TRUE(pictures.renderer().photos_waiting());
  pictures.wait_for_photos(list);
  EXPECT_TRUE(pictures.renderer().photos_arrived());
  const ImageBuffer image = pictures.render(list, kWhite);
  EXPECT_FALSE(pictures.renderer().photos_waiting());
  EXPECT_EQ(pixel(image, 12, 20), kRed);
  EXPECT_EQ(pixel(image, 47, 20), kBlue);
  EXPECT_EQ(pixel(image, 9, 20), kWhite);
  EXPECT_EQ(pixel(image, 61, 20), kRed);
  EXPECT_EQ(pixel(image, 78, 20), kBlue);
  EXPECT_EQ(pixel(image, 81, 20), kWhite);
  EXPECT_EQ(pictures.renderer().image_loads(), 2u);  // one child for each box size
}

TEST_F(PhotoDecoding, ACirclePhotoLeavesItsCornersEmpty) {
  PictureRenderer pictures(typesetter(), ScreenRotation({64, 64}, Rotation::k0), loading());
  ui::DrawList list;
  list.image(photo_path(), {10, 10, 40, 40}, true);
  pictures.wait_for_photos(list);
  const ImageBuffer image = pictures.render(list, kWhite);
  EXPECT_EQ(pixel(image, 10, 10), kWhite);
  EXPECT_EQ(pixel(image, 49, 49), kWhite);
  EXPECT_EQ(pixel(image, 14, 14), kWhite);
  EXPECT_EQ(pixel(image, 20, 30), kRed);
  EXPECT_EQ(pixel(image, 40, 30), kBlue);
}

TEST_F(PhotoDecoding, AFailedPhotoIsNamedOnceAndNeverTriedAgainWhileDrawingGoesOn) {
  PictureRenderer pictures(typesetter(), ScreenRotation({64, 64}, Rotation::k0), loading());
  ui::DrawList list;
  list.image((dir_ / "nobody.jpg").string(), {30, 30, 20, 20}, true);
  list.image((dir_ / "nobody.jpg").string(), {0, 0, 10, 10});  // another size, the same file
  list.fill({60, 60, 4, 4}, kRed);  // drawing goes on after the missing photo
  ::testing::internal::CaptureStderr();
  pictures.wait_for_photos(list);
  for (int frame = 0; frame < 3; ++frame)
    pictures.wait_for_photos(list);
  const ImageBuffer image = pictures.render(list, kWhite);
  const std::string said = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(pictures.renderer().image_loads(), 1u);
  EXPECT_EQ(said.find("nobody.jpg"), said.rfind("nobody.jpg")) << said;
  EXPECT_NE(said.find("cannot show the photo"), std::string::npos) << said;
  EXPECT_EQ(pixel(image, 40, 40), kWhite);
  EXPECT_EQ(pixel(image, 61, 61), kRed);
}

TEST_F(PhotoDecoding, AFifoAsAPhotoNeverBlocksAFrame) {
  const fs::path fifo = dir_ / "pipe.png";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  PictureRenderer pictures(typesetter(), ScreenRotation({64, 64}, Rotation::k0), loading());
  ui::DrawList list;
  list.image(fifo.string(), {0, 0, 20, 20});
  // Drawn at once, with no writer on the FIFO: the frame does not wait for the decoder.
  pictures.render(list, kWhite);
  EXPECT_TRUE(pictures.renderer().photos_waiting());
  EXPECT_NE(refusal(fifo.string()).find("is not a regular file"), std::string::npos);
}

TEST_F(PhotoDecoding, APixelBombIsRefusedByItsPixelCountNotDecoded) {
  // 16000 x 16000: 1 GB once decoded; refused by its header within the decoder's 256 MiB.
  const fs::path bomb = dir_ / "bomb.png";
  write_black_png(bomb, 16000, 16000, 1, PNG_COLOR_TYPE_GRAY);
  const std::string said = refusal(bomb.string());
  EXPECT_NE(said.find("16000 x 16000 pixels"), std::string::npos) << said;
  EXPECT_NE(said.find("bomb.png"), std::string::npos) << said;
}

TEST_F(PhotoDecoding, APhotoNeedingMoreMemoryThanTheDecoderHasIsAClearRejection) {
  if (!live::kReaderMemoryLimited) GTEST_SKIP() << "no address-space limit under sanitizers";
  // 4096 x 4096 is allowed, but its 64 MiB of pixels (and their conversion) do not fit in
  // 140 MiB of address space, in which a small photo decodes.
  const fs::path large = dir_ / "large.png";
  write_black_png(large, 4096, 4096, 8, PNG_COLOR_TYPE_RGB_ALPHA);
  live::ReaderLimits limits;
  limits.memory_mib = 140;
  EXPECT_EQ(refusal(photo_path(), limits), "");
  const std::string said = refusal(large.string(), limits);
  EXPECT_NE(said.find("needed more than 140 MiB of memory to decode"), std::string::npos) << said;
  EXPECT_NE(said.find("large.png"), std::string::npos) << said;
}

TEST_F(PhotoDecoding, ADecoderThatCrashesIsARefusalNamingThePhotoNotACrash) {
  ::setenv("IJLAS_READER_TEST_HOOK", "crash:CRASHES-THE-DECODER", 1);
  const fs::path hostile = dir_ / "hostile.png";
  fs::copy_file(photo_path(), hostile);
  std::ofstream(hostile, std::ios::binary | std::ios::app) << "CRASHES-THE-DECODER";
  const std::string said = refusal(hostile.string());
  ::unsetenv("IJLAS_READER_TEST_HOOK");
  EXPECT_NE(said.find("the decoder crashed (signal 11"), std::string::npos) << said;
  EXPECT_NE(said.find("hostile.png"), std::string::npos) << said;
}

TEST_F(PhotoDecoding, PhotosOutsideTheAgendasFolderAreRefusedUnread) {
  fs::create_directories(root_ / "elsewhere");
  fs::copy_file(photo_path(), root_ / "elsewhere" / "secret.png");
  fs::create_directory_symlink(root_ / "elsewhere", dir_ / "linked");
  const std::string outside = "outside the agenda's folder";
  EXPECT_NE(refusal((dir_ / ".." / "elsewhere" / "secret.png").string()).find(outside),
            std::string::npos);
  EXPECT_NE(refusal((root_ / "elsewhere" / "secret.png").string()).find(outside),
            std::string::npos);
  EXPECT_NE(refusal((dir_ / "linked" / "secret.png").string()).find(outside), std::string::npos);
  EXPECT_NE(refusal("/etc/passwd").find(outside), std::string::npos);
  EXPECT_EQ(refusal(photo_path()), "");
}

TEST_F(PhotoDecoding, APhotoBeingDecodedIsRecordedUntilItsDecoderIsDoneOrGivenUp) {
  // A decoder that never ends, killed at its deadline; the record names the photo meanwhile.
  ::setenv("IJLAS_READER_TEST_HOOK", "hang:NEVER-DECODED", 1);
  const fs::path stuck = dir_ / "stuck.png";
  fs::copy_file(photo_path(), stuck);
  std::ofstream(stuck, std::ios::binary | std::ios::app) << "NEVER-DECODED";
  live::ReaderLimits limits;
  limits.deadline_ms = 600;
  PhotoLoading photos = loading(limits);
  photos.record.emplace(root_ / "state", root_ / "quarantine", "handling-photo");
  const fs::path record = photos.record->record_path();
  PhotoDecoder decoder(std::move(photos));
  ::testing::internal::CaptureStderr();
  decoder.ask({stuck.string(), 20, 20, true});
  std::ifstream in(record);
  std::string recorded;
  std::getline(in, recorded);
  EXPECT_EQ(recorded, stuck.string());
  decoder.wait_until_idle();
  const std::string said = ::testing::internal::GetCapturedStderr();
  ::unsetenv("IJLAS_READER_TEST_HOOK");
  EXPECT_TRUE(decoder.take_decoded().empty());
  EXPECT_NE(said.find("took longer than 600 ms to decode"), std::string::npos) << said;
  EXPECT_FALSE(fs::exists(record));
}

TEST_F(PhotoDecoding, TheFolderRuleResolvesLinksAndDotDotBeforeComparing) {
  fs::create_directories(dir_ / "speakers");
  fs::create_directory_symlink(root_, dir_ / "up");
  EXPECT_EQ(outside_photo_folders(dir_ / "speakers" / "a.png", {dir_}), "");
  EXPECT_EQ(outside_photo_folders(dir_ / "speakers" / ".." / "a.png", {dir_}), "");
  EXPECT_NE(outside_photo_folders(dir_ / "speakers" / ".." / ".." / "a.png", {dir_}), "");
  EXPECT_NE(outside_photo_folders(dir_ / "up" / "a.png", {dir_}), "");
  EXPECT_NE(outside_photo_folders(root_ / "agenda-2" / "a.png", {dir_}), "");  // not a prefix
  EXPECT_EQ(outside_photo_folders(root_ / "assets" / "a.png", {dir_, root_ / "assets"}), "");
  EXPECT_NE(outside_photo_folders(dir_ / "a.png", {}), "");
}

}  // namespace
}  // namespace ijlas::platform
