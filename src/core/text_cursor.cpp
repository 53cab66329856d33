#include "core/text_cursor.hpp"

#include <algorithm>

namespace ijlas {

TextPosition TextCursor::advance_to(std::size_t offset) {
  if (offset > text_.size()) offset = text_.size();
  if (offset <= offset_) return position_;
  // Whole lines are counted at once; only the last line's code points are walked.
  const std::string_view span = text_.substr(offset_, offset - offset_);
  std::size_t from = offset_;
  if (const std::size_t newline = span.rfind('\n'); newline != std::string_view::npos) {
    position_.line += static_cast<int>(std::count(span.begin(), span.begin() + newline + 1, '\n'));
    position_.column = 1;
    from = offset_ + newline + 1;
  }
  for (; from < offset; ++from) {
    // Continuation bytes belong to the code point already counted.
    if ((static_cast<unsigned char>(text_[from]) & 0xC0) != 0x80) ++position_.column;
  }
  offset_ = offset;
  return position_;
}

}  // namespace ijlas
