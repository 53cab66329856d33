// A conference programme kept in a spreadsheet, from CSV, .xlsx or .ods alike: a header row that
// names the columns (kProgrammeColumns) and one session per row below it. Rows above the header
// may hold the conference's name (its first cell) and a `date_format: DD/MM/YYYY` note; a header
// cell that is only a number belongs to the name above it (c3voc's "Vortragende" over 1…5).
// Times are wall times in the `time_zone` column's zone, the venue's when there is none (UTC
// without one, with a warning either way).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "agenda/spreadsheet_table.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

inline constexpr int kHeaderSearchRows = 20;       // the header is among the first rows
inline constexpr int kLongestUnendedMinutes = 60;  // a session without end or duration
inline constexpr int kMaxOvernightSeconds =
    6 * 3600;  // a shorter "backwards" session ends after midnight

// True when one of the first rows names a start and a title column.
bool has_programme_header(const SheetTable& table);

// `venue_zone` (may be null) reads the times of a sheet without a time_zone column.
std::optional<AgendaDraft> read_programme(const SheetTable& table, const std::string& file,
                                          DiagnosticList& diagnostics,
                                          const TimeZone* venue_zone = nullptr);

}  // namespace ijlas::agenda
