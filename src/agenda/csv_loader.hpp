// Agendas kept in a spreadsheet and saved as CSV: UTF-8, or Excel's "Unicode text" (UTF-16 with
// a byte-order mark, tab-separated). The rows are read as a programme sheet
// (spreadsheet_programme.hpp): header names, dates, times and ids as for .xlsx and .ods.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

// True when one of the first lines reads as a programme header (a start and a title column).
bool looks_like_agenda_csv(std::string_view bytes);

// `venue_zone` (may be null) reads the times of a file without a time_zone column.
std::optional<AgendaDraft> load_csv(std::string_view bytes, const std::string& file,
                                    DiagnosticList& diagnostics,
                                    const TimeZone* venue_zone = nullptr);

}  // namespace ijlas::agenda
