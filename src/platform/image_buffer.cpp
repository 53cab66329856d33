#include "platform/image_buffer.hpp"

#include <algorithm>

namespace ijlas::platform {

ImageBuffer::ImageBuffer(int width, int height, text::Color fill)
    : width_(std::max(1, width)), height_(std::max(1, height)) {
  rgba_.resize(static_cast<std::size_t>(width_) * height_ * 4);
  for (std::size_t i = 0; i < rgba_.size(); i += 4) {
    rgba_[i] = fill.r, rgba_[i + 1] = fill.g, rgba_[i + 2] = fill.b, rgba_[i + 3] = fill.a;
  }
}

ImageBuffer ImageBuffer::scaled_down(int max_width) const {
  if (width_ <= max_width || max_width < 1) return *this;
  const int width = max_width;
  const int height =
      std::max(1, static_cast<int>(static_cast<long long>(height_) * width / width_));
  ImageBuffer result(width, height, {});
  for (int y = 0; y < height; ++y) {
    const int top = y * height_ / height, bottom = std::max(top + 1, (y + 1) * height_ / height);
    for (int x = 0; x < width; ++x) {
      const int left = x * width_ / width, right = std::max(left + 1, (x + 1) * width_ / width);
      unsigned sum[4] = {};
      for (int row = top; row < bottom; ++row)
        for (int column = left; column < right; ++column)
          for (int c = 0; c < 4; ++c)
            sum[c] += rgba_[(static_cast<std::size_t>(row) * width_ + column) * 4 + c];
      const unsigned count = static_cast<unsigned>((bottom - top) * (right - left));
      for (int c = 0; c < 4; ++c)
        result.rgba_[(static_cast<std::size_t>(y) * width + x) * 4 + c] =
            static_cast<std::uint8_t>(sum[c] / count);
    }
  }
  return result;
}

void ImageBuffer::paste(const ImageBuffer& other, int x, int y) {
  for (int row = std::max(0, -y); row < other.height_ && y + row < height_; ++row) {
    const int from = std::max(0, -x), to = std::min(other.width_, width_ - x);
    if (from >= to) continue;
    std::copy_n(other.rgba_.begin() + (static_cast<std::ptrdiff_t>(row) * other.width_ + from) * 4,
                (to - from) * 4,
                rgba_.begin() + (static_cast<std::ptrdiff_t>(y + row) * width_ + x + from) * 4);
  }
}

void ImageBuffer::draw_glyphs(const text::GlyphAtlas& atlas,
                              const std::vector<text::GlyphQuad>& quads, text::Color color) {
  const int page_size = atlas.page_size();
  for (const text::GlyphQuad& quad : quads) {
    const text::AtlasPage& page = atlas.pages()[quad.page];
    for (int row = 0; row < quad.height; ++row) {
      const int y = quad.dst_y + row;
      if (y < 0 || y >= height_) continue;
      for (int column = 0; column < quad.width; ++column) {
        const int x = quad.dst_x + column;
        if (x < 0 || x >= width_) continue;
        const std::size_t at = static_cast<std::size_t>(quad.src_y + row) * page_size +
                               static_cast<std::size_t>(quad.src_x + column);
        // A colour glyph brings its own colours; a coverage glyph takes the text's.
        text::Color ink = color;
        unsigned coverage = page.pixels[at];
        if (page.color) {
          const std::uint8_t* pixel = &page.pixels[at * 4];
          ink = {pixel[0], pixel[1], pixel[2], color.a};
          coverage = pixel[3];
        }
        if (coverage == 0) continue;
        const unsigned alpha = coverage * ink.a / 255;
        std::uint8_t* out = &rgba_[(static_cast<std::size_t>(y) * width_ + x) * 4];
        out[0] = static_cast<std::uint8_t>((ink.r * alpha + out[0] * (255 - alpha)) / 255);
        out[1] = static_cast<std::uint8_t>((ink.g * alpha + out[1] * (255 - alpha)) / 255);
        out[2] = static_cast<std::uint8_t>((ink.b * alpha + out[2] * (255 - alpha)) / 255);
        out[3] = static_cast<std::uint8_t>(alpha + out[3] * (255 - alpha) / 255);
      }
    }
  }
}

}  // namespace ijlas::platform
