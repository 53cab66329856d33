#include "core/utf8.hpp"

#include <cstdio>

#include "core/text_cursor.hpp"

namespace ijlas::utf8 {

char32_t decode(std::string_view text, std::size_t& offset) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(offset);
  int length = 0;
  char32_t code_point = 0;
  char32_t minimum = 0;
  if (lead < 0x80) {
    ++offset;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07, minimum = 0x10000;
  } else {
    ++offset;
    return kReplacement;
  }
  if (offset + length > text.size()) {
    ++offset;
    return kReplacement;
  }
  for (int i = 1; i < length; ++i) {
    const unsigned char next = byte(offset + i);
    if ((next & 0xC0) != 0x80) {
      ++offset;
      return kReplacement;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < minimum || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    ++offset;
    return kReplacement;
  }
  offset += length;
  return code_point;
}

bool is_valid(std::string_view text) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t before = offset;
    if (decode(text, offset) == kReplacement &&
        !(offset - before == 3 && text.substr(before, 3) == "\xEF\xBF\xBD")) {
      return false;
    }
  }
  return true;
}

std::optional<TextFault> first_fault(std::string_view text, bool reject_nul) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t before = offset;
    const char32_t code_point = decode(text, offset);
    const bool nul = code_point == 0 && reject_nul;
    if (nul || (code_point == kReplacement && text.substr(before, 3) != "\xEF\xBF\xBD")) {
      // The text before the fault is well-formed, so the cursor's count is its code points.
      return TextFault{TextCursor(text).advance_to(before), before, nul};
    }
  }
  return std::nullopt;
}

std::string sanitize(std::string_view text) {
  if (is_valid(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size())
    append(out, decode(text, offset));
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string code_point_name(char32_t code_point) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(code_point));
  return name;
}

std::string trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

std::size_t length(std::string_view text) {
  std::size_t count = 0;
  std::size_t offset = 0;
  while (offset < text.size()) {
    decode(text, offset);
    ++count;
  }
  return count;
}

}  // namespace ijlas::utf8
