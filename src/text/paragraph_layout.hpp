// A paragraph laid out: lines of glyph runs in visual order with pixel positions and ink boxes.
// Coordinates: pixels, origin at the paragraph's top-left, y down. The first line's box (the union
// of the font's ascender/descender and its real ink) starts at y = 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_style.hpp"

namespace ijlas::text {

class FontFace;
class FontCollection;

struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x0 >= x1 || y0 >= y1; }
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  void unite(const Rect& other);
};

struct PositionedGlyph {
  std::uint32_t id = 0;       // glyph index in the run's font
  std::uint32_t cluster = 0;  // byte offset into the paragraph's text
  float x = 0, y = 0;         // pen position with offsets applied: where the glyph origin sits
  float advance = 0;
};

struct GlyphRun {
  const FontFace* face = nullptr;
  float pixel_size = 0;
  Direction direction = Direction::kLtr;
  std::uint8_t level = 0;          // bidi embedding level on its line (after rule L1)
  std::uint32_t script = 0;        // ISO 15924 tag as HarfBuzz's hb_script_t ('Arab', 'Latn', ...)
  std::string language;            // BCP 47
  std::size_t start = 0, end = 0;  // bytes of the text this run shows
  std::vector<PositionedGlyph> glyphs;  // left to right
};

struct LayoutLine {
  std::size_t start = 0, end = 0;  // bytes of the text on this line (trailing spaces included)
  float baseline = 0;
  float width = 0;  // advance width of the visible content
  Rect box;         // x from the line's content; y from the union of font metrics and ink
  Rect ink;         // union of the glyphs' ink; empty for an empty line
  bool ellipsized = false;
  std::vector<GlyphRun> runs;  // visual order, left to right
};

struct ParagraphLayout {
  std::string text;
  TextStyle style;
  Direction direction = Direction::kLtr;  // resolved paragraph direction
  std::vector<LayoutLine> lines;
  float width = 0;   // max_width when given, else the widest line
  float height = 0;  // bottom of the last line box
  Rect bounds;       // union of every line's box and ink: draw nothing outside it
  std::size_t glyph_count() const;
};

// Lays out text (invalid UTF-8 is read as U+FFFD): shape_paragraph, then wrap_paragraph.
ParagraphLayout layout_paragraph(const FontCollection& fonts, std::string_view text,
                                 const TextStyle& style);

// A paragraph itemized and shaped once as one endless line, as SkParagraph does: all that
// depends on the text and the style's shaping fields (language, family, weight, pixel_size,
// direction), nothing that depends on the width. It refers to fonts, which must outlive it.
// A text far longer than the style's max_lines of max_width can show is shaped only as far as
// they reach, so that its cost does not grow with what is never shown.
struct ShapedParagraph;
std::shared_ptr<const ShapedParagraph> shape_paragraph(const FontCollection& fonts,
                                                       std::string_view text,
                                                       const TextStyle& style);

// Whether the shaped paragraph reaches as far as the lines of a layout in style can.
bool covers(const ShapedParagraph& shaped, const TextStyle& style);

// The cheaper second pass: lines by the style's wrapping fields (alignment, max_width,
// max_lines, line_spacing); its shaping fields are ignored for the shaped paragraph's own.
// Reshapes only the pieces of words split at a line's ends and the ellipsis. The shaped
// paragraph must cover the style.
ParagraphLayout wrap_paragraph(const ShapedParagraph& shaped, const TextStyle& style);

// Total hb_shape calls made by layout_paragraph in this process (for the no-work-when-cached
// tests).
std::uint64_t shape_call_count();

}  // namespace ijlas::text
