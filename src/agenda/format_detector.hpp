// Which format a file is in, decided by its content (never by its name).
#pragma once

#include <optional>
#include <string_view>

namespace ijlas::agenda {

enum class AgendaFormat {
  kNative,
  kFrabXml,
  kFrabJson,
  kICal,
  kCsv,
  kXlsx,
  kOds,
  kSessionize,
  kIndico,
  kOpass,
};
inline constexpr AgendaFormat kAgendaFormats[] = {
    AgendaFormat::kNative, AgendaFormat::kFrabXml,    AgendaFormat::kFrabJson,
    AgendaFormat::kICal,   AgendaFormat::kCsv,        AgendaFormat::kXlsx,
    AgendaFormat::kOds,    AgendaFormat::kSessionize, AgendaFormat::kIndico,
    AgendaFormat::kOpass};

// "native", "frab-xml", "frab-json", "ical", "csv", "xlsx", "ods", "sessionize", "indico",
// "opass": the names `ijlas-agenda info` prints.
std::string_view format_name(AgendaFormat format);
// The format a name of format_name() stands for; empty for any other text.
std::optional<AgendaFormat> format_named(std::string_view name);

// What a message lists as the formats ijlas reads, one phrase for all of them.
inline constexpr std::string_view kReadableFormats =
    "native JSON, frab or pretalx schedule.xml or schedule.json, iCalendar (.ics), a spreadsheet "
    "(CSV, .xlsx or .ods) with a header row naming date, start, room and title, Sessionize "
    "\"All\" JSON, Indico export JSON or OPass session.json";

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
