#include "platform/paragraph_image.hpp"

#include <cmath>

namespace ijlas::platform {

ImageBuffer render_paragraph(text::Typesetter& typesetter, const text::ParagraphLayout& layout,
                             int margin, text::Color ink, text::Color background) {
  const text::Rect& bounds = layout.bounds;
  const int width = static_cast<int>(std::ceil(bounds.x1) - std::floor(bounds.x0)) + 2 * margin;
  const int height = static_cast<int>(std::ceil(bounds.y1) - std::floor(bounds.y0)) + 2 * margin;
  ImageBuffer image(width, height, background);
  std::vector<text::GlyphQuad> quads;
  typesetter.glyph_quads(layout, static_cast<float>(margin) - std::floor(bounds.x0),
                         static_cast<float>(margin) - std::floor(bounds.y0), quads);
  image.draw_glyphs(typesetter.atlas(), quads, ink);
  return image;
}

}  // namespace ijlas::platform
