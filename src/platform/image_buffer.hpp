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
  // The picture made at most `max_width` pixels wide, each pixel the mean of those it covers
  // (a thumbnail); a picture already narrow enough comes back as it is.
  ImageBuffer scaled_down(int max_width) const;
  // `other` copied in with its top left corner at (x, y); clips at the edges.
  void paste(const ImageBuffer& other, int x, int y);

  void draw_glyphs(const text::GlyphAtlas& atlas, const std::vector<text::GlyphQuad>& quads,
                   text::Color color);

 private:
  int width_, height_;
  std::vector<std::uint8_t> rgba_;
};

}  // namespace ijlas::platform
