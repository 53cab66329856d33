// Layout traces as data, as libraqm's tests are written: each tests/text/data/layout/*.trace file
// holds a text, its options and the expected trace (the paragraph's direction, then per line each
// word of each run in visual order with its bidi level, direction, script, font and size, and
// after a run's words its glyphs as `hb-shape --no-glyph-names --no-positions --utf8-clusters`
// prints them: [glyph id=cluster|…], clusters in bytes from the run's start), and the facts
// behind it in its comments. A failure shows where the layout went wrong.
#include <hb.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/font_face.hpp"
#include "text/paragraph_layout.hpp"
#include "text_test_support.hpp"

namespace ijlas::text {
namespace {

namespace fs = std::filesystem;

struct TraceCase {
  std::string text;
  TextStyle style;
  std::string expected;  // the trace lines after "trace:", each ending in a newline
};

// Options before "trace:" are "key: value" lines: text, language, size, width, lines.
TraceCase read_case(const fs::path& path) {
  TraceCase c;
  c.style.max_width = 0;
  std::ifstream in(path);
  bool in_trace = false;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    if (in_trace) {
      c.expected += line + "\n";
      continue;
    }
    if (line == "trace:") {
      in_trace = true;
      continue;
    }
    const std::size_t colon = line.find(": ");
    const std::string key = line.substr(0, colon);
    const std::string value = colon == std::string::npos ? "" : line.substr(colon + 2);
    if (key == "text") {
      c.text = value;
    } else if (key == "language") {
      c.style.language = value;
    } else if (key == "size") {
      c.style.pixel_size = std::stof(value);
    } else if (key == "width") {
      c.style.max_width = std::stof(value);
    } else if (key == "lines") {
      c.style.max_lines = std::stoi(value);
    } else {
      ADD_FAILURE() << path.filename().string() << ":" << number << ": unknown option \"" << key
                    << "\": use text, language, size, width or lines";
    }
  }
  return c;
}

std::string trace(const std::string& text, const ParagraphLayout& layout) {
  std::string out =
      std::string("paragraph ") + (layout.direction == Direction::kRtl ? "rtl" : "ltr") + "\n";
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    out += "line " + std::to_string(i + 1) + "\n";
    for (const GlyphRun& run : layout.lines[i].runs) {
      std::vector<std::string> words;
      std::istringstream in(text.substr(run.start, run.end - run.start));
      for (std::string word; in >> word;)
        words.push_back(word);
      if (run.direction == Direction::kRtl) std::reverse(words.begin(), words.end());
      char script[5] = {};
      hb_tag_to_string(run.script, script);
      char size[32];
      std::snprintf(size, sizeof size, "%gpx", run.pixel_size);
      for (const std::string& word : words) {
        out += word + " level " + std::to_string(run.level) + " " +
               (run.direction == Direction::kRtl ? "rtl " : "ltr ") + script + " " +
               run.face->file_name() + " " + size + "\n";
      }
      std::string glyphs;
      for (const PositionedGlyph& glyph : run.glyphs) {
        glyphs += (glyphs.empty() ? "" : "|") + std::to_string(glyph.id) + "=" +
                  std::to_string(glyph.cluster - run.start);
      }
      out += "glyphs [" + glyphs + "]\n";
    }
  }
  return out;
}

TEST(LayoutTrace, EveryFixtureLaysOutAsItsTraceSays) {
  const fs::path dir = fs::path(IJLAS_TEST_DATA_DIR) / "text/data/layout";
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".trace") continue;
    ++count;
    const TraceCase c = read_case(entry.path());
    const ParagraphLayout layout = layout_paragraph(testing::bundled_fonts(), c.text, c.style);
    EXPECT_EQ(trace(c.text, layout), c.expected) << entry.path().filename().string();
  }
  EXPECT_GE(count, 4u) << "the fixtures in " << dir;
}

}  // namespace
}  // namespace ijlas::text
