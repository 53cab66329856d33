// A QR code as a square of modules (libqrencode), and its picture as rectangles in a DrawList:
// dark modules on white, with the quiet zone of four modules that scanners need around it.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "ui/draw_list.hpp"

namespace ijlas::ui {

struct QrMatrix {
  int size = 0;            // modules per side (21 for version 1, 4 more per version)
  std::vector<bool> dark;  // row by row, size * size
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};

inline constexpr int kQrQuietModules = 4;  // ISO/IEC 18004: a light border four modules wide

// The code of `text` at error correction level M, or nothing when it cannot be encoded.
std::optional<QrMatrix> encode_qr(std::string_view text);

// The side of the drawn code, quiet zone included, for modules of `module` pixels.
inline float qr_side(const QrMatrix& matrix, float module) {
  return module * static_cast<float>(matrix.size + 2 * kQrQuietModules);
}

// Whole pixels per module so that the code, quiet zone included, is at least `min_side` wide.
float qr_module_for(const QrMatrix& matrix, float min_side);

// The white square with the quiet zone at (x, y), then each horizontal run of dark modules as
// one rectangle.
void draw_qr(DrawList& list, const QrMatrix& matrix, float x, float y, float module);

}  // namespace ijlas::ui
