// The programme sheet of an Office Open XML workbook (.xlsx, from Excel, LibreOffice, Google
// Sheets): the sheet named like a programme, else the first; shared and inline strings, numbers
// with the cell's number format deciding date, time or plain number (1900 or 1904 date system),
// and formulas by the value they last computed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/spreadsheet_table.hpp"
#include "agenda/zip_archive.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

// True for a zip whose members make a spreadsheet workbook ([Content_Types].xml, xl/workbook.xml).
bool is_xlsx_archive(const ZipArchive& archive);

std::optional<SheetTable> read_xlsx_sheet(const ZipArchive& archive, const std::string& file,
                                          DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
