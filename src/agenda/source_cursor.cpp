#include "agenda/source_cursor.hpp"

namespace ijlas::agenda {

void SourceCursor::advance_to(std::size_t offset) {
  if (offset > text_.size()) offset = text_.size();
  for (; offset_ < offset; ++offset_) {
    const unsigned char byte = static_cast<unsigned char>(text_[offset_]);
    if (byte == '\n') {
      ++line_;
      column_ = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++column_;  // continuation bytes belong to the code point already counted
    }
  }
}

void SourceCursor::advance_to_line(int line) {
  while (line_ < line && offset_ < text_.size()) {
    const std::size_t newline = text_.find('\n', offset_);
    if (newline == std::string_view::npos) {
      advance_to(text_.size());
      return;
    }
    offset_ = newline + 1;
    ++line_;
    column_ = 1;
  }
}

}  // namespace ijlas::agenda
