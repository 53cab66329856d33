// RFC 4180 records with the line and column of every field: a UTF-8 byte-order mark, quoted
// fields holding commas, quotes and line breaks, CRLF or LF. The delimiter (comma, semicolon or
// tab, as spreadsheets in different locales write) is taken from the header line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ijlas::agenda {

inline constexpr std::size_t kMaxCsvColumns = 256;

struct CsvField {
  std::string text;
  int line = 0;
  int column = 0;
};

struct CsvRecord {
  std::vector<CsvField> fields;
  int line = 0;
};

struct CsvError {
  int line = 0;
  int column = 0;
  std::string message;
};

struct CsvTable {
  std::vector<CsvRecord> records;  // blank lines are left out
  std::optional<CsvError> error;   // reading stops at the first error
};

CsvTable read_csv(std::string_view bytes);

// The delimiter the header line uses.
char detect_csv_delimiter(std::string_view bytes);

}  // namespace ijlas::agenda
