#include "text/paragraph_layout.hpp"

#include <hb.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/utf8.hpp"
#include "text/font_collection.hpp"
#include "text/paragraph_cache.hpp"
#include "text_test_support.hpp"

namespace ijlas::text {
namespace {

using testing::bundled_fonts;

TextStyle urdu(float size = 32, float width = 0) {
  TextStyle style;
  style.language = "ur";
  style.pixel_size = size;
  style.max_width = width;
  return style;
}

TextStyle english(float size = 32, float width = 0) {
  TextStyle style = urdu(size, width);
  style.language = "en";
  return style;
}

std::vector<const GlyphRun*> runs_of(const ParagraphLayout& layout) {
  std::vector<const GlyphRun*> runs;
  for (const LayoutLine& line : layout.lines) {
    for (const GlyphRun& run : line.runs)
      runs.push_back(&run);
  }
  return runs;
}

std::uint32_t nominal_glyph(const FontFace& face, char32_t cp) {
  hb_codepoint_t glyph = 0;
  hb_font_get_nominal_glyph(face.hb_font(), cp, &glyph);
  return glyph;
}

TEST(ParagraphLayout, DirectionFollowsLanguageThenFirstStrongCharacter) {
  EXPECT_EQ(layout_paragraph(bundled_fonts(), "UNODC اور IOM", urdu()).direction, Direction::kRtl);
  EXPECT_EQ(layout_paragraph(bundled_fonts(), "اجلاس", english()).direction, Direction::kLtr);
  TextStyle unknown = urdu();
  unknown.language.clear();
  EXPECT_EQ(layout_paragraph(bundled_fonts(), "2025 اجلاس", unknown).direction, Direction::kRtl);
  EXPECT_EQ(layout_paragraph(bundled_fonts(), "2025 Session اجلاس", unknown).direction,
            Direction::kLtr);
}

TEST(ParagraphLayout, LatinInsideUrduStandsLeftOfTheUrduBeforeIt) {
  // Logical order: "اور" then "UNODC". Read right to left, "اور" comes first, so it is on the
  // right.
  const std::string text = "اور UNODC";
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), text, urdu());
  const auto runs = runs_of(layout);
  ASSERT_GE(runs.size(), 2u);
  EXPECT_EQ(runs.front()->script, HB_SCRIPT_LATIN);
  EXPECT_EQ(runs.front()->face->file_name(), "NotoSans-Regular.ttf");
  EXPECT_EQ(runs.front()->language, "en");
  EXPECT_EQ(text.substr(runs.front()->start, runs.front()->end - runs.front()->start), "UNODC");
  EXPECT_EQ(runs.back()->script, HB_SCRIPT_ARABIC);
  EXPECT_EQ(runs.back()->face->file_name(), "NotoNastaliqUrdu-Regular.ttf");
  EXPECT_EQ(runs.back()->direction, Direction::kRtl);
  EXPECT_EQ(runs.back()->language, "ur");
  // Set smaller than the Urdu around it (SCREENS.md: Urdu is 1.2x the Latin size of a role).
  EXPECT_FLOAT_EQ(runs.front()->pixel_size, 32.0f / kNastaliqToLatinSize);
}

TEST(ParagraphLayout, NumbersInsideUrduReadLeftToRightInTheNastaliqFace) {
  const std::string text = "نومبر 2025 کو";
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), text, urdu());
  const std::size_t digits = text.find("2025");
  for (const GlyphRun* run : runs_of(layout)) {
    if (run->start != digits) continue;
    EXPECT_EQ(run->direction, Direction::kLtr);
    EXPECT_EQ(run->face->file_name(), "NotoNastaliqUrdu-Regular.ttf");  // it has the digits
    ASSERT_EQ(run->glyphs.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i)
      EXPECT_EQ(run->glyphs[i].cluster, digits + i);
    for (std::size_t i = 1; i < 4; ++i)
      EXPECT_GT(run->glyphs[i].x, run->glyphs[i - 1].x);
    return;
  }
  FAIL() << "no run starts at the digits";
}

TEST(ParagraphLayout, ParenthesesAreMirroredInRightToLeftText) {
  const std::string text = "کانفرنس (یو این او ڈی سی) میں";
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), text, urdu());
  const FontFace& nastaliq = bundled_fonts().nastaliq(FontWeight::kRegular);
  const std::size_t open = text.find('(');
  const std::size_t close = text.find(')');
  int seen = 0;
  for (const GlyphRun* run : runs_of(layout)) {
    for (const PositionedGlyph& glyph : run->glyphs) {
      if (glyph.cluster == open) {
        EXPECT_EQ(glyph.id, nominal_glyph(nastaliq, U')'));  // "(" opens on the right: ")" shape
        ++seen;
      }
      if (glyph.cluster == close) {
        EXPECT_EQ(glyph.id, nominal_glyph(nastaliq, U'('));
        ++seen;
      }
    }
  }
  EXPECT_EQ(seen, 2);
}

TEST(ParagraphLayout, NoCharacterOfThePressReleaseFallsToTofu) {
  for (const std::string& line : testing::press_release_lines()) {
    const ParagraphLayout layout = layout_paragraph(bundled_fonts(), line, urdu(24, 1200));
    for (const GlyphRun* run : runs_of(layout)) {
      for (const PositionedGlyph& glyph : run->glyphs) {
        EXPECT_NE(glyph.id, 0u) << "tofu for byte " << glyph.cluster << " of: " << line;
      }
    }
  }
}

TEST(ParagraphLayout, SymbolsThatNeitherBundledFontHasComeFromTheSymbolsFont) {
  // ☎ and ✓ are in neither Noto Sans nor Nastaliq: Debian's Noto Sans Symbols 2 draws them.
  for (const char* text : {"\u260E Helpline", "\u260E ہیلپ لائن", "Done \u2713"}) {
    const ParagraphLayout layout = layout_paragraph(bundled_fonts(), text, urdu());
    bool symbol = false;
    for (const GlyphRun* run : runs_of(layout)) {
      for (const PositionedGlyph& glyph : run->glyphs) {
        EXPECT_NE(glyph.id, 0u) << "tofu at byte " << glyph.cluster << " of " << text;
      }
      if (run->face->file_name() == "NotoSansSymbols2-Regular.ttf") symbol = true;
    }
    EXPECT_TRUE(symbol) << text;
  }
}

TEST(ParagraphLayout, PunctuationNastaliqLacksIsSizedByItsScriptNotItsFont) {
  // `%` inside Urdu words comes from Noto Sans but keeps the Urdu size of its neighbours; in an
  // English phrase inside the Urdu text it has the smaller Latin size.
  const ParagraphLayout layout =
      layout_paragraph(bundled_fonts(), "اجلاس % اجلاس (rate 5%)", urdu(36));
  float urdu_percent = 0, latin_percent = 0;
  for (const GlyphRun* run : runs_of(layout)) {
    for (const PositionedGlyph& glyph : run->glyphs) {
      if (layout.text[glyph.cluster] != '%') continue;
      (run->script == HB_SCRIPT_ARABIC ? urdu_percent : latin_percent) = run->pixel_size;
    }
  }
  EXPECT_FLOAT_EQ(urdu_percent, 36);
  EXPECT_FLOAT_EQ(latin_percent, 36 / kNastaliqToLatinSize);
}

TEST(ParagraphLayout, WrappedLinesFitTheWidthAndBreakBetweenWords) {
  const std::string text = testing::press_release_lines().at(0);
  const float width = 700;
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), text, urdu(32, width));
  ASSERT_GT(layout.lines.size(), 3u);
  EXPECT_EQ(layout.lines.front().start, 0u);
  EXPECT_EQ(layout.lines.back().end, text.size());
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    const LayoutLine& line = layout.lines[i];
    EXPECT_LE(line.width, width + 0.01f);
    if (i + 1 < layout.lines.size()) {
      EXPECT_EQ(line.end, layout.lines[i + 1].start);
      EXPECT_EQ(text[line.end - 1], ' ') << "line " << i << " ends inside a word";
      // Greedy filling: the next word would not have fitted.
      EXPECT_GT(line.width, width * 0.6f);
    }
  }
}

TEST(ParagraphLayout, StartAlignmentIsTheRightEdgeInUrduAndTheLeftInEnglish) {
  const float width = 600;
  const ParagraphLayout ur = layout_paragraph(bundled_fonts(), "اجلاس", urdu(32, width));
  ASSERT_EQ(ur.lines.size(), 1u);
  const auto& ur_glyphs = ur.lines[0].runs.back().glyphs;
  EXPECT_NEAR(ur_glyphs.back().x + ur_glyphs.back().advance, width, 0.05f);

  const ParagraphLayout en = layout_paragraph(bundled_fonts(), "Session", english(32, width));
  EXPECT_NEAR(en.lines[0].runs.front().glyphs.front().x, 0.0f, 0.05f);

  TextStyle end = english(32, width);
  end.alignment = Alignment::kEnd;
  const ParagraphLayout en_end = layout_paragraph(bundled_fonts(), "Session", end);
  const auto& last = en_end.lines[0].runs.back().glyphs.back();
  EXPECT_NEAR(last.x + last.advance, width, 0.05f);

  TextStyle centre = english(32, width);
  centre.alignment = Alignment::kCenter;
  const ParagraphLayout en_centre = layout_paragraph(bundled_fonts(), "Session", centre);
  const float left = en_centre.lines[0].runs.front().glyphs.front().x;
  EXPECT_NEAR(left, (width - en_centre.lines[0].width) / 2, 0.05f);
}

TEST(ParagraphLayout, EllipsisEndsTheLastAllowedLineAtTheLogicalEnd) {
  TextStyle style = urdu(32, 500);
  style.max_lines = 2;
  const std::string text = testing::press_release_lines().at(0);
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), text, style);
  ASSERT_EQ(layout.lines.size(), 2u);
  EXPECT_FALSE(layout.lines[0].ellipsized);
  const LayoutLine& last = layout.lines[1];
  EXPECT_TRUE(last.ellipsized);
  EXPECT_LE(last.width, 500.01f);
  // Right to left: the logical end, and so the ellipsis, is the leftmost glyph.
  const PositionedGlyph& leftmost = last.runs.front().glyphs.front();
  EXPECT_EQ(leftmost.cluster, layout.text.size());
  const FontFace& face = *last.runs.front().face;
  EXPECT_EQ(leftmost.id, nominal_glyph(face, U'\u2026'));
}

TEST(ParagraphLayout, EllipsisInEnglishIsRightmost) {
  TextStyle style = english(32, 300);
  style.max_lines = 1;
  const ParagraphLayout layout = layout_paragraph(
      bundled_fonts(), "International conference on ending migrant smuggling", style);
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_TRUE(layout.lines[0].ellipsized);
  const GlyphRun& rightmost = layout.lines[0].runs.back();
  EXPECT_EQ(rightmost.glyphs.back().cluster, layout.text.size());
  EXPECT_LE(layout.lines[0].width, 300.01f);
}

TEST(ParagraphLayout, AWordWiderThanTheLineBreaksBetweenGraphemes) {
  const std::string word = "بینالاقوامیبینالاقوامیبینالاقوامی";
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), word, urdu(48, 150));
  ASSERT_GT(layout.lines.size(), 1u);
  for (const LayoutLine& line : layout.lines) {
    EXPECT_LE(line.width, 150.01f);
    EXPECT_GT(line.end, line.start);
  }
  EXPECT_EQ(layout.lines.back().end, word.size());
}

// Greedy splitting: every line of a word with no break opportunity holds as many letters as fit.
TEST(ParagraphLayout, AnUnbreakableWordFillsEveryLineButTheLast) {
  const std::string word(2000, 'W');
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), word, english(32, 300));
  ASSERT_GT(layout.lines.size(), 2u);
  const float letter = layout.lines[0].runs.at(0).glyphs.at(0).advance;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    const LayoutLine& line = layout.lines[i];
    EXPECT_LE(line.width, 300.01f) << "line " << i;
    if (i + 1 < layout.lines.size()) {
      EXPECT_GT(line.width + letter, 300.0f) << "line " << i;
    }
    EXPECT_EQ(line.start, shown) << "line " << i;
    shown = line.end;
  }
  EXPECT_EQ(shown, word.size());
}

// The press release's first lines as one Urdu word: joined stretches of a few letters, vowel
// marks and non-joining letters, with no break opportunity.
std::string urdu_without_spaces(std::size_t lines) {
  std::string text;
  const std::vector<std::string> release = testing::press_release_lines();
  for (std::size_t i = 0; i < lines && i < release.size(); ++i)
    text += release[i];
  return testing::arabic_letters_of(text);
}

// What a line of a split word must show: its text shaped alone, as a word of its own, by HarfBuzz.
void expect_glyphs_of_text_shaped_alone(const std::string& text, const TextStyle& style) {
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), text, style);
  ASSERT_GT(layout.lines.size(), 2u);
  hb_buffer_t* buffer = hb_buffer_create();
  for (std::size_t l = 0; l < layout.lines.size(); ++l) {
    const LayoutLine& line = layout.lines[l];
    ASSERT_EQ(line.runs.size(), 1u) << "line " << l;
    const GlyphRun& run = line.runs[0];
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf8(buffer, text.data() + run.start, static_cast<int>(run.end - run.start), 0,
                       -1);
    hb_buffer_set_direction(buffer,
                            run.direction == Direction::kRtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, static_cast<hb_script_t>(run.script));
    hb_buffer_set_language(buffer, hb_language_from_string(run.language.c_str(), -1));
    hb_shape(run.face->hb_font(), buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    ASSERT_EQ(run.glyphs.size(), count) << "line " << l;
    const float scale = run.pixel_size / static_cast<float>(run.face->units_per_em());
    for (unsigned i = 0; i < count; ++i) {
      const PositionedGlyph& glyph = run.glyphs[i];
      ASSERT_EQ(glyph.id, infos[i].codepoint) << "line " << l << " glyph " << i;
      ASSERT_EQ(glyph.cluster, run.start + infos[i].cluster) << "line " << l << " glyph " << i;
      EXPECT_NEAR(glyph.advance, positions[i].x_advance * scale, 0.01f)
          << "line " << l << " glyph " << i;
      EXPECT_NEAR(line.baseline - glyph.y, positions[i].y_offset * scale, 0.01f)
          << "line " << l << " glyph " << i;
      if (i == 0) continue;
      const float step =
          (positions[i - 1].x_advance + positions[i].x_offset - positions[i - 1].x_offset) * scale;
      EXPECT_NEAR(glyph.x - run.glyphs[i - 1].x, step, 0.01f) << "line " << l << " glyph " << i;
    }
  }
  hb_buffer_destroy(buffer);
}

// A forced split shows each line's letters as they look at that edge: the line's own initial and
// final forms and heights, as if it were a word of its own, however long the word and its lines.
TEST(ParagraphLayout, EveryLineOfASplitUrduWordShowsItsTextShapedAlone) {
  expect_glyphs_of_text_shaped_alone(urdu_without_spaces(3), urdu(32, 500));
  expect_glyphs_of_text_shaped_alone(urdu_without_spaces(3), urdu(40, 1100));
}

// One letter joined to the next all along: the chain that climbs longest.
TEST(ParagraphLayout, EveryLineOfASplitChainOfJoinedLettersShowsItsTextShapedAlone) {
  std::string word;
  for (int i = 0; i < 600; ++i)
    word += "\u0628";
  expect_glyphs_of_text_shaped_alone(word, urdu(32, 900));
}

// Kerned pairs all along (AV, VA, AW, WA, AY, YA, To): a cut between them loses the kerning;
// each width cuts the lines after other letters.
TEST(ParagraphLayout, EveryLineOfASplitLatinWordShowsItsTextShapedAlone) {
  std::string word;
  for (int i = 0; i < 60; ++i)
    word += "AVAWAYTo";
  for (const float width : {1000.0f, 1030.0f, 1060.0f, 1090.0f, 1120.0f})
    expect_glyphs_of_text_shaped_alone(word, english(32, width));
}

// A text far longer than its lines can show is shaped only as far as they reach: the lines it
// shows are the very lines of the whole text shaped (which a cache that shaped it whole for a
// layout without a line limit gives).
void expect_same_lines(const ParagraphLayout& a, const ParagraphLayout& b) {
  ASSERT_EQ(a.lines.size(), b.lines.size());
  EXPECT_EQ(a.text, b.text);
  for (std::size_t l = 0; l < a.lines.size(); ++l) {
    const LayoutLine& x = a.lines[l];
    const LayoutLine& y = b.lines[l];
    EXPECT_EQ(x.start, y.start) << "line " << l;
    EXPECT_EQ(x.end, y.end) << "line " << l;
    EXPECT_EQ(x.ellipsized, y.ellipsized) << "line " << l;
    EXPECT_FLOAT_EQ(x.width, y.width) << "line " << l;
    ASSERT_EQ(x.runs.size(), y.runs.size()) << "line " << l;
    for (std::size_t r = 0; r < x.runs.size(); ++r) {
      ASSERT_EQ(x.runs[r].glyphs.size(), y.runs[r].glyphs.size()) << "line " << l << " run " << r;
      for (std::size_t g = 0; g < x.runs[r].glyphs.size(); ++g) {
        const PositionedGlyph& p = x.runs[r].glyphs[g];
        const PositionedGlyph& q = y.runs[r].glyphs[g];
        EXPECT_EQ(p.id, q.id);
        EXPECT_EQ(p.cluster, q.cluster);
        EXPECT_FLOAT_EQ(p.x, q.x);
        EXPECT_FLOAT_EQ(p.y, q.y);
      }
    }
  }
}

void expect_prefix_shows_what_the_whole_shows(const std::string& text, TextStyle limited) {
  TextStyle unlimited = limited;
  unlimited.max_lines = 0;
  ParagraphCache whole;
  whole.get(bundled_fonts(), text, unlimited);  // shapes the whole text
  const auto reference = whole.get(bundled_fonts(), text, limited);
  EXPECT_EQ(whole.shaping_misses(), 1u);

  ParagraphCache prefix;
  const auto shown = prefix.get(bundled_fonts(), text, limited);
  expect_same_lines(*shown, *reference);
  ASSERT_EQ(shown->lines.size(), static_cast<std::size_t>(limited.max_lines));
  EXPECT_TRUE(shown->lines.back().ellipsized);
  // The prefix does not reach the lines of the unlimited layout: that one shapes again.
  prefix.get(bundled_fonts(), text, unlimited);
  EXPECT_EQ(prefix.shaping_misses(), 2u);
}

std::string repeated(std::string_view piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i)
    text += piece;
  return text;
}

TEST(ParagraphLayout, AnUnbreakableUrduTitleFarLongerThanItsLinesShowsWhatItsWholeShaping) {
  TextStyle style = urdu(48, 700);
  style.max_lines = 2;
  expect_prefix_shows_what_the_whole_shows(
      repeated(testing::arabic_letters_of(testing::press_release_lines().at(0)), 60), style);
}

TEST(ParagraphLayout, AnUnbreakableLatinTitleFarLongerThanItsLinesShowsWhatItsWholeShaping) {
  TextStyle style = english(40, 600);
  style.max_lines = 3;
  expect_prefix_shows_what_the_whole_shows(repeated("W", 20000), style);
}

TEST(ParagraphLayout, LongUrduTextWithWordsAndLatinShowsWhatItsWholeShaping) {
  TextStyle style = urdu(32, 500);
  style.max_lines = 2;
  expect_prefix_shows_what_the_whole_shows(
      repeated(testing::press_release_lines().at(0) + " UNODC 2025 ", 80), style);
}

TEST(ParagraphCache, ATextShortEnoughForItsLinesIsShapedWhole) {
  // A kiosk's title: the layout with a line limit shapes it all, the unlimited one reuses it.
  TextStyle style = urdu(32, 500);
  style.max_lines = 2;
  ParagraphCache cache;
  cache.get(bundled_fonts(), testing::press_release_lines().at(0), style);
  style.max_lines = 0;
  cache.get(bundled_fonts(), testing::press_release_lines().at(0), style);
  EXPECT_EQ(cache.shaping_misses(), 1u);
}

TEST(ParagraphLayout, NewlineIsAHardBreak) {
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), "پہلا\nدوسرا", urdu());
  ASSERT_EQ(layout.lines.size(), 2u);
  EXPECT_LT(layout.lines[0].baseline, layout.lines[1].baseline);
  EXPECT_LE(layout.lines[0].box.y1, layout.lines[1].box.y0);
}

TEST(ParagraphLayout, EmptyTextHasOneEmptyLineWithHeight) {
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), "", urdu());
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_EQ(layout.glyph_count(), 0u);
  EXPECT_GT(layout.height, 0.0f);
}

TEST(ParagraphLayout, InvalidUtf8IsReadAsReplacementCharacters) {
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(),
                                                  "ab\xFF\xFE"
                                                  "c",
                                                  english());
  EXPECT_EQ(layout.text,
            "ab\xEF\xBF\xBD\xEF\xBF\xBD"
            "c");
  EXPECT_GT(layout.glyph_count(), 0u);
}

TEST(ParagraphLayout, UrduInkReachesFarOutsideTheFontSizeAndTheBoxHoldsIt) {
  // Nastaliq's stacked letters rise well above one em: the box comes from real ink.
  const ParagraphLayout layout = layout_paragraph(bundled_fonts(), "تحفظ سمیت مستحکم", urdu(40));
  const LayoutLine& line = layout.lines.at(0);
  EXPECT_GT(line.ink.height(), 40.0f);
  EXPECT_LE(line.box.y0, line.ink.y0);
  EXPECT_GE(line.box.y1, line.ink.y1);
  EXPECT_FLOAT_EQ(line.box.y0, 0.0f);  // the first line's box starts at the top
}

}  // namespace
}  // namespace ijlas::text
