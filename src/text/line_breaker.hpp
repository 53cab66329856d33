// Where a line may end (UAX #14, by ICU) and where a word may be split as a last resort.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ijlas::text {

struct BreakOpportunity {
  std::size_t offset = 0;  // byte offset: a line may end just before this byte
  bool mandatory = false;  // a hard break (after a newline or paragraph separator)
};

// Every opportunity after the start of the text, ending with the text's length.
std::vector<BreakOpportunity> line_break_opportunities(std::string_view utf8,
                                                       const std::string& language);

// Byte offsets of extended grapheme cluster boundaries, from 0 to the text's length.
std::vector<std::size_t> grapheme_boundaries(std::string_view utf8);

}  // namespace ijlas::text
