// Agendas kept in a spreadsheet and saved as CSV: one session per row under a header row that
// names the columns (see docs and kCsvColumns). Times are wall times in the `time_zone` column's
// zone, the venue's when there is none (UTC without one, with a warning either way).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

// Every column the loader reads; a header may use any subset that includes date, start, end or
// duration, room and a title.
inline constexpr std::string_view kCsvColumns[] = {
    "id",          "date",        "start",     "end",         "duration",    "room",
    "title_ur",    "title_en",    "title",     "subtitle_ur", "subtitle_en", "subtitle",
    "abstract_ur", "abstract_en", "abstract",  "speakers",    "track",       "type",
    "language",    "status",      "time_zone", "conference",
};

// True when the first line reads as a header naming at least "date" and "start".
bool looks_like_agenda_csv(std::string_view bytes);

// `venue_zone` (may be null) reads the times of a file without a time_zone column.
std::optional<AgendaDraft> load_csv(std::string_view bytes, const std::string& file,
                                    DiagnosticList& diagnostics,
                                    const TimeZone* venue_zone = nullptr);

}  // namespace ijlas::agenda
