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

SourceName::SourceName(std::string file, std::string sheet)
    : names_(std::make_shared<const Names>(Names{std::move(file), std::move(sheet)})) {}

const std::string& SourceName::file() const {
  static const std::string kUnnamed;
  return names_ ? names_->file : kUnnamed;
}

const std::string& SourceName::sheet() const {
  static const std::string kNoSheet;
  return names_ ? names_->sheet : kNoSheet;
}

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

std::string cell_name(int row, int column) {
  std::string letters;
  for (int rest = column; rest > 0; rest = (rest - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (rest - 1) % 26));
  }
  return letters + std::to_string(row);
}

std::string format_position(const SourcePosition& position, std::string_view file) {
  std::string out(file);
  if (position.line > 0) {
    out += ':' + std::to_string(position.line);
    if (position.column > 0) out += ':' + std::to_string(position.column);
  }
  return out;
}

std::string located_message(const Diagnostic& diagnostic) {
  const SourcePosition& position = diagnostic.position;
  if (position.sheet().empty() || position.line <= 0 || position.column <= 0) {
    return diagnostic.message;
  }
  return position.sheet() + "!" + cell_name(position.line, position.column) + ": " +
         diagnostic.message;
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out = format_position(diagnostic.position, diagnostic.position.file());
  if (!out.empty()) out += ": ";
  out += diagnostic.severity == Severity::kError ? "error: " : "warning: ";
  out += located_message(diagnostic);
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
