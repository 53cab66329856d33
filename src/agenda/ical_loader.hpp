// iCalendar (.ics) through libical: each VEVENT is a session (SUMMARY, DESCRIPTION, LOCATION as
// the room, "Whole venue" without one; DTSTART with DTEND or DURATION), times in UTC, with TZID
// (VTIMEZONE in the file, or an IANA name) or floating in the calendar's zone (X-WR-TIMEZONE or
// its VTIMEZONE, else the venue's), and RRULE occurrences expanded (capped).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

inline constexpr int kMaxOccurrencesPerEvent = 500;  // RRULE expansion stops here
inline constexpr int kMaxIcalSessions = 20000;       // for the whole file
inline constexpr int kMaxIcalNesting = 8;            // BEGIN:…/END:… levels

// `venue_zone` (may be null) reads floating times of a calendar that names no zone.
std::optional<AgendaDraft> load_ical(std::string_view bytes, const std::string& file,
                                     DiagnosticList& diagnostics,
                                     const TimeZone* venue_zone = nullptr);

}  // namespace ijlas::agenda
