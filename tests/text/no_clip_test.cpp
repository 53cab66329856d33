// Nothing is ever clipped: every pixel that FreeType inks for a laid-out glyph lies inside the box
// of its line and inside the paragraph's bounds, and line boxes do not overlap. Nastaliq ink
// reaches far above the ascender and below the descender, so this is where boxes sized from font
// metrics alone would fail. Checked over the whole press release at three sizes, wrapped.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "shared_files.hpp"
#include "text/font_collection.hpp"
#include "text/font_face.hpp"
#include "text/glyph_rasterizer.hpp"
#include "text/paragraph_layout.hpp"

namespace ijlas::text {
namespace {

namespace fs = std::filesystem;

constexpr int kShownFailures = 10;

std::vector<std::string> press_release_lines() {
  std::vector<std::string> lines;
  std::ifstream in(shared_file("conference/press-release-ur.txt"));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string rect_text(const Rect& r) {
  std::ostringstream out;
  out << "[" << r.x0 << "," << r.y0 << " .. " << r.x1 << "," << r.y1 << "]";
  return out.str();
}

// The whole pixel square [x, x+1) x [y, y+1) is inside the rectangle.
bool pixel_inside(const Rect& r, int x, int y) {
  return static_cast<float>(x) >= r.x0 && static_cast<float>(x + 1) <= r.x1 &&
         static_cast<float>(y) >= r.y0 && static_cast<float>(y + 1) <= r.y1;
}

// How far inked pixels reach past each side of a rectangle, in pixels; negative when they stay
// that far inside it.
struct Reach {
  static constexpr float kNone = -std::numeric_limits<float>::infinity();
  float left = kNone, top = kNone, right = kNone, bottom = kNone;
  void add(const Rect& r, int x, int y) {
    left = std::max(left, r.x0 - static_cast<float>(x));
    top = std::max(top, r.y0 - static_cast<float>(y));
    right = std::max(right, static_cast<float>(x + 1) - r.x1);
    bottom = std::max(bottom, static_cast<float>(y + 1) - r.y1);
  }
  std::string text() const {
    std::ostringstream out;
    out << "left " << left << ", top " << top << ", right " << right << ", bottom " << bottom;
    return out.str();
  }
};

struct Tally {
  std::size_t paragraphs = 0, lines = 0, glyphs = 0, inked_pixels = 0;
  std::size_t outside_line = 0, outside_bounds = 0, overlapping_lines = 0;
  std::size_t wrapped_paragraphs = 0;
  Reach line_reach, bounds_reach;
  int shown = 0;

  void report(const std::string& message) {
    if (shown++ < kShownFailures) std::printf("FAIL %s\n", message.c_str());
  }
};

void check_paragraph(const FontCollection& fonts, GlyphRasterizer& rasterizer,
                     const std::string& text, float pixel_size, const std::string& label,
                     Tally& tally) {
  TextStyle style;
  style.language = "ur";
  style.pixel_size = pixel_size;
  style.max_width = 50 * pixel_size;
  const ParagraphLayout layout = layout_paragraph(fonts, text, style);
  ++tally.paragraphs;
  tally.lines += layout.lines.size();
  if (layout.lines.size() > 1) ++tally.wrapped_paragraphs;

  for (std::size_t l = 0; l < layout.lines.size(); ++l) {
    const LayoutLine& line = layout.lines[l];
    if (l + 1 < layout.lines.size() && line.box.y1 > layout.lines[l + 1].box.y0) {
      ++tally.overlapping_lines;
      tally.report(label + " line " + std::to_string(l) + " box " + rect_text(line.box) +
                   " overlaps the next line's box " + rect_text(layout.lines[l + 1].box));
    }
    for (const GlyphRun& run : line.runs) {
      for (const PositionedGlyph& glyph : run.glyphs) {
        ++tally.glyphs;
        const float origin_x = std::floor(glyph.x);
        const GlyphBitmap bitmap =
            rasterizer.rasterize(*run.face, glyph.id, run.pixel_size, glyph.x - origin_x);
        const int left = static_cast<int>(origin_x) + bitmap.left;
        const int top = static_cast<int>(std::lround(glyph.y)) - bitmap.top;
        bool reported = false;
        for (int row = 0; row < bitmap.height; ++row) {
          for (int column = 0; column < bitmap.width; ++column) {
            if (bitmap.coverage[static_cast<std::size_t>(row * bitmap.width + column)] == 0) {
              continue;
            }
            ++tally.inked_pixels;
            const int x = left + column, y = top + row;
            const bool in_line = pixel_inside(line.box, x, y);
            const bool in_bounds = pixel_inside(layout.bounds, x, y);
            tally.line_reach.add(line.box, x, y);
            tally.bounds_reach.add(layout.bounds, x, y);
            if (!in_line) ++tally.outside_line;
            if (!in_bounds) ++tally.outside_bounds;
            if ((!in_line || !in_bounds) && !reported) {
              reported = true;
              std::ostringstream message;
              message << label << " line " << l << ": glyph " << glyph.id << " of "
                      << run.face->file_name() << " (cluster " << glyph.cluster << ", at "
                      << glyph.x << "," << glyph.y << ") inks pixel " << x << "," << y
                      << " outside " << (in_line ? "the paragraph's bounds " : "its line's box ")
                      << rect_text(in_line ? layout.bounds : line.box) << "; line ink "
                      << rect_text(line.ink);
              tally.report(message.str());
            }
          }
        }
      }
    }
  }
}

TEST(NoClip, PressReleaseInkStaysInsideLineBoxes) {
  const std::vector<std::string> paragraphs = press_release_lines();
  ASSERT_GE(paragraphs.size(), 5u) << "press release missing under " << IJLAS_SHARED_DIR;
  const FontCollection fonts(IJLAS_FONT_DIR);
  GlyphRasterizer rasterizer;
  Tally total;
  for (const float size : {24.0f, 48.0f, 96.0f}) {
    Tally tally;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
      const std::string label =
          std::to_string(static_cast<int>(size)) + "px paragraph " + std::to_string(p + 1);
      check_paragraph(fonts, rasterizer, paragraphs[p], size, label, tally);
    }
    std::printf(
        "no-clip at %gpx: %zu paragraphs (%zu wrapped), %zu lines, %zu glyphs, %zu inked "
        "pixels;\n  %zu pixels outside their line box, %zu outside the bounds, %zu overlapping "
        "line pairs\n  ink reaches past line boxes by (px, negative = inside): %s\n",
        size, tally.paragraphs, tally.wrapped_paragraphs, tally.lines, tally.glyphs,
        tally.inked_pixels, tally.outside_line, tally.outside_bounds, tally.overlapping_lines,
        tally.line_reach.text().c_str());
    EXPECT_GT(tally.wrapped_paragraphs, 0u) << "nothing wrapped at " << size << "px";
    EXPECT_GT(tally.glyphs, 0u);
    EXPECT_EQ(tally.outside_line, 0u) << "at " << size << "px";
    EXPECT_EQ(tally.outside_bounds, 0u) << "at " << size << "px";
    EXPECT_EQ(tally.overlapping_lines, 0u) << "at " << size << "px";
    total.glyphs += tally.glyphs;
    total.inked_pixels += tally.inked_pixels;
  }
  std::printf("no-clip: %zu glyphs and %zu inked pixels checked in all\n", total.glyphs,
              total.inked_pixels);
}

}  // namespace
}  // namespace ijlas::text
