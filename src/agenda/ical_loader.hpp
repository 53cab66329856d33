// iCalendar (.ics) through libical: each VEVENT is a session (SUMMARY, DESCRIPTION, LOCATION as
// the room, DTSTART with DTEND or DURATION), times in UTC, with TZID (VTIMEZONE in the file, or
// an IANA name) or floating in the conference's zone, and RRULE occurrences expanded (capped).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

inline constexpr int kMaxOccurrencesPerEvent = 500;  // RRULE expansion stops here
inline constexpr int kMaxIcalSessions = 20000;       // for the whole file
inline constexpr int kMaxIcalNesting = 8;            // BEGIN:…/END:… levels

std::optional<AgendaDraft> load_ical(std::string_view bytes, const std::string& file,
                                     DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
