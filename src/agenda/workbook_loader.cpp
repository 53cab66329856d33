#include "agenda/workbook_loader.hpp"

#include "agenda/ods_reader.hpp"
#include "agenda/spreadsheet_programme.hpp"
#include "agenda/xlsx_reader.hpp"
#include "agenda/zip_archive.hpp"

namespace ijlas::agenda {

std::optional<WorkbookKind> workbook_kind(std::string_view bytes) {
  if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return std::nullopt;
  const std::optional<ZipArchive> archive = ZipArchive::open(bytes);
  if (!archive) return std::nullopt;
  if (is_xlsx_archive(*archive)) return WorkbookKind::kXlsx;
  if (is_ods_archive(*archive)) return WorkbookKind::kOds;
  return std::nullopt;
}

std::optional<AgendaDraft> load_workbook(std::string_view bytes, WorkbookKind kind,
                                         const std::string& file, DiagnosticList& diagnostics,
                                         const TimeZone* venue_zone) {
  const std::optional<ZipArchive> archive = ZipArchive::open(bytes);
  const char* name = kind == WorkbookKind::kXlsx ? ".xlsx" : ".ods";
  if (!archive) {
    diagnostics.error({file, 0, 0}, std::string("the file is not a readable ") + name +
                                        " workbook (its zip archive is damaged): save it again");
    return std::nullopt;
  }
  const std::optional<SheetTable> table = kind == WorkbookKind::kXlsx
                                              ? read_xlsx_sheet(*archive, file, diagnostics)
                                              : read_ods_sheet(*archive, file, diagnostics);
  if (!table) return std::nullopt;
  return read_programme(*table, file, diagnostics, venue_zone);
}

}  // namespace ijlas::agenda
