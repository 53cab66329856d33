// Emoji and flags in titles come from Debian's Noto Color Emoji (fonts-noto-color-emoji), whole:
// a flag's two letters, a hand and its skin tone are each one colour glyph, never tofu.
#include <gtest/gtest.h>

#include "text/glyph_atlas.hpp"
#include "text/paragraph_layout.hpp"
#include "text/typesetter.hpp"
#include "text_test_support.hpp"

namespace ijlas::text {
namespace {

using testing::bundled_fonts;

std::vector<const PositionedGlyph*> colour_glyphs(const ParagraphLayout& layout, int& others) {
  std::vector<const PositionedGlyph*> colour;
  others = 0;
  for (const LayoutLine& line : layout.lines) {
    for (const GlyphRun& run : line.runs) {
      for (const PositionedGlyph& glyph : run.glyphs) {
        EXPECT_NE(glyph.id, 0u) << "tofu at byte " << glyph.cluster << " of " << layout.text;
        if (run.face->color()) {
          colour.push_back(&glyph);
        } else if (layout.text.compare(glyph.cluster, 1, " ") != 0) {
          ++others;
        }
      }
    }
  }
  return colour;
}

TEST(ColorEmoji, AFlagAndAHandWithItsSkinToneAreOneColourGlyphEach) {
  // 🇵🇰 (two regional indicators), 👍🏽 (a hand and a modifier), 😀; in Urdu and in
  // English.
  for (const char* language : {"ur", "en"}) {
    TextStyle style;
    style.language = language;
    style.pixel_size = 40;
    const ParagraphLayout layout = layout_paragraph(
        bundled_fonts(), "\U0001F1F5\U0001F1F0 \U0001F44D\U0001F3FD \U0001F600", style);
    int others = 0;
    EXPECT_EQ(colour_glyphs(layout, others).size(), 3u) << language;
    EXPECT_EQ(others, 0) << language << ": every emoji from the colour font";
  }
}

TEST(ColorEmoji, TextStyleSymbolsStayBlackAndWhiteInTheColourOfTheirWords) {
  // ☎ and ✓ are text by default: black and white, in the colour of the words around them.
  TextStyle style;
  style.language = "en";
  style.pixel_size = 40;
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), "\u260E \u2713", style);
  int others = 0;
  EXPECT_TRUE(colour_glyphs(layout, others).empty());
  EXPECT_EQ(others, 2);
}

TEST(ColorEmoji, ATextStyleSymbolAskedToBeAnEmojiComesInColour) {
  // ☎, ✈ and ❤ followed by U+FE0F (emoji presentation), as phones type them into titles.
  for (const char* language : {"ur", "en"}) {
    TextStyle style;
    style.language = language;
    style.pixel_size = 40;
    const ParagraphLayout layout =
        layout_paragraph(bundled_fonts(), "\u260E\uFE0F \u2708\uFE0F \u2764\uFE0F", style);
    int others = 0;
    EXPECT_EQ(colour_glyphs(layout, others).size(), 3u) << language;
  }
}

TEST(ColorEmoji, AColourGlyphGoesOnAnRgbaPageOfTheAtlas) {
  Typesetter typesetter(IJLAS_FONT_DIR);
  TextStyle style;
  style.language = "en";
  style.pixel_size = 48;
  std::vector<GlyphQuad> quads;
  typesetter.glyph_quads(*typesetter.layout("A \U0001F600", style), 0, 0, quads);
  ASSERT_EQ(quads.size(), 2u);
  const auto& pages = typesetter.atlas().pages();
  EXPECT_NE(pages[quads[0].page].color, pages[quads[1].page].color);
  const GlyphQuad& smiley = pages[quads[1].page].color ? quads[1] : quads[0];
  // Scaled from the font's 109-pixel bitmaps to the text's size.
  EXPECT_GT(smiley.height, 36);
  EXPECT_LT(smiley.height, 64);
}

}  // namespace
}  // namespace ijlas::text
