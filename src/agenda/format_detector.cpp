#include "agenda/format_detector.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "agenda/csv_loader.hpp"
#include "agenda/workbook_loader.hpp"

namespace ijlas::agenda {
namespace {

std::string_view skip_bom_and_space(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty() && std::isspace(static_cast<unsigned char>(bytes.front()))) {
    bytes.remove_prefix(1);
  }
  return bytes;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

// Scans the top-level member names of a JSON object without building a tree.
bool has_top_level_member(std::string_view json, std::string_view name) {
  int depth = 0;
  bool in_string = false;
  std::size_t string_start = 0;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
        if (depth != 1) continue;
        std::size_t next = i + 1;
        while (next < json.size() && std::isspace(static_cast<unsigned char>(json[next])))
          ++next;
        if (next < json.size() && json[next] == ':' &&
            json.substr(string_start, i - string_start) == name) {
          return true;
        }
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      string_start = i + 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth <= 0) return false;
    }
  }
  return false;
}

// The tools' exports share no marker: each is known by the members only it has at the top.
std::optional<AgendaFormat> detect_json_object(std::string_view json) {
  const auto has = [&](std::string_view name) { return has_top_level_member(json, name); };
  if (has("schedule")) return AgendaFormat::kFrabJson;
  if (has("ijlas_agenda") || has("conference")) return AgendaFormat::kNative;
  if (has("sessions")) {
    if (has("categories")) return AgendaFormat::kSessionize;
    if (has("session_types")) return AgendaFormat::kOpass;
  }
  if (has("results")) return AgendaFormat::kIndico;
  return std::nullopt;
}

}  // namespace

std::optional<AgendaFormat> detect_format(std::string_view bytes) {
  if (const auto workbook = workbook_kind(bytes)) {
    return *workbook == WorkbookKind::kXlsx ? AgendaFormat::kXlsx : AgendaFormat::kOds;
  }
  const std::string_view content = skip_bom_and_space(bytes);
  if (content.empty()) return std::nullopt;
  // A sheet's title row may start with '<' too (c3voc's "<Veranstaltungsname>").
  if (content.front() == '<') {
    return looks_like_agenda_csv(bytes) ? AgendaFormat::kCsv : AgendaFormat::kFrabXml;
  }
  if (content.front() == '{') return detect_json_object(content);
  if (starts_with_ignoring_case(content, "BEGIN:VCALENDAR")) return AgendaFormat::kICal;
  if (looks_like_agenda_csv(bytes)) return AgendaFormat::kCsv;
  return std::nullopt;
}

bool looks_like_json(std::string_view bytes) {
  const std::string_view content = skip_bom_and_space(bytes);
  return !content.empty() && (content.front() == '{' || content.front() == '[');
}

}  // namespace ijlas::agenda
