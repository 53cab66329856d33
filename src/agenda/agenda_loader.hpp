// The one entry point for reading an agenda: detect the format, parse, validate, freeze.
// Bad input never throws: it comes back as diagnostics with a file, line and column.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda.hpp"
#include "agenda/format_detector.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

inline constexpr std::size_t kMaxAgendaFileBytes = 64u << 20;  // larger inputs are refused

enum class LoadStatus {
  kLoaded,      // agenda is set; diagnostics hold warnings only
  kInvalid,     // the file was read but has errors; agenda is empty
  kUnreadable,  // the file could not be opened, or is too large
};

struct LoadResult {
  LoadStatus status = LoadStatus::kInvalid;
  std::shared_ptr<const Agenda> agenda;  // set when status is kLoaded
  std::optional<AgendaFormat> format;    // set once the content was recognized
  DiagnosticList diagnostics;            // errors and warnings, in file order per check

  bool ok() const { return status == LoadStatus::kLoaded; }
};

// `name` is how messages refer to the input (usually the path the user gave).
LoadResult load_agenda_bytes(const std::string& name, std::string_view bytes);
// The same with the format fixed by the caller instead of detected (fuzzers, tests).
LoadResult load_agenda_bytes(const std::string& name, std::string_view bytes, AgendaFormat format);
LoadResult load_agenda_file(const std::filesystem::path& path);

}  // namespace ijlas::agenda
