#include "core/diagnostic.hpp"

#include <algorithm>

namespace ijlas {

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
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
