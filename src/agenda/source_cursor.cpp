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

}  // namespace ijlas::agenda
