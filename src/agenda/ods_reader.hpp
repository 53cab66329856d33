// The programme sheet of an OpenDocument spreadsheet (.ods, LibreOffice's own format): the table
// named like a programme, else the first; cells typed by office:value-type (date-value,
// time-value, value), repeated rows and columns expanded only where they hold something, and
// comments (office:annotation) left out of the cell text.
#pragma once

#include <optional>
#include <string>

#include "agenda/spreadsheet_table.hpp"
#include "agenda/zip_archive.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

// True for a zip whose mimetype member says application/vnd.oasis.opendocument.spreadsheet.
bool is_ods_archive(const ZipArchive& archive);

std::optional<SheetTable> read_ods_sheet(const ZipArchive& archive, const std::string& file,
                                         DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
