#include "agenda/csv_loader.hpp"

#include "agenda/csv_reader.hpp"
#include "agenda/spreadsheet_programme.hpp"

namespace ijlas::agenda {
namespace {

SheetTable sheet_of(const CsvTable& csv) {
  SheetTable table;
  table.rows.reserve(csv.records.size());
  for (const CsvRecord& record : csv.records) {
    SheetRow& row = table.rows.emplace_back();
    row.line = record.line;
    row.cells.reserve(record.fields.size());
    for (const CsvField& field : record.fields) {
      SheetCell& cell = row.cells.emplace_back();
      cell.text = field.text;
      cell.line = field.position.line;
      cell.column = field.position.column;
    }
  }
  return table;
}

}  // namespace

bool looks_like_agenda_csv(std::string_view bytes) {
  // Only the first lines matter (a header with quoted line breaks there may not be recognized).
  const std::optional<Utf16Text> wide = utf8_from_utf16(bytes.substr(0, 1 << 14));
  std::string_view text = wide ? std::string_view(wide->utf8) : bytes;
  std::size_t end = 0;
  for (int line = 0; line < kHeaderSearchRows && end != std::string_view::npos; ++line) {
    const std::size_t next = text.find('\n', end);
    end = next == std::string_view::npos ? next : next + 1;
  }
  if (end != std::string_view::npos) text = text.substr(0, end);
  return has_programme_header(sheet_of(read_csv(text)));
}

std::optional<AgendaDraft> load_csv(std::string_view bytes, const std::string& file,
                                    DiagnosticList& diagnostics, const TimeZone* venue_zone) {
  const std::optional<Utf16Text> wide = utf8_from_utf16(bytes);
  if (wide && wide->error) {
    diagnostics.error({file, wide->error->position}, wide->error->message);
    return std::nullopt;
  }
  const CsvTable table = read_csv(wide ? std::string_view(wide->utf8) : bytes);
  if (table.error) {
    diagnostics.error({file, table.error->position}, table.error->message);
    return std::nullopt;
  }
  return read_programme(sheet_of(table), file, diagnostics, venue_zone);
}

}  // namespace ijlas::agenda
