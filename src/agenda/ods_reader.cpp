#include "agenda/ods_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "agenda/workbook_xml.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

constexpr const char* kTableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr const char* kOfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr const char* kTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kSpreadsheetMimeType = "application/vnd.oasis.opendocument.spreadsheet";

int count_attribute(const WorkbookXml& xml, const char* name, const char* ns) {
  const std::string text = xml.attribute(name, ns).value_or("1");
  int count = 1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  return error == std::errc() && count >= 1 ? count : 1;
}

// "PT09H30M00S", "PT33H00M00.5S", "P1DT2H" → seconds.
std::optional<int> seconds_of_duration(std::string_view text) {
  if (text.starts_with('-') || !text.starts_with('P')) return std::nullopt;
  text.remove_prefix(1);
  double total = 0;
  bool in_time = false;
  while (!text.empty()) {
    if (text.front() == 'T') {
      in_time = true;
      text.remove_prefix(1);
      continue;
    }
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end == text.data() + text.size()) return std::nullopt;
    const char unit = *end;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
    if (unit == 'D' && !in_time) {
      total += number * time::kSecondsPerDay;
    } else if (unit == 'H' && in_time) {
      total += number * 3600;
    } else if (unit == 'M' && in_time) {
      total += number * 60;
    } else if (unit == 'S' && in_time) {
      total += number;
    } else {
      return std::nullopt;
    }
  }
  if (total > 1e8) return std::nullopt;
  return static_cast<int>(std::lround(total));
}

struct OdsCell {
  SheetCell cell;
  int repeat = 1;
  int paragraphs = 0;
};

class OdsReader {
 public:
  OdsReader(const ZipArchive& archive, const std::string& file, DiagnosticList& diagnostics)
      : archive_(archive), file_(file), diagnostics_(diagnostics) {}

  std::optional<SheetTable> read() {
    const ZipArchive::Member content = archive_.read("content.xml");
    if (!content.bytes) {
      diagnostics_.error({file_, 0, 0},
                         "the spreadsheet is damaged: " +
                             (content.error.empty() ? "content.xml is missing" : content.error) +
                             "; save it again as .ods");
      return std::nullopt;
    }
    WorkbookXml xml(*content.bytes);
    std::optional<SheetTable> first, named;
    SheetTable* current = nullptr;
    int tables = 0;
    while (xml.next()) {
      if (xml.is_start("table") && !xml.is_end("table")) {
        const std::string name = xml.attribute("name", kTableNs).value_or("");
        const bool keep_first = tables == 0;
        const bool keep_named = !named && tables > 0 && names_a_programme(name);
        ++tables;
        current = nullptr;
        if (keep_first) current = &first.emplace();
        if (keep_named) current = &named.emplace();
        if (current) current->sheet = name;
        row_number_ = 0;
        if (current && !read_table(xml, *current)) return std::nullopt;
      }
    }
    if (xml.error()) {
      diagnostics_.error({file_, 0, 0}, "the spreadsheet is damaged: content.xml, " + *xml.error() +
                                            "; save it again as .ods");
      return std::nullopt;
    }
    if (!first) {
      diagnostics_.error({file_, 0, 0}, "the spreadsheet has no sheets");
      return std::nullopt;
    }
    // The first sheet, unless its name is not a programme's and a later one's is.
    if (named && !names_a_programme(first->sheet)) return named;
    return first;
  }

 private:
  bool read_table(WorkbookXml& xml, SheetTable& table) {
    while (xml.next()) {
      if (xml.is_end("table")) return true;
      if (xml.is_start("table-row")) {
        const int repeat = count_attribute(xml, "number-rows-repeated", kTableNs);
        SheetRow row;
        if (!xml.is_end("table-row") && !read_row(xml, row)) return false;
        const bool any = std::any_of(row.cells.begin(), row.cells.end(),
                                     [](const SheetCell& cell) { return !cell.empty(); });
        for (int copy = 0; any && copy < repeat; ++copy) {
          cells_ += row.cells.size();
          if (table.rows.size() >= static_cast<std::size_t>(kMaxSheetRows) ||
              cells_ > kMaxSheetCells) {
            diagnostics_.error({file_, row_number_ + 1, 1},
                               "sheet " + quoted(table.sheet) + " has more than " +
                                   std::to_string(kMaxSheetRows) +
                                   " rows or a million cells with content: that is not a "
                                   "programme");
            return false;
          }
          SheetRow& added = table.rows.emplace_back(row);
          added.line = row_number_ + 1 + copy;
          for (SheetCell& cell : added.cells)
            cell.line = added.line;
        }
        row_number_ += std::min(repeat, 1 << 21);
      }
    }
    return !xml.error();
  }

  bool read_row(WorkbookXml& xml, SheetRow& row) {
    int column = 0;
    while (xml.next()) {
      if (xml.is_end("table-row")) return true;
      if (!xml.is_start("table-cell") && !xml.is_start("covered-table-cell")) continue;
      OdsCell found;
      found.repeat = count_attribute(xml, "number-columns-repeated", kTableNs);
      type_cell(xml, found.cell);
      if (!xml.is_end("table-cell") && !xml.is_end("covered-table-cell")) read_text(xml, found);
      if (!found.cell.empty()) {
        for (int copy = 0; copy < found.repeat && column + copy < kMaxSheetColumns; ++copy) {
          const int at = column + copy;  // below kMaxSheetColumns, never negative
          while (row.cells.size() < static_cast<std::size_t>(at)) {
            row.cells.emplace_back().column = static_cast<int>(row.cells.size());
          }
          SheetCell& cell = row.cells.emplace_back(found.cell);
          cell.column = column + copy + 1;
        }
        if (column + found.repeat > kMaxSheetColumns && !wide_warned_) {
          wide_warned_ = true;
          diagnostics_.warning(
              {file_, row_number_ + 1, kMaxSheetColumns + 1},
              "cells right of column " + std::to_string(kMaxSheetColumns) + " are ignored");
        }
      }
      column = static_cast<int>(std::min<long>(static_cast<long>(column) + found.repeat, 1 << 20));
    }
    return !xml.error();
  }

  void type_cell(const WorkbookXml& xml, SheetCell& cell) {
    const std::string type = xml.attribute("value-type", kOfficeNs).value_or("");
    if (type == "float" || type == "percentage" || type == "currency") {
      const std::string value = xml.attribute("value", kOfficeNs).value_or("");
      const auto [end, error] =
          std::from_chars(value.data(), value.data() + value.size(), cell.number);
      if (error == std::errc()) {
        cell.type = CellType::kNumber;
        cell.text = value;
      }
    } else if (type == "date") {
      const std::string value = xml.attribute("date-value", kOfficeNs).value_or("");
      if (value.find('T') == std::string::npos) {
        if (const auto date = time::parse_date(value)) {
          cell.type = CellType::kDate;
          cell.date = *date;
        }
      } else if (const auto date_time = time::parse_date_time(value)) {
        cell.type = CellType::kDateTime;
        cell.date = date_time->local.date;
        cell.seconds = date_time->local.seconds_of_day;
      }
      cell.text = value;
    } else if (type == "time") {
      const std::string value = xml.attribute("time-value", kOfficeNs).value_or("");
      if (const auto seconds = seconds_of_duration(value)) {
        cell.type = CellType::kTime;
        cell.seconds = *seconds;
      }
      cell.text = value;
    }
  }

  // The cell's paragraphs, one per line; comments are not the cell's text.
  void read_text(WorkbookXml& xml, OdsCell& found) {
    std::string text;
    int annotation = 0;
    while (xml.next()) {
      if (xml.is_end("table-cell") || xml.is_end("covered-table-cell")) break;
      if (xml.is_start("annotation")) {
        annotation += !xml.is_end("annotation");
      } else if (xml.is_end("annotation")) {
        --annotation;
      } else if (annotation > 0) {
        continue;
      } else if (xml.is_start("p") || xml.is_start("h")) {
        if (found.paragraphs++ > 0) text += '\n';
      } else if (xml.is_start("s")) {
        text.append(static_cast<std::size_t>(std::min(count_attribute(xml, "c", kTextNs), 1000)),
                    ' ');
      } else if (xml.is_start("tab")) {
        text += '\t';
      } else if (xml.is_start("line-break")) {
        text += '\n';
      } else if (xml.is_text()) {
        text += xml.value();
        if (text.size() > (1u << 20)) break;  // no programme cell is a megabyte long
      }
    }
    // Typed cells keep their value's text when they show none (a number's own digits).
    if (found.cell.type == CellType::kText || !text.empty()) found.cell.text = std::move(text);
  }

  const ZipArchive& archive_;
  const SourceName file_;
  DiagnosticList& diagnostics_;
  int row_number_ = 0;
  std::size_t cells_ = 0;  // kept, in every row so far
  bool wide_warned_ = false;
};

}  // namespace

bool is_ods_archive(const ZipArchive& archive) {
  const ZipArchive::Member mimetype = archive.read("mimetype");
  return mimetype.bytes && utf8::trimmed(*mimetype.bytes) == kSpreadsheetMimeType;
}

std::optional<SheetTable> read_ods_sheet(const ZipArchive& archive, const std::string& file,
                                         DiagnosticList& diagnostics) {
  return OdsReader(archive, file, diagnostics).read();
}

}  // namespace ijlas::agenda
