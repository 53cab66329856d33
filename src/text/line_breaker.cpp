#include "text/line_breaker.hpp"

#include <memory>
#include <mutex>
#include <unordered_map>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

namespace ijlas::text {
namespace {

// Opening a break iterator loads rules; clone a prototype per locale instead.
std::unique_ptr<icu::BreakIterator> make_iterator(bool line, const std::string& language) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<icu::BreakIterator>> prototypes;
  const std::string key = (line ? "line:" : "char:") + language;
  std::lock_guard lock(mutex);
  auto& prototype = prototypes[key];
  if (!prototype) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(language.c_str());
    prototype.reset(line ? icu::BreakIterator::createLineInstance(locale, status)
                         : icu::BreakIterator::createCharacterInstance(locale, status));
    if (U_FAILURE(status)) prototype.reset();
    if (!prototype) return nullptr;
  }
  return std::unique_ptr<icu::BreakIterator>(prototype->clone());
}

// Runs the iterator over the UTF-8 text directly: its offsets are then byte offsets.
template <typename Visit>
bool for_each_boundary(icu::BreakIterator& iterator, std::string_view utf8, Visit visit) {
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return false;
  iterator.setText(text, status);
  if (U_SUCCESS(status)) {
    for (int32_t at = iterator.next(); at != icu::BreakIterator::DONE; at = iterator.next()) {
      visit(static_cast<std::size_t>(at), iterator.getRuleStatus());
    }
  }
  // The iterator keeps a shallow clone of the UText; detach before closing ours.
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  iterator.setText(empty, status);
  utext_close(text);
  utext_close(empty);
  return U_SUCCESS(status);
}

}  // namespace

std::vector<BreakOpportunity> line_break_opportunities(std::string_view utf8,
                                                       const std::string& language) {
  std::vector<BreakOpportunity> result;
  if (auto iterator = make_iterator(true, language)) {
    for_each_boundary(*iterator, utf8, [&](std::size_t offset, int32_t rule_status) {
      result.push_back(
          {offset, rule_status >= UBRK_LINE_HARD && rule_status < UBRK_LINE_HARD_LIMIT});
    });
  }
  if (result.empty() || result.back().offset != utf8.size()) result.push_back({utf8.size(), false});
  return result;
}

std::vector<std::size_t> grapheme_boundaries(std::string_view utf8) {
  std::vector<std::size_t> result{0};
  if (auto iterator = make_iterator(false, "")) {
    for_each_boundary(*iterator, utf8, [&](std::size_t offset, int32_t) {
      if (offset > result.back()) result.push_back(offset);
    });
  }
  if (result.back() != utf8.size()) result.push_back(utf8.size());
  return result;
}

}  // namespace ijlas::text
