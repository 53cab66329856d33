// The Unicode Bidirectional Algorithm (UAX #9) over one paragraph of UTF-8, by ICU.
// Resolves embedding levels once; each line then gets its own levels (rule L1) and visual order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "text/text_style.hpp"

namespace ijlas::text {

struct BidiLine {
  std::vector<std::uint8_t> levels;    // one per code point of the line, after rule L1
  std::vector<int> visual_to_logical;  // code point indices relative to the line, left to right
};

class BidiParagraph {
 public:
  // base: the paragraph direction, or nullopt for "first strong character" (left to right when
  // the text has none). Invalid UTF-8 is read as U+FFFD.
  BidiParagraph(std::string_view utf8, std::optional<Direction> base);
  ~BidiParagraph();
  BidiParagraph(const BidiParagraph&) = delete;
  BidiParagraph& operator=(const BidiParagraph&) = delete;

  Direction base_direction() const {
    return paragraph_level_ % 2 ? Direction::kRtl : Direction::kLtr;
  }
  int paragraph_level() const { return paragraph_level_; }

  // Byte offset of every code point, plus the text's length at the end (size = code points + 1).
  const std::vector<std::size_t>& code_point_offsets() const { return code_point_offsets_; }

  // Resolved level of every code point before line breaking (rules up to I2).
  const std::vector<std::uint8_t>& levels() const { return levels_; }

  // The line of bytes [start, end): levels after L1 and the visual order (L2). start and end must
  // be code point boundaries.
  BidiLine line(std::size_t start_byte, std::size_t end_byte) const;

 private:
  struct IcuState;
  std::unique_ptr<IcuState> icu_;
  int paragraph_level_ = 0;
  std::vector<std::size_t> code_point_offsets_;
  std::vector<std::uint8_t> levels_;
};

}  // namespace ijlas::text
