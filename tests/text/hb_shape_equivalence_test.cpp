// Our shaping equals HarfBuzz's own command-line tool: every glyph run that layout_paragraph makes
// for real kiosk text (the press release and tests/text/data/urdu_strings.txt) is shaped again by
// `hb-shape` (package libharfbuzz-bin) with the same font, direction, script, language and
// paragraph context, and must give the same glyphs, clusters, advances and offsets.
//
// [SECTION] Reading the strings
// [SECTION] Running hb-shape
// [SECTION] Comparing a run
// [SECTION] Tests
#include <hb.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/utf8.hpp"
#include "shared_files.hpp"
#include "temporary_folder.hpp"
#include "text/font_collection.hpp"
#include "text/font_face.hpp"
#include "text/paragraph_layout.hpp"

namespace ijlas::text {
namespace {

namespace fs = std::filesystem;

// Advances and offsets agree within this many font units, plus a few steps of float spacing where
// absolute pixel positions lie far along a long line (a float cannot carry finer than that).
constexpr double kToleranceUnits = 0.02;
constexpr int kShownMismatches = 12;

// [SECTION] Reading the strings

// Non-empty lines of a file; with skip_notes, lines starting with '#' are left out too.
std::vector<std::string> read_lines(const fs::path& path, bool skip_notes) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || (skip_notes && line[0] == '#')) continue;
    lines.push_back(line);
  }
  return lines;
}

fs::path press_release_path() {
  return shared_file("conference/press-release-ur.txt");
}

// [SECTION] Running hb-shape

struct HbGlyph {
  std::uint32_t id = 0, cluster = 0;
  double dx = 0, dy = 0, ax = 0, ay = 0;
};

// Reads hb-shape's JSON: [{"g":12,"cl":0,"dx":0,"dy":0,"ax":554,"ay":0},...].
bool parse_hb_json(const std::string& json, std::vector<HbGlyph>& out) {
  const std::size_t open = json.find('[');
  const std::size_t close = json.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close < open) return false;
  std::size_t at = open + 1;
  while (true) {
    const std::size_t begin = json.find('{', at);
    if (begin == std::string::npos || begin > close) return true;
    const std::size_t end = json.find('}', begin);
    if (end == std::string::npos) return false;
    HbGlyph glyph;
    int fields = 0;
    for (std::size_t key = json.find('"', begin); key != std::string::npos && key < end;
         key = json.find('"', key)) {
      const std::size_t key_end = json.find('"', key + 1);
      const std::string name = json.substr(key + 1, key_end - key - 1);
      const std::size_t colon = json.find(':', key_end);
      if (colon == std::string::npos || colon > end) return false;
      char* number_end = nullptr;
      const double value = std::strtod(json.c_str() + colon + 1, &number_end);
      if (number_end == json.c_str() + colon + 1) return false;
      if (name == "g") glyph.id = static_cast<std::uint32_t>(value), ++fields;
      if (name == "cl") glyph.cluster = static_cast<std::uint32_t>(value), ++fields;
      if (name == "dx") glyph.dx = value, ++fields;
      if (name == "dy") glyph.dy = value, ++fields;
      if (name == "ax") glyph.ax = value, ++fields;
      if (name == "ay") glyph.ay = value, ++fields;
      key = static_cast<std::size_t>(number_end - json.c_str());
    }
    if (fields != 6) return false;
    out.push_back(glyph);
    at = end + 1;
  }
}

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// "U+0627,U+0628": context passed as code points, so no text ever goes through the shell.
std::string code_point_list(std::string_view text) {
  std::string out;
  char buffer[16];
  for (std::size_t offset = 0; offset < text.size();) {
    std::snprintf(buffer, sizeof buffer, "%sU+%04X", out.empty() ? "" : ",",
                  static_cast<unsigned>(utf8::decode(text, offset)));
    out += buffer;
  }
  return out;
}

class HbShapeTool {
 public:
  bool ready() const { return !dir_.path().empty(); }

  // Shapes run's text with the paragraph around it as context, as hb-shape does it; the command
  // and its error output are kept for messages.
  bool shape(const std::string& paragraph, const GlyphRun& run, std::vector<HbGlyph>& glyphs) {
    const fs::path text_file = dir_ / "run.txt", error_file = dir_ / "error.txt";
    std::ofstream(text_file, std::ios::binary) << paragraph.substr(run.start, run.end - run.start);
    char script[5] = {};
    hb_tag_to_string(run.script, script);
    const std::string before = code_point_list(std::string_view(paragraph).substr(0, run.start));
    const std::string after = code_point_list(std::string_view(paragraph).substr(run.end));
    command_ = "hb-shape --font-file=" + shell_quoted(run.face->path().string()) +
               " --direction=" + (run.direction == Direction::kRtl ? "rtl" : "ltr") +
               " --script=" + shell_quoted(script) + " --language=" + shell_quoted(run.language) +
               (before.empty() ? "" : " --unicodes-before=" + before) +
               (after.empty() ? "" : " --unicodes-after=" + after) +
               " --utf8-clusters --output-format=json --no-glyph-names --text-file=" +
               shell_quoted(text_file.string()) + " 2>" + shell_quoted(error_file.string());
    std::string output;
    if (FILE* pipe = popen(command_.c_str(), "r")) {
      char buffer[4096];
      for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
        output.append(buffer, n);
      }
      const int status = pclose(pipe);
      std::ifstream error_in(error_file);
      error_ = std::string(std::istreambuf_iterator<char>(error_in), {});
      if (status != 0) {
        error_ = "exit status " + std::to_string(status) + ": " + error_;
        return false;
      }
    } else {
      error_ = "popen failed";
      return false;
    }
    glyphs.clear();
    if (!parse_hb_json(output, glyphs)) {
      error_ = "cannot read hb-shape's output: " + output;
      return false;
    }
    return true;
  }

  const std::string& command() const { return command_; }
  const std::string& error() const { return error_; }

 private:
  TemporaryFolder dir_{"hb-shape"};
  std::string command_, error_;
};

// [SECTION] Comparing a run

// Smallest step of a float near value: absolute positions far along a long line are floats, so
// a comparison cannot be finer than their spacing there.
double float_step(double value) {
  const float f = static_cast<float>(std::fabs(value));
  return static_cast<double>(std::nextafter(f, std::numeric_limits<float>::infinity()) - f);
}

struct Comparison {
  std::size_t strings = 0, runs = 0, glyphs = 0, mismatches = 0;
  double worst_advance = 0, worst_x = 0, worst_y = 0;  // largest differences seen, font units
  int shown = 0;

  void mismatch(const std::string& where, const std::string& what) {
    ++mismatches;
    if (shown++ < kShownMismatches) std::printf("MISMATCH %s\n  %s\n", where.c_str(), what.c_str());
  }
};

// The run's text, shortened in the middle (at code point boundaries) when long.
std::string excerpt(const std::string& text, std::size_t start, std::size_t end) {
  constexpr std::size_t kEdge = 40;
  end = std::min(end, text.size());
  if (start >= end) return "";
  const auto boundary = [&](std::size_t i) {
    while (i < end && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
      ++i;
    return i;
  };
  if (end - start <= 3 * kEdge) return text.substr(start, end - start);
  const std::size_t head = boundary(start + kEdge), tail = boundary(end - kEdge);
  return text.substr(start, head - start) + " … " + text.substr(tail, end - tail);
}

std::string describe_run(const std::string& text, const GlyphRun& run, std::size_t index) {
  char script[5] = {};
  hb_tag_to_string(run.script, script);
  std::ostringstream out;
  out << "run " << index << " [" << run.start << "," << run.end << ") "
      << (run.direction == Direction::kRtl ? "rtl" : "ltr") << " " << script << " " << run.language
      << " " << (run.face ? run.face->file_name() : "(no face)") << " @" << run.pixel_size
      << "px \"" << excerpt(text, run.start, run.end) << "\"";
  return out.str();
}

// Where the pen stood before glyph i (pixels): its position minus its own offset.
double pen_before(const PositionedGlyph& glyph, const HbGlyph& hb, double units_per_pixel) {
  return glyph.x - hb.dx / units_per_pixel;
}

void compare_paragraph(const std::string& text, const std::string& label,
                       const FontCollection& fonts, HbShapeTool& tool, Comparison& result) {
  TextStyle style;
  style.language = "ur";
  style.pixel_size = 48;
  style.max_width = 0;
  const ParagraphLayout layout = layout_paragraph(fonts, text, style);
  ++result.strings;
  if (layout.lines.size() != 1) {
    result.mismatch(label,
                    "expected one line at max_width 0, got " + std::to_string(layout.lines.size()));
    return;
  }
  const LayoutLine& line = layout.lines[0];

  // The runs show every byte of the text exactly once.
  std::vector<int> shown(text.size(), 0);
  for (const GlyphRun& run : line.runs) {
    for (std::size_t i = run.start; i < run.end && i < text.size(); ++i)
      ++shown[i];
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (shown[i] != 1) {
      result.mismatch(label, "byte " + std::to_string(i) + " is in " + std::to_string(shown[i]) +
                                 " runs (expected 1)");
      break;
    }
  }

  bool previous_compared = false;  // the previous run was compared glyph by glyph
  double previous_pen_end = 0;     // where its pen ended, pixels
  for (std::size_t r = 0; r < line.runs.size(); ++r) {
    const GlyphRun& run = line.runs[r];
    const std::string where = label + " " + describe_run(text, run, r);
    if (run.face == nullptr || run.pixel_size <= 0 || run.end < run.start ||
        run.end > text.size()) {
      result.mismatch(where, "run without face, size or valid bytes");
      previous_compared = false;
      continue;
    }
    std::vector<HbGlyph> expected;
    if (!tool.shape(text, run, expected)) {
      result.mismatch(where, "hb-shape failed: " + tool.error() + "\n  " + tool.command());
      previous_compared = false;
      continue;
    }
    ++result.runs;
    const double units_per_pixel = run.face->units_per_em() / static_cast<double>(run.pixel_size);
    const std::vector<PositionedGlyph>& got = run.glyphs;
    if (got.size() != expected.size()) {
      result.mismatch(where, "glyph count: hb-shape " + std::to_string(expected.size()) +
                                 ", ours " + std::to_string(got.size()) + "\n  " + tool.command());
      previous_compared = false;
      continue;
    }
    double pen = 0;  // hb-shape's pen from the run's first glyph, font units
    for (std::size_t i = 0; i < got.size(); ++i) {
      ++result.glyphs;
      const PositionedGlyph& g = got[i];
      const HbGlyph& e = expected[i];
      std::ostringstream what;
      if (g.id != e.id) what << "glyph id: hb-shape " << e.id << ", ours " << g.id << "; ";
      if (g.cluster != e.cluster + run.start) {
        what << "cluster: hb-shape " << e.cluster << "+" << run.start << ", ours " << g.cluster
             << "; ";
      }
      const double advance = g.advance * units_per_pixel;
      result.worst_advance = std::max(result.worst_advance, std::fabs(advance - e.ax));
      if (std::fabs(advance - e.ax) > kToleranceUnits + float_step(g.advance) * units_per_pixel) {
        what << "advance: hb-shape " << e.ax << ", ours " << advance << " units; ";
      }
      const double dy = (line.baseline - g.y) * units_per_pixel;
      result.worst_y = std::max(result.worst_y, std::fabs(dy - e.dy));
      const double dy_tolerance =
          kToleranceUnits + 4 * float_step(std::max(line.baseline, g.y)) * units_per_pixel;
      if (std::fabs(dy - e.dy) > dy_tolerance) {
        what << "y offset: hb-shape " << e.dy << ", ours " << dy << " units; ";
      }
      if (i > 0) {
        // Pen moves by the previous advance; the glyph sits at pen + dx.
        const double expected_step = expected[i - 1].ax + e.dx - expected[i - 1].dx;
        const double got_step = (g.x - got[i - 1].x) * units_per_pixel;
        const double tolerance =
            kToleranceUnits +
            4 * float_step(std::max(std::fabs(g.x), std::fabs(got[i - 1].x))) * units_per_pixel;
        result.worst_x = std::max(result.worst_x, std::fabs(got_step - expected_step));
        if (std::fabs(got_step - expected_step) > tolerance) {
          what << "x from previous glyph: hb-shape " << expected_step << ", ours " << got_step
               << " units (pen " << pen << ", dx " << e.dx << "); ";
        }
      }
      pen += e.ax;
      if (!what.str().empty()) {
        result.mismatch(where + " glyph " + std::to_string(i),
                        what.str() + "\n  " + tool.command());
      }
    }
    // Runs follow each other on the line: this run's pen starts where the previous one's ended.
    if (!got.empty()) {
      const double pen_start = pen_before(got[0], expected[0], units_per_pixel);
      if (previous_compared) {
        const double tolerance_px = kToleranceUnits / units_per_pixel + 4 * float_step(pen_start);
        if (std::fabs(pen_start - previous_pen_end) > tolerance_px) {
          std::ostringstream what;
          what << "run starts at pen " << pen_start << " px, previous run ended at "
               << previous_pen_end << " px";
          result.mismatch(where, what.str());
        }
      }
      previous_compared = true;
      previous_pen_end =
          pen_before(got.back(), expected.back(), units_per_pixel) + got.back().advance;
    }
  }
}

// [SECTION] Tests

TEST(HbShapeEquivalence, KioskStringsShapeAsHbShapeDoes) {
  ASSERT_EQ(std::system("hb-shape --version > /dev/null 2>&1"), 0)
      << "hb-shape not found (Debian package libharfbuzz-bin)";
  const FontCollection fonts(IJLAS_FONT_DIR);
  std::vector<std::string> strings = read_lines(press_release_path(), false);
  const std::size_t from_release = strings.size();
  ASSERT_GE(from_release, 5u) << press_release_path() << " is missing or empty";
  for (std::string& line :
       read_lines(fs::path(IJLAS_TEST_DATA_DIR) / "text/data/urdu_strings.txt", true)) {
    strings.push_back(std::move(line));
  }
  HbShapeTool tool;
  ASSERT_TRUE(tool.ready()) << "cannot make a temporary directory";
  Comparison result;
  for (std::size_t i = 0; i < strings.size(); ++i) {
    const std::string label =
        i < from_release ? "press release line " + std::to_string(i + 1)
                         : "urdu_strings.txt string " + std::to_string(i - from_release + 1);
    compare_paragraph(strings[i], label, fonts, tool, result);
  }
  std::printf(
      "hb-shape equivalence: %zu strings (%zu from the press release), %zu runs, "
      "%zu glyphs compared; %zu mismatches\n"
      "largest differences (font units): advance %.4g, x step %.4g, y offset %.4g\n",
      result.strings, from_release, result.runs, result.glyphs, result.mismatches,
      result.worst_advance, result.worst_x, result.worst_y);
  EXPECT_GE(result.strings, 50u);
  EXPECT_EQ(result.mismatches, 0u);
}

}  // namespace
}  // namespace ijlas::text
