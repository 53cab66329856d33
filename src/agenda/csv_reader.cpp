#include "agenda/csv_reader.hpp"

#include <utility>

#include "core/text_cursor.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

std::string_view without_bom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

class CsvScanner {
 public:
  CsvScanner(std::string_view text, char delimiter)
      : text_(text), delimiter_(delimiter), cursor_(text) {}

  CsvTable run() {
    CsvTable table;
    if (!utf8_valid(table)) return table;
    while (offset_ < text_.size()) {
      CsvRecord record;
      record.line = here().line;
      if (!read_record(record, table)) return table;
      const bool blank = record.fields.size() == 1 && record.fields[0].text.empty();
      if (!blank) table.records.push_back(std::move(record));
    }
    return table;
  }

 private:
  // Finds the first invalid UTF-8 byte up front, so that the message can point at it.
  bool utf8_valid(CsvTable& table) {
    const auto fault = utf8::first_fault(text_, false);
    if (fault) table.error = TextError{fault->position, "invalid UTF-8: save the file as UTF-8"};
    return !fault;
  }

  char peek() const { return offset_ < text_.size() ? text_[offset_] : '\0'; }

  void advance() { ++offset_; }
  // Positions are asked for in the order of their offsets, so the cursor only moves forward.
  TextPosition here() { return cursor_.advance_to(offset_); }

  // Reads fields up to and including the line break that ends the record.
  bool read_record(CsvRecord& record, CsvTable& table) {
    while (true) {
      if (record.fields.size() >= kMaxCsvColumns) {
        table.error = TextError{here(), "more than 256 columns in one row"};
        return false;
      }
      if (++fields_ > kMaxCsvFields) {
        table.error = TextError{here(), "more than a million cells: that is not a programme"};
        return false;
      }
      CsvField& field = record.fields.emplace_back();
      field.position = here();
      if (peek() == '"') {
        if (!read_quoted(field, table)) return false;
      } else {
        while (offset_ < text_.size() && peek() != delimiter_ && peek() != '\n' && peek() != '\r') {
          field.text += peek();
          advance();
        }
      }
      if (offset_ >= text_.size()) return true;
      if (peek() == delimiter_) {
        advance();
        continue;
      }
      if (peek() == '\r') advance();
      if (peek() == '\n') advance();
      return true;
    }
  }

  bool read_quoted(CsvField& field, CsvTable& table) {
    advance();  // the opening quote
    while (true) {
      if (offset_ >= text_.size()) {
        table.error =
            TextError{field.position, "a quoted field is never closed: add the closing \""};
        return false;
      }
      if (peek() == '"') {
        advance();
        if (peek() == '"') {
          field.text += '"';
          advance();
          continue;
        }
        break;
      }
      if (peek() == '\r' && offset_ + 1 < text_.size() && text_[offset_ + 1] == '\n') {
        advance();  // a spreadsheet's CRLF inside a cell is one line break
        continue;
      }
      field.text += peek();
      advance();
    }
    if (offset_ < text_.size() && peek() != delimiter_ && peek() != '\n' && peek() != '\r') {
      table.error = TextError{here(),
                              "text after the closing quote of a field: put the whole field in "
                              "quotes and double the quotes inside it"};
      return false;
    }
    return true;
  }

  std::string_view text_;
  char delimiter_;
  std::size_t offset_ = 0;
  std::size_t fields_ = 0;
  TextCursor cursor_;
};

}  // namespace

char detect_csv_delimiter(std::string_view bytes) {
  const std::string_view text = without_bom(bytes);
  int commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') {
      if (commas + semicolons + tabs > 0) break;  // a note line above the header has none
      continue;
    }
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

std::optional<Utf16Text> utf8_from_utf16(std::string_view bytes) {
  if (bytes.size() < 2) return std::nullopt;
  const bool little = bytes[0] == '\xFF' && bytes[1] == '\xFE';
  const bool big = bytes[0] == '\xFE' && bytes[1] == '\xFF';
  if (!little && !big) return std::nullopt;
  Utf16Text text;
  text.utf8.reserve(bytes.size());
  // A fault is placed after the text converted so far, as a UTF-8 reader would count it.
  const auto fail = [&text](std::string message) {
    text.error = TextError{TextCursor(text.utf8).advance_to(text.utf8.size()), std::move(message)};
  };
  const auto unit_at = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char32_t>(little ? a | (b << 8) : (a << 8) | b);
  };
  std::size_t i = 2;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t code = unit_at(i);
    if (code >= 0xD800 && code <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    if (code >= 0xD800 && code <= 0xDFFF) {
      fail(
          "a broken UTF-16 character: save the file again as \"Unicode text\" or as "
          "\"CSV UTF-8\"");
      return text;
    }
    utf8::append(text.utf8, code);
  }
  if (i != bytes.size()) fail("the UTF-16 file ends in the middle of a character: save it again");
  return text;
}

CsvTable read_csv(std::string_view bytes) {
  const std::string_view text = without_bom(bytes);
  CsvTable table = CsvScanner(text, detect_csv_delimiter(bytes)).run();
  return table;
}

}  // namespace ijlas::agenda
