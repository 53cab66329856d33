#include "app/font_coverage.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <unordered_map>

#include "core/diagnostic.hpp"
#include "core/utf8.hpp"

namespace ijlas::app {
namespace {

class CoverageCheck {
 public:
  explicit CoverageCheck(const text::FontCollection& fonts) : fonts_(fonts) {}

  // The first code point of the text that no font has; 0 when there is none.
  char32_t first_uncovered(const std::string& text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto size = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < size;) {
      UChar32 code_point = 0;
      U8_NEXT(bytes, i, size, code_point);
      if (code_point < 0x80) continue;  // ASCII, or a bad byte the loaders already replaced
      if (!covered(static_cast<char32_t>(code_point))) return static_cast<char32_t>(code_point);
    }
    return 0;
  }

 private:
  bool covered(char32_t code_point) {
    const auto [known, inserted] = seen_.try_emplace(code_point, true);
    if (inserted) {
      // Controls, format characters (isolates, joiners) and spaces are shaped, not drawn.
      const auto category =
          static_cast<UCharCategory>(u_charType(static_cast<UChar32>(code_point)));
      const bool drawn = category != U_CONTROL_CHAR && category != U_FORMAT_CHAR &&
                         category != U_SPACE_SEPARATOR && category != U_LINE_SEPARATOR &&
                         category != U_PARAGRAPH_SEPARATOR && category != U_NON_SPACING_MARK;
      known->second = !drawn || fonts_.covers(code_point);
    }
    return known->second;
  }

  const text::FontCollection& fonts_;
  std::unordered_map<char32_t, bool> seen_;
};

char32_t first_uncovered(CoverageCheck& check, const agenda::LocalizedText& text) {
  const char32_t ur = check.first_uncovered(text.ur);
  return ur ? ur : check.first_uncovered(text.en);
}

}  // namespace

std::string uncovered_text_notice(const text::FontCollection& fonts, const agenda::Agenda& agenda) {
  CoverageCheck check(fonts);
  std::size_t sessions = 0;
  const agenda::Session* first = nullptr;
  char32_t first_letter = 0;
  for (const agenda::Session& session : agenda.sessions()) {
    char32_t letter = 0;
    for (const agenda::LocalizedText* text : {&session.title, &session.subtitle, &session.abstract})
      if (!letter) letter = first_uncovered(check, *text);
    for (const std::string& id : session.speakers) {
      const agenda::Speaker* speaker = agenda.find_speaker(id);
      if (!letter && speaker) letter = first_uncovered(check, speaker->name);
    }
    if (!letter) continue;
    if (!first) {
      first = &session;
      first_letter = letter;
    }
    ++sessions;
  }
  if (!first) return {};
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(first_letter), &status);
  const char* script_name = U_SUCCESS(status) ? uscript_getName(script) : nullptr;
  return std::string("text in the ") + (script_name ? script_name : "Unknown") +
         " script has no font on this kiosk and shows as empty boxes: " + std::to_string(sessions) +
         (sessions == 1 ? " session, " : " sessions, the first ") + quoted(first->id) + " (" +
         utf8::code_point_name(first_letter) + ")";
}

}  // namespace ijlas::app
