#include "agenda/xlsx_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <vector>

#include "agenda/workbook_xml.hpp"

namespace ijlas::agenda {
namespace {

constexpr const char* kRelationshipsNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

enum class NumberFormat { kPlain, kDate, kTime, kDateTime, kElapsed };

// Built-in format ids (ECMA-376 part 1, 18.8.30) that show dates or times.
NumberFormat builtin_format(int id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
      (id >= 50 && id <= 58)) {
    return NumberFormat::kDate;
  }
  if ((id >= 18 && id <= 21) || id == 32 || id == 33 || id == 45 || id == 47) {
    return NumberFormat::kTime;
  }
  if (id == 46) return NumberFormat::kElapsed;
  if (id == 22) return NumberFormat::kDateTime;
  return NumberFormat::kPlain;
}

// A format code's letters outside quotes, escapes and [brackets] say what it shows.
NumberFormat custom_format(std::string_view code) {
  bool date = false, time = false, elapsed = false, quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (quoted) {
      quoted = c != '"';
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const std::size_t close = code.find(']', i);
      if (close == std::string_view::npos) break;
      const char inner = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i + 1])));
      elapsed = elapsed || inner == 'h' || inner == 'm' || inner == 's';
      i = close;
    } else if (c == ';') {
      break;  // the first section decides
    } else if (c == 'y' || c == 'd') {
      date = true;
    } else if (c == 'h' || c == 's') {
      time = true;
    }
  }
  if (elapsed) return NumberFormat::kElapsed;
  if (date && time) return NumberFormat::kDateTime;
  if (date) return NumberFormat::kDate;
  if (time) return NumberFormat::kTime;
  return NumberFormat::kPlain;
}

// "C7" → row 7, column 3.
bool parse_reference(std::string_view reference, int& row, int& column) {
  int letters = 0;
  std::size_t i = 0;
  for (; i < reference.size() && std::isalpha(static_cast<unsigned char>(reference[i])); ++i) {
    letters = letters * 26 + (std::toupper(static_cast<unsigned char>(reference[i])) - 'A' + 1);
    if (letters > 16384) return false;
  }
  int number = 0;
  const auto [end, error] =
      std::from_chars(reference.data() + i, reference.data() + reference.size(), number);
  if (i == 0 || error != std::errc() || end != reference.data() + reference.size() || number < 1) {
    return false;
  }
  row = number;
  column = letters;
  return true;
}

std::string shortest(double value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::string();
}

// A member path from a relationship target, which is relative to the part's folder or absolute.
std::string resolve(std::string_view folder, std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  std::string path(folder);
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    const std::size_t slash = path.find_last_of('/', path.empty() ? 0 : path.size() - 2);
    path = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  }
  return path + std::string(target);
}

struct Relationship {
  std::string type;  // the last part of the Type URI: "worksheet", "sharedStrings", …
  std::string target;
};

class XlsxReader {
 public:
  XlsxReader(const ZipArchive& archive, const std::string& file, DiagnosticList& diagnostics)
      : archive_(archive), file_(file), diagnostics_(diagnostics) {}

  std::optional<SheetTable> read() {
    std::string workbook = "xl/workbook.xml";
    for (const auto& [id, relationship] : relationships("_rels/.rels", "")) {
      if (relationship.type == "officeDocument") workbook = relationship.target;
    }
    const std::size_t slash = workbook.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : workbook.substr(0, slash + 1);
    const std::string rels_path = folder + "_rels/" + workbook.substr(folder.size()) + ".rels";
    const std::map<std::string, Relationship> parts = relationships(rels_path, folder);

    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    const auto workbook_xml = member(workbook);
    if (!workbook_xml) return std::nullopt;
    {
      WorkbookXml xml(*workbook_xml);
      while (xml.next()) {
        if (xml.is_start("workbookPr")) {
          const std::string value = xml.attribute("date1904").value_or("");
          date_1904_ = value == "1" || value == "true";
        } else if (xml.is_start("sheet")) {
          sheets.emplace_back(xml.attribute("name").value_or(""),
                              xml.attribute("id", kRelationshipsNs).value_or(""));
        }
      }
      if (!xml_ok(xml, workbook)) return std::nullopt;
    }
    if (sheets.empty()) {
      diagnostics_.error({file_, 0, 0}, "the workbook has no sheets");
      return std::nullopt;
    }
    std::vector<std::string> names;
    names.reserve(sheets.size());
    for (const auto& sheet : sheets)
      names.push_back(sheet.first);
    const auto& [sheet_name, sheet_id] = sheets[choose_programme_sheet(names)];

    std::string sheet_path;
    for (const auto& [id, relationship] : parts) {
      if (id == sheet_id) sheet_path = relationship.target;
      if (relationship.type == "sharedStrings" && !read_shared_strings(relationship.target)) {
        return std::nullopt;
      }
      if (relationship.type == "styles" && !read_styles(relationship.target)) return std::nullopt;
    }
    if (sheet_path.empty()) {
      diagnostics_.error({file_, 0, 0}, "the workbook does not say where its sheet " +
                                            quoted(sheet_name) + " is: save it again");
      return std::nullopt;
    }
    return read_sheet(sheet_path, sheet_name);
  }

 private:
  std::optional<std::string> member(const std::string& name) {
    ZipArchive::Member found = archive_.read(name);
    if (!found.bytes) {
      diagnostics_.error({file_, 0, 0},
                         "the workbook cannot be read: " +
                             (found.error.empty() ? name + " is missing" : found.error) +
                             "; save it again as .xlsx");
    }
    return std::move(found.bytes);
  }

  bool xml_ok(const WorkbookXml& xml, const std::string& name) {
    if (!xml.error()) return true;
    diagnostics_.error({file_, 0, 0}, "the workbook is damaged: " + name + ", " + *xml.error() +
                                          "; save it again as .xlsx");
    return false;
  }

  std::map<std::string, Relationship> relationships(const std::string& path,
                                                    const std::string& folder) {
    std::map<std::string, Relationship> found;
    const ZipArchive::Member rels = archive_.read(path);
    if (!rels.bytes) return found;
    WorkbookXml xml(*rels.bytes);
    while (xml.next()) {
      if (!xml.is_start("Relationship")) continue;
      const std::string type = xml.attribute("Type").value_or("");
      found[xml.attribute("Id").value_or("")] = {
          type.substr(type.rfind('/') + 1), resolve(folder, xml.attribute("Target").value_or(""))};
    }
    return found;
  }

  // <si> items: plain <t>, or rich-text runs <r><t>; phonetic guides (<rPh>) are not the text.
  bool read_shared_strings(const std::string& path) {
    const auto bytes = member(path);
    if (!bytes) return false;
    WorkbookXml xml(*bytes);
    bool in_text = false;
    int phonetic = 0;
    while (xml.next()) {
      if (xml.is_start("si")) {
        strings_.emplace_back();
      } else if (xml.is_start("rPh")) {
        phonetic += !xml.is_end("rPh");
      } else if (xml.is_end("rPh")) {
        --phonetic;
      } else if (xml.is_start("t")) {
        in_text = !xml.is_end("t");
      } else if (xml.is_end("t")) {
        in_text = false;
      } else if (in_text && phonetic == 0 && xml.is_text() && !strings_.empty()) {
        strings_.back() += xml.value();
      }
    }
    return xml_ok(xml, path);
  }

  bool read_styles(const std::string& path) {
    const auto bytes = member(path);
    if (!bytes) return false;
    WorkbookXml xml(*bytes);
    std::map<int, NumberFormat> custom;
    bool in_cell_formats = false;
    while (xml.next()) {
      if (xml.is_start("numFmt")) {
        int id = 0;
        const std::string text = xml.attribute("numFmtId").value_or("");
        std::from_chars(text.data(), text.data() + text.size(), id);
        custom[id] = custom_format(xml.attribute("formatCode").value_or(""));
      } else if (xml.is_start("cellXfs")) {
        in_cell_formats = !xml.is_end("cellXfs");
      } else if (xml.is_end("cellXfs")) {
        in_cell_formats = false;
      } else if (in_cell_formats && xml.is_start("xf")) {
        int id = 0;
        const std::string text = xml.attribute("numFmtId").value_or("0");
        std::from_chars(text.data(), text.data() + text.size(), id);
        const auto found = custom.find(id);
        formats_.push_back(found != custom.end() ? found->second : builtin_format(id));
      }
    }
    return xml_ok(xml, path);
  }

  // A number shown with a date or time format becomes a typed cell.
  void type_number(SheetCell& cell, double value, int style) {
    const NumberFormat format = style >= 0 && static_cast<std::size_t>(style) < formats_.size()
                                    ? formats_[style]
                                    : NumberFormat::kPlain;
    cell.number = value;
    cell.text = shortest(value);
    if (format == NumberFormat::kPlain || !std::isfinite(value) || value < 0 || value > 3e6) {
      cell.type = CellType::kNumber;
      return;
    }
    const long long total = std::llround(value * time::kSecondsPerDay);
    const long long days = total / time::kSecondsPerDay;
    const int seconds = static_cast<int>(total % time::kSecondsPerDay);
    if (format == NumberFormat::kElapsed || (format == NumberFormat::kTime && days == 0)) {
      cell.type = CellType::kTime;
      cell.seconds = static_cast<int>(format == NumberFormat::kElapsed ? total : seconds);
      cell.text = format == NumberFormat::kElapsed ? time::format_duration(total)
                                                   : time::format_clock_time(seconds);
      return;
    }
    const std::optional<time::Date> date = date_of_serial(days, date_1904_);
    if (!date && days == 60 && !date_1904_) {
      cell.text = "1900-02-29, a day that never was";  // Excel's leap-year bug
      return;
    }
    if (!date) {
      cell.type = CellType::kNumber;
      return;
    }
    cell.date = *date;
    cell.seconds = seconds;
    const bool with_time = format != NumberFormat::kDate || seconds != 0;
    cell.type = with_time ? CellType::kDateTime : CellType::kDate;
    cell.text =
        time::format_date(*date) + (with_time ? " " + time::format_clock_time(seconds) : "");
  }

  std::optional<SheetTable> read_sheet(const std::string& path, const std::string& name) {
    const auto bytes = member(path);
    if (!bytes) return std::nullopt;
    SheetTable table;
    table.sheet = name;
    WorkbookXml xml(*bytes);
    int row_number = 0;
    int column_number = 0;
    SheetRow row;
    SheetCell cell;
    std::string type;
    int style = -1;
    std::string value;
    bool in_value = false;
    bool in_cell = false;
    bool wide_warned = false;
    std::size_t cells = 0;
    const auto finish_row = [&] {
      bool any = false;
      for (const SheetCell& each : row.cells)
        any = any || !each.empty();
      if (any) table.rows.push_back(std::move(row));
      row = SheetRow();
    };
    while (xml.next()) {
      if (xml.is_start("row")) {
        const std::string r = xml.attribute("r").value_or("");
        int number = 0;
        const auto [end, error] = std::from_chars(r.data(), r.data() + r.size(), number);
        row_number = error == std::errc() && number > row_number ? number : row_number + 1;
        column_number = 0;
        row = SheetRow();
        row.line = row_number;
        if (xml.is_end("row")) finish_row();
      } else if (xml.is_end("row")) {
        cells += row.cells.size();
        finish_row();
        if (table.rows.size() > static_cast<std::size_t>(kMaxSheetRows) || cells > kMaxSheetCells) {
          diagnostics_.error({file_, row_number, 1},
                             "sheet " + quoted(name) + " has more than " +
                                 std::to_string(kMaxSheetRows) +
                                 " rows or a million cells with content: that is not a "
                                 "programme");
          return std::nullopt;
        }
      } else if (xml.is_start("c")) {
        int cell_row = row_number, cell_column = column_number + 1;
        parse_reference(xml.attribute("r").value_or(""), cell_row, cell_column);
        column_number = std::max(cell_column, column_number + 1);
        cell = SheetCell();
        cell.line = row_number;
        cell.column = column_number;
        type = xml.attribute("t").value_or("n");
        style = -1;
        const std::string s = xml.attribute("s").value_or("");
        std::from_chars(s.data(), s.data() + s.size(), style);
        value.clear();
        in_cell = !xml.is_end("c");
        if (!in_cell) continue;
      } else if (in_cell && (xml.is_start("v") || xml.is_start("t"))) {
        in_value = !xml.is_end("v") && !xml.is_end("t");
      } else if (xml.is_end("v") || xml.is_end("t")) {
        in_value = false;
      } else if (in_value && xml.is_text()) {
        value += xml.value();
      } else if (in_cell && xml.is_end("c")) {
        in_cell = false;
        if (cell.column > kMaxSheetColumns) {
          if (!value.empty() && !wide_warned) {
            wide_warned = true;
            diagnostics_.warning(
                {{file_.file(), name}, cell.line, cell.column},
                "cells right of column " + std::to_string(kMaxSheetColumns) + " are ignored");
          }
          continue;
        }
        fill_cell(cell, type, style, value);
        if (cell.empty()) continue;
        while (row.cells.size() + 1 < static_cast<std::size_t>(cell.column)) {
          SheetCell& gap = row.cells.emplace_back();
          gap.line = row_number;
          gap.column = static_cast<int>(row.cells.size());
        }
        row.cells.push_back(std::move(cell));
        cell = SheetCell();  // the next <c> fills it again; never read while moved from
      }
    }
    if (!xml_ok(xml, path)) return std::nullopt;
    return table;
  }

  void fill_cell(SheetCell& cell, const std::string& type, int style, const std::string& value) {
    if (type == "s") {
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
      if (error == std::errc() && index < strings_.size()) cell.text = strings_[index];
    } else if (type == "inlineStr" || type == "str" || type == "e" || type == "d") {
      cell.text = value;  // text, a formula's text, an error such as #N/A, an ISO date
    } else if (type == "b") {
      cell.text = value == "1" ? "TRUE" : "FALSE";
    } else if (!value.empty()) {
      double number = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (error == std::errc() && end == value.data() + value.size()) {
        type_number(cell, number, style);
      } else {
        cell.text = value;
      }
    }
  }

  const ZipArchive& archive_;
  const SourceName file_;
  DiagnosticList& diagnostics_;
  bool date_1904_ = false;
  std::vector<std::string> strings_;
  std::vector<NumberFormat> formats_;  // by cell format (xf) index
};

}  // namespace

bool is_xlsx_archive(const ZipArchive& archive) {
  return archive.has("[Content_Types].xml") && archive.has("xl/workbook.xml");
}

std::optional<SheetTable> read_xlsx_sheet(const ZipArchive& archive, const std::string& file,
                                          DiagnosticList& diagnostics) {
  return XlsxReader(archive, file, diagnostics).read();
}

}  // namespace ijlas::agenda
