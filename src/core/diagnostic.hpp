// A message for a person, tied to a place in a file: errors and warnings of loaders, the
// configuration and the tools all use this one shape so every message reads the same way.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text_position.hpp"

namespace ijlas {

// Where a text came from: a file as the user named it and, in a workbook, one of its sheets.
// Copies share one name, so that the thousands of positions of a large agenda's draft do not
// each hold the file's name (issue 12: an import's peak memory).
class SourceName {
 public:
  SourceName() = default;
  // Implicit, so that a loader may name a position by the file's name alone: {file, line, 1}.
  SourceName(std::string file, std::string sheet = {});
  SourceName(const char* file) : SourceName(std::string(file)) {}

  const std::string& file() const;
  // A workbook's sheet: a position's line and column are then its row and column, and messages
  // name the cell as a spreadsheet does ("Programme!C7"), which line:column alone would not.
  const std::string& sheet() const;

 private:
  struct Names {
    std::string file;
    std::string sheet;
  };
  std::shared_ptr<const Names> names_;
};

// A place in a named file. It extends TextPosition rather than holding one, so a place reads
// `position.line` wherever it came from and a reader's TextPosition becomes one by naming the
// file: {file, position}.
struct SourcePosition : TextPosition {
  SourcePosition() = default;
  SourcePosition(SourceName source, TextPosition at)
      : TextPosition(at), source(std::move(source)) {}
  SourcePosition(SourceName source, int line = 0, int column = 0)
      : SourcePosition(std::move(source), TextPosition{line, column}) {}

  const std::string& file() const { return source.file(); }
  const std::string& sheet() const { return source.sheet(); }

  SourceName source;
};

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePosition position;
  std::string message;  // says what is wrong and what to do, quoting the offending text
};

// The offending text as messages quote it: "like this", inside a bidi isolate (FSI … PDI), its
// bidi controls removed and its other controls, line separators and bad UTF-8 shown as U+FFFD,
// so that no crafted id can reorder, split or rewrite the message around it.
std::string quoted(std::string_view text);
// Exact matches for a const std::string and a C string, so that std::quoted (which argument-
// dependent lookup finds where <iomanip> is in) loses; pass a non-const std::string as const.
inline std::string quoted(const std::string& text) {
  return quoted(std::string_view(text));
}
inline std::string quoted(const char* text) {
  return quoted(std::string_view(text));
}

// "C7" for row 7, column 3 (both 1-based).
std::string cell_name(int row, int column);

// "file:line:column" (line and column left out when unknown), with the file named as given.
std::string format_position(const SourcePosition& position, std::string_view file);
// The message, after "Programme!C7: " when the position is a workbook's cell.
std::string located_message(const Diagnostic& diagnostic);
// "file:line:column: error: Sheet!C7: message" (line and column left out when unknown).
std::string format_diagnostic(const Diagnostic& diagnostic);

// Collects diagnostics in the order they were found.
class DiagnosticList {
 public:
  void error(SourcePosition position, std::string message);
  void warning(SourcePosition position, std::string message);
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  // Forgets what was said after the first `count` diagnostics (all of them kept when fewer).
  void keep_first(std::size_t count) {
    if (count < items_.size())
      items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(count), items_.end());
  }

  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace ijlas
