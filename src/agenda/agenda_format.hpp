// The formats ijlas reads, and their names. Detecting them (format_detector.hpp) and reading them
// (agenda_loader.hpp) belong to the reader program; the kiosk itself knows only their names.
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

}  // namespace ijlas::agenda
