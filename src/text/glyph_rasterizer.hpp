// FreeType turns one glyph at one size and subpixel offset into an 8-bit coverage bitmap, or a
// colour glyph (an emoji or a flag of a bitmap colour font, CBDT) into RGBA scaled to the size.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace ijlas::text {

class FontFace;

struct GlyphBitmap {
  int width = 0, height = 0;
  int left = 0;                        // pixels from the glyph origin to the bitmap's left edge
  int top = 0;                         // pixels from the baseline up to the bitmap's top row
  std::vector<std::uint8_t> coverage;  // width * height, row-major
  bool color = false;                  // then rgba instead of coverage
  std::vector<std::uint8_t> rgba;      // width * height * 4, row-major, straight alpha
};

class GlyphRasterizer {
 public:
  GlyphRasterizer();
  ~GlyphRasterizer();
  GlyphRasterizer(const GlyphRasterizer&) = delete;
  GlyphRasterizer& operator=(const GlyphRasterizer&) = delete;

  // subpixel_x in [0, 1): the fractional part of the pen position, applied before rendering.
  GlyphBitmap rasterize(const FontFace& face, std::uint32_t glyph_id, float pixel_size,
                        float subpixel_x);

 private:
  struct FreeTypeState;
  std::unique_ptr<FreeTypeState> freetype_;
};

}  // namespace ijlas::text
