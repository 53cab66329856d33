// Agendas kept in a workbook, .xlsx or .ods: the programme sheet (spreadsheet_programme.hpp)
// read with the same columns, aliases and rules as CSV. Diagnostics name the cell: line is the
// row, column the column number, and the message starts with the cell ("Sheet1!C7: ").
#pragma once

#include "agenda/time_zone.hpp"

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

enum class WorkbookKind { kXlsx, kOds };

// What kind of workbook a zip archive is, by its members; empty for anything else.
std::optional<WorkbookKind> workbook_kind(std::string_view bytes);

// `venue_zone` (may be null) reads the times of a sheet without a time_zone column.
std::optional<AgendaDraft> load_workbook(std::string_view bytes, WorkbookKind kind,
                                         const std::string& file, DiagnosticList& diagnostics,
                                         const TimeZone* venue_zone = nullptr);

}  // namespace ijlas::agenda
