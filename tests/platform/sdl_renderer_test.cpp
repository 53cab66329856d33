// DrawLists drawn headless through SdlRenderer on SDL's software renderer (no display needed).
#include "platform/sdl_renderer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "picture_test_support.hpp"
#include "platform/paragraph_image.hpp"
#include "platform/picture_renderer.hpp"
#include "platform/png_file.hpp"

namespace ijlas::platform {
namespace {

using namespace picture_testing;

ImageBuffer render(const ui::DrawList& list, Size size, Rotation rotation = Rotation::k0,
                   text::Color background = kWhite) {
  PictureRenderer pictures(typesetter(), ScreenRotation(size, rotation));
  return pictures.render(list, background);
}

std::shared_ptr<const text::ParagraphLayout> urdu(std::string_view words, float size = 40) {
  text::TextStyle style;
  style.pixel_size = size;
  return typesetter().layout(words, style);
}

TEST(SdlRenderer, AFilledRectangleCoversExactlyItsPixelsInItsColour) {
  ui::DrawList list;
  list.fill({10, 20, 30, 15}, kRed);
  const ImageBuffer image = render(list, {64, 48});
  for (int y = 0; y < 48; ++y) {
    for (int x = 0; x < 64; ++x) {
      const bool inside = x >= 10 && x < 40 && y >= 20 && y < 35;
      ASSERT_EQ(pixel(image, x, y), inside ? kRed : kWhite) << x << "," << y;
    }
  }
}

TEST(SdlRenderer, TranslucentFillsBlendOverWhatIsBelow) {
  ui::DrawList list;
  list.fill({0, 0, 10, 10}, {0, 0, 0, 128});
  const text::Color c = pixel(render(list, {10, 10}), 5, 5);
  EXPECT_NEAR(c.r, 127, 2);
  EXPECT_NEAR(c.g, 127, 2);
}

TEST(SdlRenderer, ClipsHideWhatFallsOutsideAndNestedClipsIntersect) {
  ui::DrawList list;
  list.push_clip({10, 10, 20, 20});
  list.fill({0, 0, 64, 64}, kRed);
  list.push_clip({0, 0, 15, 64});
  list.fill({0, 0, 64, 64}, kBlue);
  list.pop_clip();
  list.pop_clip();
  list.fill({50, 50, 4, 4}, kBlack);  // after the last PopClip, unclipped again
  const ImageBuffer image = render(list, {64, 64});
  EXPECT_EQ(pixel(image, 5, 5), kWhite);
  EXPECT_EQ(pixel(image, 9, 20), kWhite);
  EXPECT_EQ(pixel(image, 10, 10), kBlue);
  EXPECT_EQ(pixel(image, 14, 29), kBlue);
  EXPECT_EQ(pixel(image, 15, 15), kRed);
  EXPECT_EQ(pixel(image, 29, 29), kRed);
  EXPECT_EQ(pixel(image, 30, 30), kWhite);
  EXPECT_EQ(pixel(image, 51, 51), kBlack);
}

TEST(SdlRenderer, DisjointNestedClipsShowNothing) {
  ui::DrawList list;
  list.push_clip({0, 0, 10, 10});
  list.push_clip({20, 20, 10, 10});
  list.fill({0, 0, 64, 64}, kRed);
  list.pop_clip();
  list.pop_clip();
  const ImageBuffer image = render(list, {64, 64});
  for (int y = 0; y < 64; ++y) {
    for (int x = 0; x < 64; ++x)
      ASSERT_EQ(pixel(image, x, y), kWhite) << x << "," << y;
  }
}

TEST(SdlRenderer, RoundedCornersLeaveTheCornerPixelEmptyAndFillTheMiddle) {
  ui::DrawList list;
  list.fill({10, 10, 60, 40}, kRed, 12);
  list.fill({80, 10, 40, 40}, kBlue, 20);  // a circle
  const ImageBuffer image = render(list, {128, 64});
  EXPECT_EQ(pixel(image, 10, 10), kWhite);
  EXPECT_EQ(pixel(image, 69, 49), kWhite);
  EXPECT_EQ(pixel(image, 12, 12), kWhite);
  EXPECT_EQ(pixel(image, 40, 30), kRed);
  EXPECT_EQ(pixel(image, 40, 10), kRed);  // straight edges stay crisp and full
  EXPECT_EQ(pixel(image, 10, 30), kRed);
  EXPECT_EQ(pixel(image, 40, 9), kWhite);
  EXPECT_EQ(pixel(image, 80, 10), kWhite);
  EXPECT_EQ(pixel(image, 83, 13), kWhite);  // outside the circle, inside its square
  EXPECT_EQ(pixel(image, 100, 30), kBlue);
  EXPECT_EQ(pixel(image, 100, 11), kBlue);
  EXPECT_NE(pixel(image, 100, 10), kWhite);  // the top of the circle, nearly covered
}

// Every pixel the text changed lies inside its DrawText::bounds, and there is real ink.
TEST(SdlRenderer, TextDrawsInkInsideItsBoundsAndNowhereElse) {
  ui::DrawList list;
  list.text(urdu("اب اور اگلا، مقررین"), 20, 15, kBlack);
  const ui::Box bounds = std::get<ui::DrawText>(list.commands()[0]).bounds;
  const ImageBuffer image = render(list, {480, 160});
  int dark = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const text::Color c = pixel(image, x, y);
      if (c == kWhite) continue;
      ASSERT_GE(x, std::floor(bounds.x)) << x << "," << y;
      ASSERT_LT(x, std::ceil(bounds.right())) << x << "," << y;
      ASSERT_GE(y, std::floor(bounds.y)) << x << "," << y;
      ASSERT_LT(y, std::ceil(bounds.bottom())) << x << "," << y;
      EXPECT_EQ(c.r, c.g);  // black ink on white: greys only
      if (c.r < 64) ++dark;
    }
  }
  EXPECT_GT(dark, 300);
}

// The paragraph black on white by the plain CPU path of render_paragraph, and by SDL.
std::pair<ImageBuffer, ImageBuffer> drawn_both_ways(
    const std::shared_ptr<const text::ParagraphLayout>& layout) {
  ImageBuffer expected = render_paragraph(typesetter(), *layout, 6, kBlack, kWhite);
  ui::DrawList list;
  list.text(layout, 6 - std::floor(layout->bounds.x0), 6 - std::floor(layout->bounds.y0), kBlack);
  ImageBuffer image = render(list, {expected.width(), expected.height()});
  return {std::move(expected), std::move(image)};
}

// The SDL path draws the same glyphs as the plain CPU path of render_paragraph.
TEST(SdlRenderer, TextMatchesTheAtlasCoverageDrawnWithoutSdl) {
  const auto [expected, image] = drawn_both_ways(urdu("کانفرنس ہال", 36));
  int worst = 0, inked = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      worst = std::max(worst, std::abs(pixel(image, x, y).r - pixel(expected, x, y).r));
      if (pixel(expected, x, y).r < 128) ++inked;
    }
  }
  EXPECT_GT(inked, 200);
  EXPECT_LE(worst, 3);
}

TEST(SdlRenderer, TextTakesItsColour) {
  ui::DrawList list;
  list.fill({0, 0, 300, 120}, kBlack);
  list.text(urdu("ہال", 60), 10, 0, kRed);
  const ImageBuffer image = render(list, {300, 120});
  int red = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const text::Color c = pixel(image, x, y);
      // Red over black in any amount keeps red's proportions.
      ASSERT_NEAR(c.g, c.r * kRed.g / kRed.r, 2) << x << "," << y;
      ASSERT_NEAR(c.b, c.r * kRed.b / kRed.r, 2) << x << "," << y;
      if (c == kRed) ++red;
    }
  }
  EXPECT_GT(red, 100);
}

// One glyph: where Nastaliq letters overlap at their joins, translucent ink adds up (as in
// ImageBuffer::draw_glyphs), so the check uses a letter that overlaps nothing.
TEST(SdlRenderer, TextTakesItsAlpha) {
  text::TextStyle latin;
  latin.language = "en";
  latin.pixel_size = 60;
  ui::DrawList list;
  list.text(typesetter().layout("I", latin), 10, 0, {0, 0, 0, 128});
  const ImageBuffer image = render(list, {300, 120});
  int darkest = 255;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x)
      darkest = std::min<int>(darkest, pixel(image, x, y).r);
  }
  EXPECT_NEAR(darkest, 127, 3);  // fully inked pixels are half black over white
}

// Noto Color Emoji (fonts-noto-color-emoji): its bitmaps keep their colours in black text.
std::shared_ptr<const text::ParagraphLayout> flag_and_smiley(float size = 60) {
  text::TextStyle latin;
  latin.language = "en";
  latin.pixel_size = size;
  return typesetter().layout("\U0001F1F5\U0001F1F0 \U0001F600", latin);  // 🇵🇰 😀
}

TEST(SdlRenderer, AFlagAndAnEmojiKeepTheirOwnColoursInBlackText) {
  ui::DrawList list;
  list.text(flag_and_smiley(), 10, 10, kBlack);
  const ImageBuffer image = render(list, {300, 120});
  int green = 0, yellow = 0, top = image.height(), bottom = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const text::Color c = pixel(image, x, y);
      if (c.g > c.r + 40 && c.g > c.b + 10) ++green;      // the flag of Pakistan
      if (c.r > 200 && c.g > 150 && c.b < 100) ++yellow;  // the smiley
      if (c != kWhite) top = std::min(top, y), bottom = std::max(bottom, y);
    }
  }
  EXPECT_GT(green, 300);
  EXPECT_GT(yellow, 300);
  // Scaled from the font's bitmaps to the text's size: about an em tall.
  EXPECT_GT(bottom - top, 40);
  EXPECT_LT(bottom - top, 80);
}

TEST(SdlRenderer, ColourGlyphsDrawInsideTheirLayoutsBoundsAtEverySize) {
  for (const float size : {22.0f, 41.0f, 103.0f}) {  // meta at 720p to an Urdu title in portrait
    ui::DrawList list;
    list.text(flag_and_smiley(size), 10, 10, kBlack);
    const ui::Box bounds = std::get<ui::DrawText>(list.commands()[0]).bounds;
    const ImageBuffer image = render(list, {400, 200});
    int inked = 0;
    for (int y = 0; y < image.height(); ++y) {
      for (int x = 0; x < image.width(); ++x) {
        if (pixel(image, x, y) == kWhite) continue;
        ++inked;
        ASSERT_GE(x, std::floor(bounds.x)) << size << ": " << x << "," << y;
        ASSERT_LT(x, std::ceil(bounds.right())) << size << ": " << x << "," << y;
        ASSERT_GE(y, std::floor(bounds.y)) << size << ": " << x << "," << y;
        ASSERT_LT(y, std::ceil(bounds.bottom())) << size << ": " << x << "," << y;
      }
    }
    EXPECT_GT(inked, size * size) << size;
  }
}

// The SDL path draws colour glyphs as the plain CPU path of render_paragraph does.
TEST(SdlRenderer, ColourGlyphsMatchTheAtlasDrawnWithoutSdl) {
  const auto [expected, image] = drawn_both_ways(flag_and_smiley(36));
  int worst = 0, coloured = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const text::Color a = pixel(image, x, y), b = pixel(expected, x, y);
      worst = std::max({worst, std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
      if (b.r != b.g || b.g != b.b) ++coloured;
    }
  }
  EXPECT_GT(coloured, 200);
  EXPECT_LE(worst, 3);
}

TEST(SdlRenderer, ASecondFrameRasterizesAndUploadsNothing) {
  text::Typesetter& fonts = typesetter();
  PictureRenderer pictures(fonts, ScreenRotation({400, 200}, Rotation::k0));
  ui::DrawList list;
  list.text(urdu("دوسرا دن، پہلا اجلاس"), 10, 10, kBlack);
  list.text(urdu("Second day"), 10, 100, kBlue);

  const ImageBuffer first = pictures.render(list, kWhite);
  const auto rasterized = fonts.atlas().rasterized_count();
  const auto uploads = pictures.renderer().atlas_uploads();
  EXPECT_GE(uploads, 1u);

  const ImageBuffer second = pictures.render(list, kWhite);
  EXPECT_EQ(fonts.atlas().rasterized_count(), rasterized);
  EXPECT_EQ(pictures.renderer().atlas_uploads(), uploads);
  EXPECT_EQ(first.rgba(), second.rgba());
}

TEST(SdlRenderer, NewGlyphsUploadTheirPageAgain) {
  text::Typesetter& fonts = typesetter();
  PictureRenderer pictures(fonts, ScreenRotation({400, 120}, Rotation::k0));
  ui::DrawList list;
  list.text(urdu("ملاقات"), 10, 10, kBlack);
  pictures.render(list, kWhite);
  const auto uploads = pictures.renderer().atlas_uploads();
  list.text(urdu("ٹھٹھہ ژالہ باری", 41), 10, 50, kBlack);  // glyphs at a size not seen before
  pictures.render(list, kWhite);
  EXPECT_GT(pictures.renderer().atlas_uploads(), uploads);
}

// Rotated shots are the unrotated picture turned clockwise, pixel for pixel.
TEST(SdlRenderer, TurnedPicturesAreTheLogicalPictureTurned) {
  ui::DrawList list;  // laid out for a logical 30 x 40 portrait picture
  list.fill({2, 3, 10, 5}, kRed);
  list.fill({20, 30, 8, 8}, kBlue, 4);
  list.text(urdu("اب", 16), 4, 10, kBlack);
  const ImageBuffer logical = render(list, {30, 40});
  for (const Rotation rotation : {Rotation::k90, Rotation::k180, Rotation::k270}) {
    const ScreenRotation turn(rotation == Rotation::k180 ? Size{30, 40} : Size{40, 30}, rotation);
    const ImageBuffer turned = render(list, turn.physical(), rotation);
    ASSERT_EQ(turned.width(), turn.physical().width);
    for (int y = 0; y < 40; ++y) {
      for (int x = 0; x < 30; ++x) {
        const Point p = turn.to_physical(Point{x + 0.5f, y + 0.5f});
        ASSERT_EQ(pixel(turned, static_cast<int>(p.x), static_cast<int>(p.y)), pixel(logical, x, y))
            << static_cast<int>(rotation) << " at " << x << "," << y;
      }
    }
  }
}

// Not a check but a picture to look at: IJLAS_SHOT_DIR=/tmp sdl_renderer_test writes one.
TEST(SdlRenderer, WritesASamplePictureWhenAsked) {
  const char* dir = std::getenv("IJLAS_SHOT_DIR");
  if (!dir) GTEST_SKIP() << "set IJLAS_SHOT_DIR to write sample.png";
  ui::DrawList list;
  list.fill({0, 0, 640, 360}, {11, 31, 51, 255});
  list.fill({20, 20, 600, 150}, {18, 48, 77, 255}, 16);
  list.fill({30, 30, 12, 12}, {242, 183, 5, 255}, 6);
  text::TextStyle title;
  title.pixel_size = 44;
  title.max_width = 560;
  list.text(typesetter().layout("مصنوعی ذہانت اور پاکستان کا مستقبل", title), 40, 30,
            {255, 255, 255, 255});
  text::TextStyle english;
  english.language = "en";
  english.pixel_size = 24;
  list.text(typesetter().layout("Hall A · 10:30–11:15", english), 40, 120, {201, 214, 227, 255});
  list.push_clip({20, 200, 300, 60});
  list.fill({20, 200, 600, 140}, {61, 220, 151, 160}, 30);
  list.pop_clip();
  text::TextStyle gold = title;
  gold.max_width = 0;
  list.text(typesetter().layout("اب اور اگلا", gold), 360, 230, {242, 183, 5, 255});
  list.fill({560, 280, 48, 48}, {201, 214, 227, 255}, 24);
  std::string error;
  ASSERT_TRUE(write_png(std::filesystem::path(dir) / "sample.png", render(list, {640, 360}), error))
      << error;
  ASSERT_TRUE(write_png(std::filesystem::path(dir) / "sample-90.png",
                        render(list, {360, 640}, Rotation::k90), error))
      << error;
}

}  // namespace
}  // namespace ijlas::platform
