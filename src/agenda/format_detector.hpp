// Which format a file is in, decided by its content (never by its name).
#pragma once

#include <optional>
#include <string_view>

#include "agenda/agenda_format.hpp"

namespace ijlas::agenda {

// XML → frab XML (unless its first lines are a sheet's header row: CSV); BEGIN:VCALENDAR →
// iCalendar; a first line naming known CSV columns (UTF-8 or UTF-16) → CSV; a zip holding an
// OOXML workbook → xlsx, an OpenDocument spreadsheet → ods. A JSON object by its top-level
// members: "schedule" → frab/pretalx JSON; "ijlas_agenda" or "conference" → native;
// "sessions" with "categories" → Sessionize; "sessions" with "session_types" → OPass;
// "results" → Indico. Empty when none fits.
std::optional<AgendaFormat> detect_format(std::string_view bytes);

// True when the content starts as JSON does ({ or [): a JSON file that is none of the formats
// gets a message saying so rather than one about the file's syntax.
bool looks_like_json(std::string_view bytes);

}  // namespace ijlas::agenda
