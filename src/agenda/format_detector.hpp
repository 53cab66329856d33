// Which format a file is in, decided by its content (never by its name).
#pragma once

#include <optional>
#include <string_view>

namespace ijlas::agenda {

enum class AgendaFormat { kNative, kFrabXml, kFrabJson, kICal, kCsv, kXlsx, kOds };

// "native", "frab-xml", "frab-json", "ical", "csv", "xlsx", "ods": the names `ijlas-agenda info`
// prints.
std::string_view format_name(AgendaFormat format);

// XML whose root is <schedule> → frab XML; a JSON object with a top-level "schedule" member →
// frab/pretalx JSON, any other JSON object → native; BEGIN:VCALENDAR → iCalendar; a first line
// naming known CSV columns (UTF-8 or UTF-16) → CSV; a zip holding an OOXML workbook → xlsx, an
// OpenDocument spreadsheet → ods. Empty when none fits.
std::optional<AgendaFormat> detect_format(std::string_view bytes);

}  // namespace ijlas::agenda
