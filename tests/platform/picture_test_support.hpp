// What the tests of drawn pictures share: the typesetter of the bundled fonts, a few colours and
// the colour of one pixel.
#pragma once

#include <cstddef>
#include <cstdint>

#include "platform/image_buffer.hpp"
#include "text/typesetter.hpp"

namespace ijlas::platform::picture_testing {

inline constexpr text::Color kWhite{255, 255, 255, 255};
inline constexpr text::Color kBlack{0, 0, 0, 255};
inline constexpr text::Color kRed{220, 20, 30, 255};
inline constexpr text::Color kBlue{10, 40, 200, 255};

inline text::Typesetter& typesetter() {
  static text::Typesetter shared(IJLAS_FONT_DIR);
  return shared;
}

inline text::Color pixel(const ImageBuffer& image, int x, int y) {
  const std::uint8_t* p = &image.rgba()[(static_cast<std::size_t>(y) * image.width() + x) * 4];
  return {p[0], p[1], p[2], p[3]};
}

}  // namespace ijlas::platform::picture_testing
