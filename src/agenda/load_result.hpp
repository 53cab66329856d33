// What reading an agenda gives back, whichever program reads it and whatever its format.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "agenda/agenda.hpp"
#include "agenda/agenda_format.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

inline constexpr std::size_t kMaxAgendaFileBytes = 64u << 20;  // larger inputs are refused

enum class LoadStatus {
  kLoaded,      // agenda is set; diagnostics hold warnings only
  kInvalid,     // the file was read but has errors; agenda is empty
  kUnreadable,  // the file could not be opened, or is too large
};

// What the caller knows that the file may not say.
struct LoadOptions {
  // The venue's IANA zone (the `time_zone` key of ijlas.toml): floating times of a file without
  // a zone of its own are read in it, and UTC-only calendars shown in it. Empty: none is known.
  std::string venue_zone;
};

struct LoadResult {
  LoadStatus status = LoadStatus::kInvalid;
  std::shared_ptr<const Agenda> agenda;  // set when status is kLoaded
  std::optional<AgendaFormat> format;    // set once the content was recognized
  DiagnosticList diagnostics;            // errors and warnings, in file order per check
  std::size_t events_in_file = 0;        // events the file describes, read or not
  std::size_t events_kept = 0;           // sessions of the agenda (0 unless loaded)

  bool ok() const { return status == LoadStatus::kLoaded; }
};

}  // namespace ijlas::agenda
