// Our shaping equals hb-shape's on the one-line cases of tests/text/data/shaping/*.tests, written
// in HarfBuzz's own test format (font;options;unicodes;expected). The expected column is
// hb-shape's output, recorded once by record-hb-shape.sh beside the cases; each case is laid out
// by layout_paragraph at a pixel size of one font unit and printed the same way.
#include <hb.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/utf8.hpp"
#include "text/font_face.hpp"
#include "text/paragraph_layout.hpp"
#include "text_test_support.hpp"

namespace ijlas::text {
namespace {

namespace fs = std::filesystem;

struct ShapingCase {
  std::string where;  // file:line
  std::string font;   // file name of the font, as in fonts/
  std::string direction, script, language;
  std::string text;
  std::string expected;  // hb-shape's "[gid=cluster@dx,dy+advance|...]"
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, separator);)
    parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

// Reads the cases of one file; a line that is not a case fails the test with its place.
std::vector<ShapingCase> read_cases(const fs::path& path) {
  std::vector<ShapingCase> cases;
  std::ifstream in(path);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::string where = path.filename().string() + ":" + std::to_string(number);
    const std::vector<std::string> fields = split(line, ';');
    if (fields.size() != 4 || fields[3].empty()) {
      ADD_FAILURE() << where << ": expected font;options;unicodes;expected";
      continue;
    }
    ShapingCase c{where, fs::path(fields[0]).filename().string(), "", "", "", "", fields[3]};
    for (const std::string& option : split(fields[1], ' ')) {
      const auto value = [&](const char* name) { return option.substr(std::string(name).size()); };
      if (option.rfind("--direction=", 0) == 0) c.direction = value("--direction=");
      if (option.rfind("--script=", 0) == 0) c.script = value("--script=");
      if (option.rfind("--language=", 0) == 0) c.language = value("--language=");
    }
    for (const std::string& unicode : split(fields[2], ',')) {
      utf8::append(c.text, static_cast<char32_t>(std::stoul(unicode.substr(2), nullptr, 16)));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// Font units as hb-shape prints them: whole numbers, which they are at one unit a pixel (a
// fraction would show).
std::string units(float value) {
  char out[32];
  std::snprintf(out, sizeof out, "%.9g", value + 0.0f);
  return out;
}

// The paragraph's only run, printed as hb-shape prints a buffer: font units, clusters counted in
// code points, glyphs left to right.
std::string shaped_as_hb_shape(const ParagraphLayout& layout, const GlyphRun& run) {
  std::vector<std::uint32_t> code_point_at(layout.text.size() + 1, 0);
  std::uint32_t index = 0;
  for (std::size_t offset = 0; offset < layout.text.size(); ++index) {
    const std::size_t start = offset;
    utf8::decode(layout.text, offset);
    for (std::size_t i = start; i < offset; ++i)
      code_point_at[i] = index;
  }
  const float baseline = layout.lines.front().baseline;
  std::string out = "[";
  float pen = 0;  // one line as wide as its content: it starts at 0
  for (const PositionedGlyph& glyph : run.glyphs) {
    if (out.size() > 1) out += '|';
    out += std::to_string(glyph.id) + "=" + std::to_string(code_point_at[glyph.cluster]);
    const float dx = glyph.x - pen, dy = baseline - glyph.y;
    if (dx != 0 || dy != 0) out += "@" + units(dx) + "," + units(dy);
    out += "+" + units(glyph.advance);
    pen += glyph.advance;
  }
  return out + "]";
}

TEST(ShapingCases, EveryCaseShapesAsHbShapeDoes) {
  const fs::path dir = fs::path(IJLAS_TEST_DATA_DIR) / "text/data/shaping";
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".tests") continue;
    for (const ShapingCase& c : read_cases(entry.path())) {
      ++count;
      const bool nastaliq = c.font.find("Nastaliq") != std::string::npos;
      TextStyle style;
      style.language = c.language;
      style.family = nastaliq ? FontFamily::kNastaliq : FontFamily::kSans;
      style.weight =
          c.font.find("Bold") != std::string::npos ? FontWeight::kBold : FontWeight::kRegular;
      const FontFace& face = testing::bundled_fonts().face(style.family, style.weight, c.language);
      style.pixel_size = static_cast<float>(face.units_per_em());  // positions in font units
      const ParagraphLayout layout = layout_paragraph(testing::bundled_fonts(), c.text, style);
      ASSERT_EQ(layout.lines.size(), 1u) << c.where;
      ASSERT_EQ(layout.lines[0].runs.size(), 1u) << c.where << ": a case is one run";
      const GlyphRun& run = layout.lines[0].runs[0];
      char script[5] = {};
      hb_tag_to_string(run.script, script);
      EXPECT_EQ(run.face->file_name(), c.font) << c.where;
      EXPECT_EQ(run.direction == Direction::kRtl ? "rtl" : "ltr", c.direction) << c.where;
      EXPECT_EQ(script, c.script) << c.where;
      EXPECT_EQ(run.language, c.language) << c.where;
      EXPECT_EQ(shaped_as_hb_shape(layout, run), c.expected) << c.where;
    }
  }
  EXPECT_GE(count, 20u) << "the cases in " << dir;
}

}  // namespace
}  // namespace ijlas::text
