#include "text/typesetter.hpp"

#include <cmath>

namespace ijlas::text {

Typesetter::Typesetter(const std::filesystem::path& font_dir) : fonts_(font_dir) {}

std::shared_ptr<const ParagraphLayout> Typesetter::layout(std::string_view text,
                                                          const TextStyle& style) {
  return cache_.get(fonts_, text, style);
}

void Typesetter::glyph_quads(const ParagraphLayout& layout, float x, float y,
                             std::vector<GlyphQuad>& out) {
  for (const LayoutLine& line : layout.lines) {
    for (const GlyphRun& run : line.runs) {
      const auto size_64ths = static_cast<std::uint32_t>(std::lround(run.pixel_size * 64));
      for (const PositionedGlyph& glyph : run.glyphs) {
        // The pen position to the nearest quarter pixel: whole pixels plus a subpixel step.
        const long steps = std::lround((x + glyph.x) * kSubpixelSteps);
        const long whole = steps >= 0 ? steps / kSubpixelSteps : -((-steps + 3) / kSubpixelSteps);
        const auto subpixel = static_cast<std::uint8_t>(steps - whole * kSubpixelSteps);
        const AtlasEntry& entry =
            atlas_.get({run.face, glyph.id, size_64ths, subpixel}, rasterizer_);
        if (entry.width == 0) continue;
        out.push_back({entry.page, entry.x, entry.y, entry.width, entry.height,
                       static_cast<int>(whole) + entry.left,
                       static_cast<int>(std::lround(y + glyph.y)) - entry.top});
      }
    }
  }
}

}  // namespace ijlas::text
