// One bundled font file: its HarfBuzz face for shaping (at font-unit scale, so one shaping serves
// every pixel size), its coverage, and the ink extents of its glyphs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hb.h>

namespace ijlas::text {

struct GlyphExtents {  // font units, y up (as in the font)
  float x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  bool empty() const { return x_min >= x_max || y_min >= y_max; }
};

class FontFace {
 public:
  // Throws std::runtime_error naming the file when it cannot be read or is not a font.
  explicit FontFace(const std::filesystem::path& path);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  const std::string& file_name() const { return file_name_; }  // "NotoSans-Regular.ttf"
  const std::filesystem::path& path() const { return path_; }
  // The file, mapped read-only: only the tables and glyphs in use take memory.
  std::span<const std::uint8_t> bytes() const { return {bytes_, size_}; }
  hb_font_t* hb_font() const { return hb_font_; }  // scale = units per em
  int units_per_em() const { return units_per_em_; }
  float ascender() const { return ascender_; }    // font units, positive up
  float descender() const { return descender_; }  // font units, negative below the baseline
  float line_gap() const { return line_gap_; }

  bool covers(char32_t code_point) const;
  // Its glyphs are colour bitmaps (CBDT, as Noto Color Emoji's): drawn in their own colours.
  bool color() const { return color_; }

  // The vertical extent every line of this face is given even where its own ink is smaller: the
  // ink of the script's tallest and deepest letters, in font units (ascent up, descent down).
  void measure_strut(std::u32string_view letters);
  float strut_ascent() const { return strut_ascent_; }
  float strut_descent() const { return strut_descent_; }
  // Ink box of a glyph in font units; computed once per glyph.
  const GlyphExtents& extents(std::uint32_t glyph_id) const;

 private:
  std::filesystem::path path_;
  std::string file_name_;
  const std::uint8_t* bytes_ = nullptr;
  std::size_t size_ = 0;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* hb_face_ = nullptr;
  hb_font_t* hb_font_ = nullptr;
  int units_per_em_ = 1000;
  float ascender_ = 0, descender_ = 0, line_gap_ = 0;
  float strut_ascent_ = 0, strut_descent_ = 0;
  bool color_ = false;
  mutable std::vector<GlyphExtents> extents_;
  mutable std::vector<bool> extents_known_;
};

}  // namespace ijlas::text
