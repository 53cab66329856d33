#include "agenda/agenda_format.hpp"

namespace ijlas::agenda {

std::string_view format_name(AgendaFormat format) {
  switch (format) {
    case AgendaFormat::kNative:
      return "native";
    case AgendaFormat::kFrabXml:
      return "frab-xml";
    case AgendaFormat::kFrabJson:
      return "frab-json";
    case AgendaFormat::kICal:
      return "ical";
    case AgendaFormat::kCsv:
      return "csv";
    case AgendaFormat::kSessionize:
      return "sessionize";
    case AgendaFormat::kIndico:
      return "indico";
    case AgendaFormat::kOpass:
      return "opass";
    case AgendaFormat::kXlsx:
      return "xlsx";
    case AgendaFormat::kOds:
      return "ods";
  }
  return "unknown";
}

std::optional<AgendaFormat> format_named(std::string_view name) {
  for (const AgendaFormat format : kAgendaFormats) {
    if (format_name(format) == name) return format;
  }
  return std::nullopt;
}

}  // namespace ijlas::agenda
