#include "text/bidi_paragraph.hpp"

#include <stdexcept>
#include <string>

#include <unicode/ubidi.h>
#include <unicode/utf16.h>

#include "core/utf8.hpp"

namespace ijlas::text {

struct BidiParagraph::IcuState {
  std::u16string utf16;
  std::vector<int> utf16_to_code_point;  // index of the code point each UTF-16 unit belongs to
  std::vector<int> code_point_to_utf16;  // first UTF-16 unit of each code point, plus the end
  UBiDi* paragraph = nullptr;
  ~IcuState() {
    if (paragraph) ubidi_close(paragraph);
  }
};

BidiParagraph::BidiParagraph(std::string_view utf8, std::optional<Direction> base)
    : icu_(std::make_unique<IcuState>()) {
  std::size_t offset = 0;
  while (offset < utf8.size()) {
    code_point_offsets_.push_back(offset);
    const char32_t cp = utf8::decode(utf8, offset);
    const int index = static_cast<int>(code_point_offsets_.size()) - 1;
    icu_->code_point_to_utf16.push_back(static_cast<int>(icu_->utf16.size()));
    if (cp > 0xFFFF) {
      icu_->utf16 += static_cast<char16_t>(U16_LEAD(cp));
      icu_->utf16 += static_cast<char16_t>(U16_TRAIL(cp));
      icu_->utf16_to_code_point.insert(icu_->utf16_to_code_point.end(), 2, index);
    } else {
      icu_->utf16 += static_cast<char16_t>(cp);
      icu_->utf16_to_code_point.push_back(index);
    }
  }
  code_point_offsets_.push_back(utf8.size());
  icu_->code_point_to_utf16.push_back(static_cast<int>(icu_->utf16.size()));

  UErrorCode status = U_ZERO_ERROR;
  icu_->paragraph = ubidi_openSized(static_cast<int32_t>(icu_->utf16.size()), 0, &status);
  UBiDiLevel level = UBIDI_DEFAULT_LTR;
  if (base) level = *base == Direction::kRtl ? 1 : 0;
  ubidi_setPara(icu_->paragraph, icu_->utf16.data(), static_cast<int32_t>(icu_->utf16.size()),
                level, nullptr, &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU bidi: ") + u_errorName(status));
  paragraph_level_ = ubidi_getParaLevel(icu_->paragraph);

  const int count = static_cast<int>(code_point_offsets_.size()) - 1;
  levels_.resize(count);
  for (int i = 0; i < count; ++i) {
    levels_[i] = ubidi_getLevelAt(icu_->paragraph, icu_->code_point_to_utf16[i]);
  }
}

BidiParagraph::~BidiParagraph() = default;

BidiLine BidiParagraph::line(std::size_t start_byte, std::size_t end_byte) const {
  const auto to_index = [&](std::size_t byte) {
    const auto it = std::lower_bound(code_point_offsets_.begin(), code_point_offsets_.end(), byte);
    return static_cast<int>(it - code_point_offsets_.begin());
  };
  const int first = to_index(start_byte);
  const int last = to_index(end_byte);
  BidiLine result;
  if (first >= last) return result;

  const int start16 = icu_->code_point_to_utf16[first];
  const int end16 = icu_->code_point_to_utf16[last];
  UErrorCode status = U_ZERO_ERROR;
  // The paragraph object itself stands for a line spanning the whole text (and may hold several
  // paragraphs, which ubidi_setLine refuses to span).
  UBiDi* line = icu_->paragraph;
  UBiDi* owned = nullptr;
  if (start16 != 0 || end16 != static_cast<int>(icu_->utf16.size())) {
    owned = ubidi_openSized(end16 - start16, 0, &status);
    ubidi_setLine(icu_->paragraph, start16, end16, owned, &status);
    line = owned;
  }
  if (U_FAILURE(status)) {
    if (owned) ubidi_close(owned);
    throw std::runtime_error(std::string("ICU bidi line: ") + u_errorName(status));
  }
  const UBiDiLevel* levels16 = ubidi_getLevels(line, &status);
  std::vector<int32_t> visual16(end16 - start16);
  ubidi_getVisualMap(line, visual16.data(), &status);
  if (U_FAILURE(status)) {
    if (owned) ubidi_close(owned);
    throw std::runtime_error(std::string("ICU bidi map: ") + u_errorName(status));
  }

  result.levels.resize(last - first);
  for (int i = first; i < last; ++i) {
    result.levels[i - first] = levels16[icu_->code_point_to_utf16[i] - start16];
  }
  result.visual_to_logical.reserve(last - first);
  for (const int32_t logical16 : visual16) {
    const int unit = logical16 + start16;
    // A surrogate pair appears once: keep the unit that starts its code point.
    const int code_point = icu_->utf16_to_code_point[unit];
    if (icu_->code_point_to_utf16[code_point] == unit) {
      result.visual_to_logical.push_back(code_point - first);
    }
  }
  if (owned) ubidi_close(owned);
  return result;
}

}  // namespace ijlas::text
