#include "core/diagnostic.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace ijlas {
namespace {

constexpr char32_t kFirstStrongIsolate = 0x2068;
constexpr char32_t kPopDirectionalIsolate = 0x2069;

// Marks, embeddings, overrides and isolates: invisible, and able to reorder what follows them.
bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// C0, DEL, C1 and the Unicode line separators: they could start a line of their own.
bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

}  // namespace

std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  out.push_back('"');
  utf8::append(out, kFirstStrongIsolate);
  std::size_t offset = 0;
  while (offset < text.size()) {
    const char32_t c = utf8::decode(text, offset);
    if (is_bidi_control(c)) continue;
    utf8::append(out, is_control(c) ? utf8::kReplacement : c);
  }
  utf8::append(out, kPopDirectionalIsolate);
  out.push_back('"');
  return out;
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.position.file;
  if (diagnostic.position.line > 0) {
    out += ':' + std::to_string(diagnostic.position.line);
    if (diagnostic.position.column > 0) out += ':' + std::to_string(diagnostic.position.column);
  }
  if (!out.empty()) out += ": ";
  out += diagnostic.severity == Severity::kError ? "error: " : "warning: ";
  out += diagnostic.message;
  return out;
}

void DiagnosticList::error(SourcePosition position, std::string message) {
  items_.push_back({Severity::kError, std::move(position), std::move(message)});
}

void DiagnosticList::warning(SourcePosition position, std::string message) {
  items_.push_back({Severity::kWarning, std::move(position), std::move(message)});
}

bool DiagnosticList::has_errors() const {
  return error_count() > 0;
}

int DiagnosticList::error_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

int DiagnosticList::warning_count() const {
  return static_cast<int>(items_.size()) - error_count();
}

}  // namespace ijlas
