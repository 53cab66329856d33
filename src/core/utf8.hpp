// UTF-8 decoding that never trusts its input: invalid bytes decode to U+FFFD and advance by one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/text_position.hpp"

namespace ijlas::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `offset` and advances `offset` past it.
char32_t decode(std::string_view text, std::size_t& offset);

// True when the whole text is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid(std::string_view text);

// Where a text stops being well-formed UTF-8 (or holds a NUL byte, when that is refused too),
// for a message that points at it.
struct TextFault {
  TextPosition position;
  std::size_t offset = 0;  // of the first byte at fault
  bool nul = false;        // a NUL byte rather than a bad sequence
};
std::optional<TextFault> first_fault(std::string_view text, bool reject_nul);

// Invalid sequences replaced by U+FFFD, so that later stages can rely on well-formed input.
std::string sanitize(std::string_view text);

void append(std::string& out, char32_t code_point);

// Text without leading and trailing ASCII white space (space, tab, CR, LF, VT, FF).
std::string trimmed(std::string_view text);

// "U+001B", "U+958B": a code point as messages name it.
std::string code_point_name(char32_t code_point);

// Number of code points in text (invalid bytes count one each).
std::size_t length(std::string_view text);

}  // namespace ijlas::utf8
