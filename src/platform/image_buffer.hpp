// An RGBA picture in memory: what headless shots and `ijlas-text render` draw into.
#pragma once

#include <cstdint>
#include <vector>

#include "text/text_style.hpp"
#include "text/typesetter.hpp"

namespace ijlas::platform {

class ImageBuffer {
 public:
  ImageBuffer(int width, int height, text::Color fill);

  int width() const { return width_; }
  int height() const { return height_; }
  const std::vector<std::uint8_t>& rgba() const { return rgba_; }
  std::vector<std::uint8_t>& rgba() { return rgba_; }

  // Blends the glyph coverage of the atlas into the picture in one colour; clips at the edges.
  void draw_glyphs(const text::GlyphAtlas& atlas, const std::vector<text::GlyphQuad>& quads,
                   text::Color color);

 private:
  int width_, height_;
  std::vector<std::uint8_t> rgba_;
};

}  // namespace ijlas::platform
