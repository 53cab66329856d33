#include "ui/qr_code.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include <qrencode.h>

namespace ijlas::ui {
namespace {

struct QrCodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::optional<QrMatrix> encode_qr(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const std::string terminated(text);
  // Version 0: the smallest that holds the text; 8-bit mode keeps the URL's bytes as they are.
  const std::unique_ptr<QRcode, QrCodeFree> code(
      QRcode_encodeString8bit(terminated.c_str(), 0, QR_ECLEVEL_M));
  if (!code || code->width <= 0) return std::nullopt;
  QrMatrix matrix;
  matrix.size = code->width;
  matrix.dark.resize(static_cast<std::size_t>(code->width) * code->width);
  for (std::size_t i = 0; i < matrix.dark.size(); ++i) {
    matrix.dark[i] = (code->data[i] & 1) != 0;  // bit 0: a dark module; the others say why
  }
  return matrix;
}

float qr_module_for(const QrMatrix& matrix, float min_side) {
  const float modules = static_cast<float>(matrix.size + 2 * kQrQuietModules);
  return std::max(1.0f, std::ceil(min_side / modules));
}

void draw_qr(DrawList& list, const QrMatrix& matrix, float x, float y, float module) {
  const float side = qr_side(matrix, module);
  list.fill({x, y, side, side}, Color{0xFF, 0xFF, 0xFF, 0xFF});
  const float left = x + kQrQuietModules * module, top = y + kQrQuietModules * module;
  for (int row = 0; row < matrix.size; ++row) {
    for (int column = 0; column < matrix.size;) {
      if (!matrix.at(column, row)) {
        ++column;
        continue;
      }
      const int start = column;
      while (column < matrix.size && matrix.at(column, row))
        ++column;
      list.fill({left + start * module, top + row * module, (column - start) * module, module},
                Color{0, 0, 0, 0xFF});
    }
  }
}

}  // namespace ijlas::ui
