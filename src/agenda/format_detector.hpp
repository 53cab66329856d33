// Which format a file is in, decided by its content (never by its name).
#pragma once

#include <optional>
#include <string_view>

namespace ijlas::agenda {

enum class AgendaFormat { kNative, kFrabXml, kFrabJson, kICal, kCsv };
inline constexpr AgendaFormat kAgendaFormats[] = {AgendaFormat::kNative, AgendaFormat::kFrabXml,
                                                  AgendaFormat::kFrabJson, AgendaFormat::kICal,
                                                  AgendaFormat::kCsv};

// "native", "frab-xml", "frab-json", "ical", "csv": the names `ijlas-agenda info` prints.
std::string_view format_name(AgendaFormat format);
// The format a name of format_name() stands for; empty for any other text.
std::optional<AgendaFormat> format_named(std::string_view name);

// XML whose root is <schedule> → frab XML; a JSON object with a top-level "schedule" member →
// frab/pretalx JSON, any other JSON object → native; BEGIN:VCALENDAR → iCalendar; a first line
// naming known CSV columns → CSV. Empty when none fits.
std::optional<AgendaFormat> detect_format(std::string_view bytes);

}  // namespace ijlas::agenda
