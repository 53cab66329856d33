// RFC 4180 records with the line and column of every field: a UTF-8 byte-order mark, quoted
// fields holding commas, quotes and line breaks, CRLF or LF. The delimiter (comma, semicolon or
// tab, as spreadsheets in different locales write) is taken from the first line that has one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_position.hpp"

namespace ijlas::agenda {

inline constexpr std::size_t kMaxCsvColumns = 256;
inline constexpr std::size_t kMaxCsvFields = 1'000'000;  // in the whole file

struct CsvField {
  std::string text;
  TextPosition position;
};

struct CsvRecord {
  std::vector<CsvField> fields;
  int line = 0;
};

struct CsvTable {
  std::vector<CsvRecord> records;  // blank lines are left out
  std::optional<TextError> error;  // reading stops at the first error
};

CsvTable read_csv(std::string_view bytes);

// The delimiter of the first line that holds a comma, semicolon or tab.
char detect_csv_delimiter(std::string_view bytes);

// Excel's "Unicode text" and other UTF-16 files, told by their byte-order mark (FF FE or FE FF).
struct Utf16Text {
  std::string utf8;
  std::optional<TextError> error;  // an unpaired surrogate, or an odd number of bytes
};
// Empty when the bytes do not start with a UTF-16 byte-order mark.
std::optional<Utf16Text> utf8_from_utf16(std::string_view bytes);

}  // namespace ijlas::agenda
