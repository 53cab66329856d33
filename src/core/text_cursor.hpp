// The one way places in a text are counted: line and column (in code points) of byte offsets
// that only move forward, in O(text) overall, so a reader keeps only its offset and asks for a
// position when it reports one.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/text_position.hpp"

namespace ijlas {

class TextCursor {
 public:
  explicit TextCursor(std::string_view text) : text_(text) {}

  // Moves to `offset` (not back when it is behind the cursor) and returns the position there.
  TextPosition advance_to(std::size_t offset);

  std::size_t offset() const { return offset_; }
  TextPosition position() const { return position_; }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  TextPosition position_{1, 1};
};

}  // namespace ijlas
