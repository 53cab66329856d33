#include "text/typesetter.hpp"

#include <gtest/gtest.h>

#include "text_test_support.hpp"

namespace ijlas::text {
namespace {

TextStyle urdu(float size, float width) {
  TextStyle style;
  style.pixel_size = size;
  style.max_width = width;
  return style;
}

TEST(Typesetter, DrawingALaidOutParagraphAgainShapesAndRasterizesNothing) {
  Typesetter typesetter(IJLAS_FONT_DIR);
  const std::string text = testing::press_release_lines().at(0);
  std::vector<GlyphQuad> quads;

  auto first = typesetter.layout(text, urdu(32, 900));
  typesetter.glyph_quads(*first, 10, 10, quads);
  ASSERT_GT(quads.size(), 100u);
  const auto shaped = shape_call_count();
  const auto rasterized = typesetter.atlas().rasterized_count();
  EXPECT_GT(rasterized, 0u);

  const std::size_t first_frame = quads.size();
  quads.clear();
  auto second = typesetter.layout(text, urdu(32, 900));
  typesetter.glyph_quads(*second, 10, 10, quads);
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(shape_call_count(), shaped);
  EXPECT_EQ(typesetter.atlas().rasterized_count(), rasterized);
  EXPECT_EQ(quads.size(), first_frame);
  EXPECT_EQ(typesetter.cache().hits(), 1u);
}

TEST(Typesetter, AnotherWidthIsAnotherLayout) {
  Typesetter typesetter(IJLAS_FONT_DIR);
  const auto narrow = typesetter.layout("اب اور اگلا", urdu(32, 60));
  const auto wide = typesetter.layout("اب اور اگلا", urdu(32, 600));
  EXPECT_NE(narrow.get(), wide.get());
  EXPECT_GT(narrow->lines.size(), wide->lines.size());
}

TEST(ParagraphCache, AnotherWidthOfATextSeenBeforeOnlyBreaksItsLinesAgain) {
  ParagraphCache cache;
  const FontCollection& fonts = testing::bundled_fonts();
  const std::string text = testing::press_release_lines().at(0);
  const auto wide = cache.get(fonts, text, urdu(32, 1500));
  const auto shapes = shape_call_count();
  const auto narrow = cache.get(fonts, text, urdu(32, 900));
  EXPECT_EQ(cache.shaping_misses(), 1u);
  EXPECT_EQ(cache.misses(), 2u);
  EXPECT_EQ(shape_call_count(), shapes) << "its lines end between words: nothing is reshaped";
  EXPECT_GT(narrow->lines.size(), wide->lines.size());
  const ParagraphLayout fresh = layout_paragraph(fonts, text, urdu(32, 900));
  ASSERT_EQ(narrow->lines.size(), fresh.lines.size());
  for (std::size_t i = 0; i < fresh.lines.size(); ++i) {
    EXPECT_EQ(narrow->lines[i].start, fresh.lines[i].start);
    EXPECT_EQ(narrow->lines[i].width, fresh.lines[i].width);
  }
  cache.get(fonts, text, urdu(40, 900));
  EXPECT_EQ(cache.shaping_misses(), 2u) << "another size is another shaping";
}

TEST(ParagraphCache, DropsTheLeastRecentlyUsedBeyondItsCapacity) {
  ParagraphCache cache(2);
  const FontCollection& fonts = testing::bundled_fonts();
  const TextStyle style = urdu(24, 0);
  auto a = cache.get(fonts, "الف", style);
  cache.get(fonts, "بے", style);
  cache.get(fonts, "الف", style);  // "الف" is now the most recent
  cache.get(fonts, "پے", style);   // so "بے" goes
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.get(fonts, "الف", style).get(), a.get());
  const auto misses = cache.misses();
  cache.get(fonts, "بے", style);
  EXPECT_EQ(cache.misses(), misses + 1);
}

// Beyond a few entries the cache looks them up by hash instead of scanning them.
TEST(ParagraphCache, FindsEachOfManyEntriesAgainAndDropsTheOldest) {
  ParagraphCache cache(40);
  const FontCollection& fonts = testing::bundled_fonts();
  const TextStyle style = urdu(24, 0);
  for (int i = 0; i < 41; ++i)
    cache.get(fonts, "ہال " + std::to_string(i), style);
  EXPECT_EQ(cache.size(), 40u);
  for (int i = 1; i < 41; ++i)
    cache.get(fonts, "ہال " + std::to_string(i), style);
  EXPECT_EQ(cache.hits(), 40u);
  cache.get(fonts, "ہال 0", style);
  EXPECT_EQ(cache.misses(), 42u) << "the first one was dropped";
}

TEST(GlyphAtlas, StaysWithinItsPagesAndRasterizesAgainAfterEviction) {
  const FontCollection& fonts = testing::bundled_fonts();
  const FontFace& face = fonts.nastaliq(FontWeight::kRegular);
  GlyphRasterizer rasterizer;
  GlyphAtlas atlas(128, 2);
  const auto size = static_cast<std::uint32_t>(48 * 64);
  std::uint32_t first_drawn = 0;  // the first glyph with ink (some are empty: spaces, marks)
  for (std::uint32_t glyph = 1; glyph < 400; ++glyph) {
    const AtlasEntry& entry = atlas.get({&face, glyph, size, 0}, rasterizer);
    if (entry.width == 0) continue;
    if (first_drawn == 0) first_drawn = glyph;
    ASSERT_GE(entry.page, 0);
    ASSERT_LE(entry.x + entry.width, 128);
    ASSERT_LE(entry.y + entry.height, 128);
  }
  EXPECT_EQ(atlas.pages().size(), 2u);
  EXPECT_LE(atlas.memory_bytes(), 2u * 128 * 128 + 400u * 64);
  // The first glyph was evicted long ago: asking again rasterizes it again.
  ASSERT_NE(first_drawn, 0u);
  const auto before = atlas.rasterized_count();
  atlas.get({&face, first_drawn, size, 0}, rasterizer);
  EXPECT_EQ(atlas.rasterized_count(), before + 1);
  // The glyph just placed is a hit.
  atlas.get({&face, first_drawn, size, 0}, rasterizer);
  EXPECT_EQ(atlas.rasterized_count(), before + 1);
}

TEST(GlyphAtlas, KeepsTheRasterizedPixels) {
  const FontFace& face = testing::bundled_fonts().sans(FontWeight::kRegular);
  GlyphRasterizer rasterizer;
  GlyphAtlas atlas(256, 1);
  hb_codepoint_t glyph = 0;
  ASSERT_TRUE(hb_font_get_nominal_glyph(face.hb_font(), 'H', &glyph));
  const GlyphBitmap bitmap = rasterizer.rasterize(face, glyph, 40, 0.25f);
  const AtlasEntry entry = atlas.get({&face, glyph, 40 * 64, 1}, rasterizer);
  ASSERT_EQ(entry.width, bitmap.width);
  ASSERT_EQ(entry.height, bitmap.height);
  const auto& page = atlas.pages()[entry.page].pixels;
  for (int y = 0; y < bitmap.height; ++y) {
    for (int x = 0; x < bitmap.width; ++x) {
      ASSERT_EQ(page[(entry.y + y) * 256 + entry.x + x], bitmap.coverage[y * bitmap.width + x]);
    }
  }
  // 'H' at 40 px: two stems and a bar, about 0.714 em tall.
  EXPECT_NEAR(bitmap.top, 40 * 0.714, 1.5);
}

}  // namespace
}  // namespace ijlas::text
