// A table as the programme readers see it, whatever file it came from: rows of cells, each with
// its place and, from a workbook, the type the spreadsheet stored (dates and times are numbers
// there, so a workbook's date needs no guessing of day and month order).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace ijlas::agenda {

inline constexpr int kMaxSheetColumns = 256;   // as for CSV rows: wider is not a programme
inline constexpr int kMaxSheetRows = 100'000;  // rows with content; FOSDEM has 1,105 sessions
inline constexpr std::size_t kMaxSheetCells = 1'000'000;  // about 100 MB at most in memory

enum class CellType {
  kText,      // text, or a CSV field
  kNumber,    // a number without a date or time format
  kDate,      // date
  kTime,      // seconds: a time of day (or a duration, in a duration column)
  kDateTime,  // date and seconds
};

struct SheetCell {
  std::string text;  // as written or shown; numbers in their shortest decimal form
  CellType type = CellType::kText;
  double number = 0;  // kNumber
  time::Date date;    // kDate, kDateTime
  int seconds = 0;    // kTime, kDateTime
  int line = 0;       // CSV: line and column where the field begins; workbook: row and column
  int column = 0;

  bool empty() const { return text.empty() && type == CellType::kText; }
};

struct SheetRow {
  std::vector<SheetCell> cells;  // by column, from the first; missing cells are empty
  int line = 0;
};

struct SheetTable {
  std::string sheet;           // the workbook sheet's name; empty for CSV
  std::vector<SheetRow> rows;  // rows that hold anything, in order
};

// A sheet's name says it holds the programme: "programme", "program", "schedule", "agenda",
// "fahrplan", "zeitplan" or "پروگرام" in it, in any letter case.
bool names_a_programme(std::string_view sheet_name);
// The sheet a workbook's programme is on: the first named like one, else the first.
std::size_t choose_programme_sheet(const std::vector<std::string>& names);

// A workbook's day number as a date. In the 1900 system day 1 is 1900-01-01 and day 60 is
// 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug, kept by Excel): empty for it,
// and for days before 1 or after 9999. In the 1904 system day 0 is 1904-01-01.
std::optional<time::Date> date_of_serial(long long serial, bool date_1904);

}  // namespace ijlas::agenda
