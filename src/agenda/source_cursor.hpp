// Line and column (in code points) of byte offsets that only move forward, in O(file) overall:
// how loaders whose parser reports no columns still name one.
#pragma once

#include <cstddef>
#include <string_view>

namespace ijlas::agenda {

class SourceCursor {
 public:
  explicit SourceCursor(std::string_view text) : text_(text) {}

  // Moves to `offset` (ignored when behind the cursor) and returns the position there.
  void advance_to(std::size_t offset);

  std::size_t offset() const { return offset_; }
  int line() const { return line_; }
  int column() const { return column_; }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace ijlas::agenda
