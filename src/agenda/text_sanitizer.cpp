#include "agenda/text_sanitizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "core/text_cursor.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

constexpr char32_t kPdi = 0x2069;

bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}
bool is_embedding(char32_t c) {
  return c >= 0x202A && c <= 0x202E;
}
bool is_isolate_start(char32_t c) {
  return c >= 0x2066 && c <= 0x2068;
}

// The largest grapheme boundary at or before `limit` bytes; `limit` itself when ICU fails.
std::size_t grapheme_boundary_before(const std::string& text, std::size_t limit) {
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  std::unique_ptr<icu::BreakIterator> graphemes(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  std::size_t boundary = limit;
  if (U_SUCCESS(status)) {
    graphemes->setText(utext, status);
    if (U_SUCCESS(status) && !graphemes->isBoundary(static_cast<int32_t>(limit))) {
      const int32_t before = graphemes->preceding(static_cast<int32_t>(limit));
      if (before != icu::BreakIterator::DONE) boundary = static_cast<std::size_t>(before);
    }
  }
  utext_close(utext);
  return boundary;
}

}  // namespace

SanitizedText sanitize_text(std::string_view text, const FieldRules& rules) {
  SanitizedText result;
  std::string& out = result.text;
  out.reserve(text.size());
  int open_isolates = 0;
  std::size_t character = 0;
  std::size_t characters_out = 0;
  std::size_t cut_at = std::string::npos;  // bytes of `out` within the limit
  for (std::size_t offset = 0; offset < text.size();) {
    const std::size_t start = offset;
    const char32_t c = utf8::decode(text, offset);
    ++character;
    const auto drop = [&](TextFix fix) { result.changes.push_back({fix, character, c}); };
    if (c == '\r' && offset < text.size() && text[offset] == '\n') {
      continue;  // CR LF: the LF follows
    } else if (c == '\r' || c == '\n') {
      out += rules.line_breaks ? '\n' : ' ';
    } else if (c == '\t') {
      out += ' ';
    } else if (is_control(c)) {
      drop(TextFix::kControlRemoved);
      continue;
    } else if (is_embedding(c)) {
      drop(TextFix::kEmbeddingRemoved);
      continue;
    } else if (c == kPdi && open_isolates == 0) {
      drop(TextFix::kIsolateBalanced);
      continue;
    } else {
      if (is_isolate_start(c)) ++open_isolates;
      if (c == kPdi) --open_isolates;
      out.append(text.substr(start, offset - start));
    }
    if (out.back() == '\n') open_isolates = 0;  // a paragraph ends isolates
    if (++characters_out == rules.max_characters) cut_at = out.size();
  }
  if (cut_at != std::string::npos && cut_at < out.size()) {
    out.resize(grapheme_boundary_before(out, cut_at));
    result.changes.push_back({TextFix::kCut, rules.max_characters + 1, 0});
    open_isolates = 0;
    for (std::size_t offset = 0; offset < out.size();) {
      const char32_t c = utf8::decode(out, offset);
      if (is_isolate_start(c)) ++open_isolates;
      if (c == kPdi) --open_isolates;
      if (c == '\n') open_isolates = 0;
    }
  }
  if (open_isolates > 0) {
    result.changes.push_back({TextFix::kIsolateBalanced, character + 1, kPdi});
    for (int i = 0; i < open_isolates; ++i)
      utf8::append(out, kPdi);
  }
  return result;
}

ControlsRemoved remove_control_bytes(std::string_view bytes, ControlBytes which) {
  const auto removed = [which](unsigned char byte) {
    if (byte == 0) return true;
    return which == ControlBytes::kAllButTabAndLineBreaks && (byte < 0x20 || byte == 0x7F) &&
           byte != '\t' && byte != '\n' && byte != '\r';
  };
  ControlsRemoved result;
  std::size_t first = std::string_view::npos;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (!removed(static_cast<unsigned char>(bytes[i]))) continue;
    if (result.count++ == 0) first = i;
  }
  if (result.count == 0) return result;
  result.first = TextCursor(bytes).advance_to(first);
  result.first_byte = static_cast<unsigned char>(bytes[first]);
  result.bytes.reserve(bytes.size() - result.count);
  for (const char byte : bytes) {
    if (!removed(static_cast<unsigned char>(byte))) result.bytes.push_back(byte);
  }
  return result;
}

std::string controls_removed_message(const ControlsRemoved& removed, std::string_view format) {
  std::string message = "control character " + utf8::code_point_name(removed.first_byte);
  if (removed.count > 1) message += " (and " + std::to_string(removed.count - 1) + " more)";
  message += " removed: ";
  message += format;
  message +=
      " cannot hold it, so the text around it is read without it; export the file again "
      "if text is missing there";
  return message;
}

}  // namespace ijlas::agenda
