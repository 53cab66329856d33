#include "text/glyph_rasterizer.hpp"

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
