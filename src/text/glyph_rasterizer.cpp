#include "text/glyph_rasterizer.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include "text/font_face.hpp"

namespace ijlas::text {

struct GlyphRasterizer::FreeTypeState {
  FT_Library library = nullptr;
  std::unordered_map<const FontFace*, FT_Face> faces;
  ~FreeTypeState() {
    for (auto& [face, ft_face] : faces)
      FT_Done_Face(ft_face);
    if (library) FT_Done_FreeType(library);
  }
};

GlyphRasterizer::GlyphRasterizer() : freetype_(std::make_unique<FreeTypeState>()) {
  if (FT_Init_FreeType(&freetype_->library) != 0) {
    throw std::runtime_error("FreeType could not start");
  }
}

GlyphRasterizer::~GlyphRasterizer() = default;

namespace {

// A colour font's bitmaps come in fixed sizes (strikes): the smallest at least as large as the
// wanted size, else the largest, scaled to it.
int strike_for(FT_Face face, float pixel_size) {
  int best = 0;
  for (int i = 0; i < face->num_fixed_sizes; ++i) {
    const float ppem = static_cast<float>(face->available_sizes[i].y_ppem) / 64.0f;
    const float best_ppem = static_cast<float>(face->available_sizes[best].y_ppem) / 64.0f;
    const bool large_enough = ppem >= pixel_size, best_large_enough = best_ppem >= pixel_size;
    if ((large_enough && (!best_large_enough || ppem < best_ppem)) ||
        (!large_enough && !best_large_enough && ppem > best_ppem)) {
      best = i;
    }
  }
  return best;
}

// The strike's premultiplied BGRA bitmap scaled by `scale` (an area average of the source pixels
// each target pixel covers), as straight RGBA.
void scale_color(const FT_Bitmap& source, float scale, GlyphBitmap& out) {
  out.width = std::max(1, static_cast<int>(std::lround(source.width * scale)));
  out.height = std::max(1, static_cast<int>(std::lround(source.rows * scale)));
  out.rgba.assign(static_cast<std::size_t>(out.width) * out.height * 4, 0);
  const int source_w = static_cast<int>(source.width), source_h = static_cast<int>(source.rows);
  for (int y = 0; y < out.height; ++y) {
    const int top = y * source_h / out.height;
    const int bottom = std::max(top + 1, (y + 1) * source_h / out.height);
    for (int x = 0; x < out.width; ++x) {
      const int left = x * source_w / out.width;
      const int right = std::max(left + 1, (x + 1) * source_w / out.width);
      unsigned sum[4] = {};  // b, g, r, a, premultiplied
      for (int row = top; row < bottom; ++row) {
        const unsigned char* line = source.buffer + static_cast<std::ptrdiff_t>(row) * source.pitch;
        for (int column = left; column < right; ++column)
          for (int c = 0; c < 4; ++c)
            sum[c] += line[column * 4 + c];
      }
      const unsigned count = static_cast<unsigned>((bottom - top) * (right - left));
      const unsigned alpha = sum[3] / count;
      std::uint8_t* pixel = &out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4];
      if (alpha == 0) continue;
      for (int c = 0; c < 3; ++c)
        pixel[2 - c] = static_cast<std::uint8_t>(std::min(255u, sum[c] / count * 255 / alpha));
      pixel[3] = static_cast<std::uint8_t>(alpha);
    }
  }
}

}  // namespace

GlyphBitmap GlyphRasterizer::rasterize(const FontFace& face, std::uint32_t glyph_id,
                                       float pixel_size, float subpixel_x) {
  FT_Face& ft_face = freetype_->faces[&face];
  if (!ft_face) {
    // The face reads the bytes FontFace already holds: one copy of each font in memory.
    if (FT_New_Memory_Face(freetype_->library, face.bytes().data(),
                           static_cast<FT_Long>(face.bytes().size()), 0, &ft_face) != 0) {
      freetype_->faces.erase(&face);
      throw std::runtime_error("FreeType cannot read " + face.file_name());
    }
  }
  GlyphBitmap bitmap;
  if (FT_HAS_COLOR(ft_face) && !FT_IS_SCALABLE(ft_face) && ft_face->num_fixed_sizes > 0) {
    const int strike = strike_for(ft_face, pixel_size);
    if (FT_Select_Size(ft_face, strike) != 0) return bitmap;
    if (FT_Load_Glyph(ft_face, glyph_id, FT_LOAD_COLOR) != 0) return bitmap;
    const FT_GlyphSlot slot = ft_face->glyph;
    if (slot->format != FT_GLYPH_FORMAT_BITMAP || slot->bitmap.pixel_mode != FT_PIXEL_MODE_BGRA)
      return bitmap;
    const float scale =
        pixel_size / (static_cast<float>(ft_face->available_sizes[strike].y_ppem) / 64.0f);
    bitmap.color = true;
    scale_color(slot->bitmap, scale, bitmap);
    bitmap.left = static_cast<int>(std::lround(slot->bitmap_left * scale + subpixel_x));
    bitmap.top = static_cast<int>(std::lround(slot->bitmap_top * scale));
    return bitmap;
  }
  const FT_F26Dot6 size = static_cast<FT_F26Dot6>(std::lround(pixel_size * 64));
  if (FT_Set_Char_Size(ft_face, 0, size, 72, 72) != 0) return bitmap;
  // Unhinted outlines: positions and ink then agree with HarfBuzz's unscaled metrics.
  if (FT_Load_Glyph(ft_face, glyph_id, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) return bitmap;
  FT_GlyphSlot slot = ft_face->glyph;
  if (slot->format != FT_GLYPH_FORMAT_OUTLINE) return bitmap;
  FT_Outline_Translate(&slot->outline, static_cast<FT_Pos>(std::lround(subpixel_x * 64)), 0);
  if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) return bitmap;

  const FT_Bitmap& source = slot->bitmap;
  bitmap.width = static_cast<int>(source.width);
  bitmap.height = static_cast<int>(source.rows);
  bitmap.left = slot->bitmap_left;
  bitmap.top = slot->bitmap_top;
  bitmap.coverage.resize(static_cast<std::size_t>(bitmap.width) * bitmap.height);
  for (int row = 0; row < bitmap.height; ++row) {
    const unsigned char* line = source.buffer + static_cast<std::ptrdiff_t>(row) * source.pitch;
    std::copy(line, line + bitmap.width,
              bitmap.coverage.begin() + static_cast<std::ptrdiff_t>(row) * bitmap.width);
  }
  return bitmap;
}

}  // namespace ijlas::text
