#include "agenda/spreadsheet_programme.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "agenda/spreadsheet_columns.hpp"
#include "agenda/spreadsheet_values.hpp"
#include "agenda/time_zone.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

using utf8::trimmed;

constexpr std::size_t kListedRows = 8;  // rows named in one message before "and N more"

// Turns "Dr. Oliver Stolpe" into a stable speaker id.
std::string slug_of(std::string_view name) {
  std::string slug;
  for (const char c : name) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) {
      slug += static_cast<char>(byte < 0x80 ? std::tolower(byte) : byte);
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-')
    slug.pop_back();
  return slug;
}

// FNV-1a: short, stable across runs and machines (std::hash is neither promised).
std::string short_hash(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(8, '0');
  for (int i = 7; i >= 0; --i, hash >>= 4)
    hex[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
  return hex;
}

// A cell holds text that was Urdu (or any script the encoding lacked) before it was saved:
// a word of three or more "?" and nothing else.
bool lost_its_text(std::string_view text) {
  std::size_t run = 0;
  bool only_marks = true;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c == ' ' || c == '\n') {
      if (only_marks && run >= 3) return true;
      run = 0;
      only_marks = true;
    } else if (c == '?') {
      ++run;
    } else {
      only_marks = false;
    }
  }
  return false;
}

std::vector<std::string> split_names(std::string_view names) {
  std::vector<std::string> list;
  std::string current;
  const auto flush = [&] {
    std::string name = trimmed(current);
    if (!name.empty()) list.push_back(std::move(name));
    current.clear();
  };
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == ';' || names[i] == '\n') {
      flush();
    } else if (names.substr(i, 2) == "\xD8\x9B") {  // the Arabic semicolon
      flush();
      ++i;
    } else {
      current += names[i];
    }
  }
  flush();
  return list;
}

bool is_number(std::string_view text) {
  const std::string value = trimmed(text);
  return !value.empty() && value.size() <= 3 && std::all_of(value.begin(), value.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

struct HeaderColumns {
  std::map<std::string, std::size_t> single;  // column label ("title_ur") → index
  std::vector<std::size_t> speakers;          // every plain speakers column, in order
  std::vector<std::pair<std::string, const SheetCell*>> unknown;
  std::vector<std::pair<std::string, const SheetCell*>> repeated;
};

// What a header row names; `above` is the row over it, for numbered columns under a name.
HeaderColumns map_header(const SheetRow& header, const SheetRow* above) {
  HeaderColumns columns;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const SheetCell& cell = header.cells[i];
    const std::string text = trimmed(cell.text);
    if (text.empty()) continue;
    std::optional<ProgrammeColumn> column = programme_column(text);
    if (!column && above && is_number(text)) {
      for (std::size_t left = std::min(i + 1, above->cells.size()); left-- > 0;) {
        if (trimmed(above->cells[left].text).empty()) continue;
        column = programme_column(above->cells[left].text);
        break;
      }
    }
    if (!column) {
      columns.unknown.emplace_back(text, &cell);
    } else if (column->key == "speakers" && column->language == TextLanguage::kAny) {
      columns.speakers.push_back(i);
    } else if (!columns.single.emplace(column_label(*column), i).second) {
      columns.repeated.emplace_back(column_label(*column), &cell);
    }
  }
  return columns;
}

bool names_start_and_title(const HeaderColumns& columns) {
  const auto has = [&](const char* label) { return columns.single.count(label) > 0; };
  return has("start") && (has("title") || has("title_ur") || has("title_en"));
}

std::optional<std::size_t> find_header(const SheetTable& table) {
  const std::size_t rows = std::min<std::size_t>(table.rows.size(), kHeaderSearchRows);
  for (std::size_t i = 0; i < rows; ++i) {
    if (names_start_and_title(map_header(table.rows[i], i > 0 ? &table.rows[i - 1] : nullptr))) {
      return i;
    }
  }
  return std::nullopt;
}

struct RowTimes {
  std::optional<time::Date> date;
  std::optional<int> start;
  std::optional<time::Date> end_date;  // when the end cell gave its own date
  std::optional<int> end;
  std::optional<int> duration;
};

class ProgrammeReader {
 public:
  ProgrammeReader(const SheetTable& table, const std::string& file, DiagnosticList& diagnostics,
                  const TimeZone* venue_zone)
      : table_(table),
        file_(file),
        cells_(file, table.sheet),
        venue_zone_(venue_zone),
        diagnostics_(diagnostics) {}

  std::optional<AgendaDraft> read() {
    draft_.first_position = {file_, 1, 1};
    draft_.derive_days = true;
    draft_.translations_checked = true;
    if (table_.rows.empty()) {
      diagnostics_.error(draft_.first_position,
                         where_sheet() +
                             "the sheet is empty: it needs a header row naming the "
                             "columns and one row per session");
      return std::nullopt;
    }
    const std::optional<std::size_t> header = find_header(table_);
    if (!header) {
      diagnostics_.error(
          draft_.first_position,
          where_sheet() + "no header row: one of the first " + std::to_string(kHeaderSearchRows) +
              " rows must name the columns, at least a start time and a title, such as "
              "\"Date, Start, End, Room, Title\" or \"Datum, Uhrzeit, Dauer, Ort, Titel\"");
      return std::nullopt;
    }
    header_ = &table_.rows[*header];
    columns_ = map_header(*header_, *header > 0 ? &table_.rows[*header - 1] : nullptr);
    if (!check_header()) return std::nullopt;
    read_notes_above(*header);
    read_time_zone(*header + 1);
    if (!settle_date_order(*header + 1)) return std::nullopt;
    for (std::size_t row = *header + 1; row < table_.rows.size(); ++row)
      read_row(table_.rows[row]);
    end_unended_sessions();
    warn_about_lost_text();
    warn_about_missing_translations();
    return std::move(draft_);
  }

 private:
  bool is_sheet() const { return !table_.sheet.empty(); }
  std::string where_sheet() const {
    return is_sheet() ? "sheet " + quoted(table_.sheet) + ": " : "";
  }
  std::string row_word() const { return is_sheet() ? "row" : "line"; }

  // A workbook's positions name their sheet, so that every message names the cell.
  SourcePosition at(const SheetCell& cell) const { return {cells_, cell.line, cell.column}; }
  SourcePosition at(const SheetRow& row) const { return {cells_, row.line, 1}; }

  std::string rows_list(const std::vector<int>& lines) const {
    std::string list = lines.size() == 1 ? row_word() + " " : row_word() + "s ";
    for (std::size_t i = 0; i < lines.size() && i < kListedRows; ++i) {
      list += (i ? ", " : "") + std::to_string(lines[i]);
    }
    if (lines.size() > kListedRows) {
      list += " and " + std::to_string(lines.size() - kListedRows) + " more";
    }
    return list;
  }

  bool has_column(const std::string& label) const { return columns_.single.count(label) > 0; }

  const SheetCell* cell(const SheetRow& row, const std::string& label) const {
    const auto found = columns_.single.find(label);
    if (found == columns_.single.end() || found->second >= row.cells.size()) return nullptr;
    return &row.cells[found->second];
  }

  std::string text(const SheetRow& row, const std::string& label) const {
    const SheetCell* found = cell(row, label);
    return found ? trimmed(found->text) : std::string();
  }

  // `title_ur` and `title_en`, or `title` read by its script.
  LocalizedText localized(const SheetRow& row, const std::string& key) const {
    LocalizedText value{text(row, key + "_ur"), text(row, key + "_en")};
    const std::string plain = text(row, key);
    if (!plain.empty()) {
      const LocalizedText guessed = text_in_its_script(plain);
      if (value.ur.empty()) value.ur = guessed.ur;
      if (value.en.empty()) value.en = guessed.en;
    }
    return value;
  }

  // The first cell of the key's columns that the row fills, for positions.
  const SheetCell* any_cell(const SheetRow& row, const std::string& key) const {
    for (const std::string& label : {key, key + "_ur", key + "_en"}) {
      const SheetCell* found = cell(row, label);
      if (found && !trimmed(found->text).empty()) return found;
    }
    return nullptr;
  }

  bool check_header() {
    for (const auto& [text, cell] : columns_.unknown) {
      diagnostics_.warning(at(*cell), "unknown column " + quoted(text) +
                                          " is ignored (README lists the column names)");
    }
    for (const auto& [label, cell] : columns_.repeated) {
      diagnostics_.error(at(*cell), "column " + quoted(label) + " appears twice: keep one of them");
    }
    if (!has_column("room") && !has_column("room_ur") && !has_column("room_en")) {
      diagnostics_.error(at(*header_),
                         "the header row has no room column: add one, such as \"Room\", "
                         "\"Raum\" or \"Ort\"");
    }
    return columns_.repeated.empty() && !diagnostics_.has_errors();
  }

  // Rows above the header: the conference's name in the first cell, and notes such as
  // "date_format: DD/MM/YYYY" (one cell) or "date_format" | "DD/MM/YYYY" (two).
  void read_notes_above(std::size_t header) {
    for (std::size_t r = 0; r < header; ++r) {
      const SheetRow& row = table_.rows[r];
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        std::string note = trimmed(row.cells[i].text);
        if (note.starts_with('#')) note = trimmed(std::string_view(note).substr(1));
        const std::size_t colon = note.find_first_of(":=");
        std::string key = folded_header(note.substr(0, colon));
        std::string value = colon == std::string::npos
                                ? std::string()
                                : trimmed(std::string_view(note).substr(colon + 1));
        if (colon == std::string::npos && i + 1 < row.cells.size()) {
          value = trimmed(row.cells[i + 1].text);
        }
        if (key == "date_format" || key == "datumsformat") {
          hint_cell_ = &row.cells[i];
          date_order_ = read_date_order(value);
          if (!date_order_) {
            diagnostics_.error(at(row.cells[i]),
                               "date_format " + quoted(value) +
                                   " is not a date order: write \"DD/MM/YYYY\" (day first) or "
                                   "\"MM/DD/YYYY\" (month first)");
          }
        } else if (r == 0 && i == 0 && !note.empty() && draft_.data.conference.title.empty() &&
                   !(note.starts_with('<') && note.ends_with('>'))) {
          draft_.data.conference.title = text_in_its_script(note);  // "<Name>" is a placeholder
        }
      }
    }
  }

  void read_time_zone(std::size_t first_row) {
    std::string name;
    for (std::size_t r = first_row; r < table_.rows.size(); ++r) {
      const std::string zone = text(table_.rows[r], "time_zone");
      if (!zone.empty()) {
        name = zone;
        draft_.time_zone = at(*cell(table_.rows[r], "time_zone"));
        break;
      }
    }
    if (name.empty()) {
      // Wall times without a zone column are the venue's, or UTC when no venue zone is known.
      name = venue_zone_ ? venue_zone_->name() : "UTC";
      if (table_.rows.size() > first_row)
        diagnostics_.warning(
            draft_.first_position,
            std::string(has_column("time_zone") ? "the time_zone column is empty"
                                                : "the file has no time_zone column") +
                ": its times are read in " + quoted(name) +
                (venue_zone_ ? ", the venue's zone (time_zone in ijlas.toml)"
                             : "; set time_zone in ijlas.toml to the venue's "
                               "zone, or add a time_zone column"));
    }
    for (std::size_t r = first_row; r < table_.rows.size(); ++r) {
      const LocalizedText title = localized(table_.rows[r], "conference");
      if (!title.empty()) {
        draft_.data.conference.title = title;
        break;
      }
    }
    draft_.data.conference.time_zone = name;
    zone_ = TimeZone::find(name);
    if (!zone_) {
      diagnostics_.error(draft_.time_zone, "unknown time zone " + quoted(name) +
                                               ": use an IANA name such as \"Asia/Karachi\"");
    }
  }

  // The text of a row's date as written, from the date column or the start cell.
  std::optional<std::pair<std::string, const SheetCell*>> written_date(const SheetRow& row) const {
    if (const SheetCell* date = cell(row, "date"); date && date->type == CellType::kText) {
      if (!trimmed(date->text).empty()) return std::make_pair(trimmed(date->text), date);
    }
    for (const char* label : {"start", "end"}) {
      const SheetCell* found = cell(row, label);
      if (!found || found->type != CellType::kText) continue;
      if (const auto parts = split_date_and_time(found->text)) {
        return std::make_pair(parts->date, found);
      }
    }
    return std::nullopt;
  }

  // Day and month order: the file's `date_format` note, else what its dates prove.
  bool settle_date_order(std::size_t first_row) {
    if (date_order_ || hint_cell_) return !diagnostics_.has_errors();
    struct Evidence {
      std::string text;
      int line = 0;
      const SheetCell* cell = nullptr;
    };
    std::optional<Evidence> day_first, month_first;
    std::vector<int> ambiguous_lines;
    std::optional<Evidence> ambiguous;
    for (std::size_t r = first_row; r < table_.rows.size(); ++r) {
      const auto written = written_date(table_.rows[r]);
      if (!written) continue;
      const auto date = read_written_date(written->first);
      if (!date || date->fixed) continue;
      const bool day = date->can_be(DateOrder::kDayFirst);
      const bool month = date->can_be(DateOrder::kMonthFirst);
      const Evidence evidence{written->first, table_.rows[r].line, written->second};
      if (day && month && date->first != date->second) {
        ambiguous_lines.push_back(table_.rows[r].line);
        if (!ambiguous) ambiguous = evidence;
      } else if (day && !month && !day_first) {
        day_first = evidence;
      } else if (month && !day && !month_first) {
        month_first = evidence;
      }
    }
    const std::string fix =
        ": add a cell above the header row reading \"date_format: DD/MM/YYYY\" (or "
        "\"date_format: MM/DD/YYYY\"), or write the dates as YYYY-MM-DD";
    if (day_first && month_first) {
      const Evidence& later = day_first->line > month_first->line ? *day_first : *month_first;
      diagnostics_.error(at(*later.cell), "the dates mix two orders: " + quoted(day_first->text) +
                                              " (" + row_word() + " " +
                                              std::to_string(day_first->line) + ") is day first, " +
                                              quoted(month_first->text) + " (" + row_word() + " " +
                                              std::to_string(month_first->line) +
                                              ") is month first; write every date the same way");
      return false;
    }
    if (day_first) {
      date_order_ = DateOrder::kDayFirst;
    } else if (month_first) {
      date_order_ = DateOrder::kMonthFirst;
    } else if (ambiguous) {
      diagnostics_.error(at(*ambiguous->cell),
                         "dates such as " + quoted(ambiguous->text) + " (" +
                             rows_list(ambiguous_lines) +
                             ") can be read day first or month first, and no date in the file "
                             "decides" +
                             fix);
      return false;
    }
    return true;
  }

  std::optional<time::Date> date_of_text(const std::string& written, const SheetCell& at_cell,
                                         const std::string& owner) {
    const auto date = read_written_date(written);
    const DateOrder order = date_order_.value_or(DateOrder::kDayFirst);
    if (date && date->as(order)) return date->as(order);
    std::string message =
        "date " + quoted(written) + " of " + owner + " is not a date: write it as YYYY-MM-DD";
    if (date && hint_cell_) {
      message = "date " + quoted(written) + " of " + owner + " is not a date in " +
                std::string(date_order_example(order)) + " order, as the date_format note says";
    }
    diagnostics_.error(this->at(at_cell), message);
    return std::nullopt;
  }

  // A time cell: a typed time, a day fraction, or text; a date in it fills `date`.
  std::optional<int> time_of(const SheetCell& found, std::optional<time::Date>& date,
                             const std::string& what, const std::string& owner) {
    switch (found.type) {
      case CellType::kTime:
        return found.seconds;
      case CellType::kDateTime:
        date = found.date;
        return found.seconds;
      case CellType::kNumber:
        if (found.number >= 0 && found.number < 1) {
          return static_cast<int>(std::lround(found.number * time::kSecondsPerDay));
        }
        break;
      case CellType::kDate:
        break;
      case CellType::kText: {
        if (const auto seconds = read_time_of_day(found.text)) return seconds;
        if (const auto parts = split_date_and_time(found.text)) {
          date = date_of_text(parts->date, found, owner);
          return read_time_of_day(parts->time);
        }
        break;
      }
    }
    diagnostics_.error(at(found), what + " " + quoted(trimmed(found.text)) + " of " + owner +
                                      " is not a time: write it as \"HH:MM\" or \"2:00 PM\"");
    return std::nullopt;
  }

  std::optional<int> duration_of(const SheetCell& found, const std::string& owner) {
    if (found.type == CellType::kTime) return found.seconds;
    if (found.type == CellType::kNumber && found.number >= 0 && found.number <= 7 * 24 * 60) {
      return static_cast<int>(std::lround(found.number * 60));
    }
    if (found.type == CellType::kText) {
      if (const auto seconds = read_duration(found.text)) return seconds;
    }
    diagnostics_.error(at(found), "duration " + quoted(trimmed(found.text)) + " of " + owner +
                                      " is not a duration: write minutes (\"45\") or \"H:MM\"");
    return std::nullopt;
  }

  RowTimes times_of(const SheetRow& row, const std::string& owner) {
    RowTimes times;
    const SheetCell* date_cell = cell(row, "date");
    if (date_cell && !date_cell->empty()) {
      if (date_cell->type == CellType::kDate || date_cell->type == CellType::kDateTime) {
        times.date = date_cell->date;
      } else if (date_cell->type == CellType::kText) {
        times.date = date_of_text(trimmed(date_cell->text), *date_cell, owner);
      } else {
        diagnostics_.error(at(*date_cell), "date " + quoted(trimmed(date_cell->text)) + " of " +
                                               owner +
                                               " is a number, not a date: format the cell as "
                                               "a date, or write YYYY-MM-DD");
      }
    }
    const SheetCell* start = cell(row, "start");
    if (!start || start->empty()) {
      diagnostics_.error(start ? at(*start) : at(row), owner + " has no start time: fill it in");
      return times;
    }
    const SheetCell* end = cell(row, "end");
    const SheetCell* duration = cell(row, "duration");
    const bool has_end = end && !end->empty();
    const bool has_duration = duration && !duration->empty();
    if (!has_end && !has_duration && start->type == CellType::kText) {
      if (const auto range = read_time_range(start->text)) {
        times.start = range->start;
        times.end = range->end;
        return times;
      }
    }
    const int errors = diagnostics_.error_count();
    std::optional<time::Date> start_date;
    times.start = time_of(*start, start_date, "start", owner);
    if (start_date) times.date = start_date;
    if (has_end) {
      times.end = time_of(*end, times.end_date, "end", owner);
    } else if (has_duration) {
      times.duration = duration_of(*duration, owner);
    }
    if (!times.date && diagnostics_.error_count() == errors &&
        !(date_cell && !date_cell->empty())) {
      diagnostics_.error(at(*start), owner +
                                         " has no date: fill in the date column, or write the "
                                         "start as \"2025-11-26 09:30\"");
    }
    return times;
  }

  SessionStatus status_of(const SheetRow& row, const std::string& owner) {
    SessionStatus status;
    const std::string value = text(row, "status");
    std::string lower = value;
    for (char& c : lower)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.empty() || lower == "scheduled") return status;
    if (lower == "cancelled" || lower == "canceled") {
      status.state = SessionState::kCancelled;
      return status;
    }
    if (lower.rfind("delayed", 0) == 0) {
      const std::string minutes = trimmed(lower.substr(7));
      int delay = 0;
      bool digits = !minutes.empty() && minutes.size() <= 4;
      for (const char c : minutes) {
        digits = digits && std::isdigit(static_cast<unsigned char>(c));
        if (digits) delay = delay * 10 + (c - '0');
      }
      if (digits && delay >= 1 && delay <= 1440) {
        status.state = SessionState::kDelayed;
        status.delay_minutes = delay;
        return status;
      }
    }
    const SheetCell& found = *cell(row, "status");
    diagnostics_.error(at(found), "status " + quoted(value) + " of " + owner +
                                      ": write \"scheduled\", \"cancelled\" or \"delayed 15\" "
                                      "(minutes)");
    return status;
  }

  void read_speakers(const SheetRow& row, Session& session, SessionSource& source) {
    const auto add = [&](LocalizedText name, const SheetCell& at_cell) {
      Speaker speaker;
      speaker.id = slug_of(name.en.empty() ? name.ur : name.en);
      if (speaker.id.empty()) return;
      speaker.name = std::move(name);
      if (std::find(session.speakers.begin(), session.speakers.end(), speaker.id) !=
          session.speakers.end()) {
        return;
      }
      session.speakers.push_back(speaker.id);
      source.speakers.push_back(at(at_cell));
      draft_.add_speaker_once(std::move(speaker));
    };
    for (const std::size_t column : columns_.speakers) {
      if (column >= row.cells.size()) continue;
      for (std::string& name : split_names(row.cells[column].text))
        add(text_in_its_script(std::move(name)), row.cells[column]);
    }
    const SheetCell* urdu = cell(row, "speakers_ur");
    const SheetCell* english = cell(row, "speakers_en");
    const std::vector<std::string> ur = urdu ? split_names(urdu->text) : std::vector<std::string>();
    const std::vector<std::string> en =
        english ? split_names(english->text) : std::vector<std::string>();
    if (!ur.empty() && !en.empty() && ur.size() != en.size()) {
      diagnostics_.warning(at(*urdu), "speakers_ur names " + std::to_string(ur.size()) +
                                          " people and speakers_en " + std::to_string(en.size()) +
                                          ": they are paired in order; list the same people in "
                                          "both, separated by \";\"");
    }
    for (std::size_t i = 0; i < std::max(ur.size(), en.size()); ++i) {
      LocalizedText name{i < ur.size() ? ur[i] : "", i < en.size() ? en[i] : ""};
      add(std::move(name), i < en.size() ? *english : *urdu);
    }
  }

  void read_row(const SheetRow& row) {
    bool any = false;
    for (const auto& [label, column] : columns_.single)
      any = any || (column < row.cells.size() && !row.cells[column].empty());
    for (const std::size_t column : columns_.speakers)
      any = any || (column < row.cells.size() && !row.cells[column].empty());
    if (!any) return;  // notes beside the programme, not a session

    Session session;
    SessionSource source;
    source.session = at(row);
    session.id = text(row, "id");
    if (const SheetCell* id = cell(row, "id"); id && id->type == CellType::kNumber) {
      session.id = trimmed(id->text);
    }
    session.title = localized(row, "title");
    const std::string owner = !session.id.empty() ? "session " + quoted(session.id)
                              : !session.title.empty()
                                  ? quoted(session.title.preferred())
                                  : "the session in " + row_word() + " " + std::to_string(row.line);
    session.subtitle = localized(row, "subtitle");
    session.abstract = localized(row, "abstract");
    session.type = text(row, "type");
    session.language = text(row, "language");
    session.status = status_of(row, owner);
    if (session.title.empty()) {
      diagnostics_.error(at(row), owner + " has no title: fill in the title column");
    }

    const LocalizedText room = localized(row, "room");
    session.room = room.en.empty() ? room.ur : room.en;
    if (const SheetCell* found = any_cell(row, "room")) source.room = at(*found);
    if (session.room.empty()) {
      diagnostics_.error(at(row), owner + " has no room: fill in the room column");
    } else {
      draft_.add_room_once(session.room, room);
    }
    const LocalizedText track = localized(row, "track");
    if (!track.empty()) {
      session.track = track.en.empty() ? track.ur : track.en;
      draft_.add_track_once(session.track, track, "");
    }
    read_speakers(row, session, source);

    const int errors = diagnostics_.error_count();
    const RowTimes times = times_of(row, owner);
    if (diagnostics_.error_count() != errors || !times.date || !times.start ||
        session.room.empty() || session.title.empty()) {
      return;
    }
    const TimeZone* zone = zone_ ? &*zone_ : nullptr;
    session.start = to_instant({{*times.date, *times.start}, std::nullopt}, zone);
    const SheetCell* start_cell = cell(row, "start");
    source.start = at(*start_cell);
    if (session.id.empty()) session.id = derived_id(*times.date, *times.start, session);

    const SheetCell* end_cell = cell(row, "end");
    const SheetCell* duration_cell = cell(row, "duration");
    if (times.duration) {
      source.end = at(*duration_cell);
      session.end = zone ? zone->at(session.start.utc_seconds + *times.duration)
                         : Instant{session.start.utc_seconds + *times.duration, 0};
    } else if (times.end) {
      source.end = end_cell && !end_cell->empty() ? at(*end_cell) : source.start;
      std::int64_t end_days = time::days_from_date(times.end_date.value_or(*times.date));
      if (!times.end_date && *times.end < *times.start &&
          *times.start - *times.end >= time::kSecondsPerDay - kMaxOvernightSeconds) {
        ++end_days;  // 23:00–01:00 runs past midnight; 10:30–10:00 is a mistake
      }
      session.end = to_instant({{time::date_from_days(end_days), *times.end}, std::nullopt}, zone);
    } else {
      source.end = source.start;
      session.end = session.start;
      unended_.push_back(draft_.data.sessions.size());
    }
    draft_.add_session(std::move(session), std::move(source));
  }

  // Without an id column, the id is made of what the row says, never of where the row is, so
  // that an override keeps naming the same session when rows are sorted or inserted.
  static std::string derived_id(time::Date date, int start, const Session& session) {
    std::string clock = time::format_clock_time(start);
    clock.erase(std::remove(clock.begin(), clock.end(), ':'), clock.end());
    return time::format_date(date) + "-" + clock + "-" +
           short_hash(session.room + '\x1F' + session.title.ur + '\x1F' + session.title.en);
  }

  // A session with neither end nor duration lasts until the next one in its room begins, and
  // kLongestUnendedMinutes at most (what c3voc's own converter does with its template).
  void end_unended_sessions() {
    if (unended_.empty()) return;
    auto& sessions = draft_.data.sessions;
    std::vector<int> lines;
    for (const std::size_t index : unended_) {
      Session& session = sessions[index];
      std::int64_t end = session.start.utc_seconds + std::int64_t{kLongestUnendedMinutes} * 60;
      for (const Session& other : sessions) {
        if (other.room == session.room && other.start.utc_seconds > session.start.utc_seconds) {
          end = std::min(end, other.start.utc_seconds);
        }
      }
      session.end = zone_ ? zone_->at(end) : Instant{end, 0};
      lines.push_back(draft_.session_sources[index].session.line);
    }
    const bool no_columns = !has_column("end") && !has_column("duration");
    const std::string fix = " each is taken to end when the next session in its room begins, " +
                            std::to_string(kLongestUnendedMinutes) +
                            " minutes after its start at most";
    if (no_columns) {
      diagnostics_.warning(at(*header_), "the header row has no end or duration column (" +
                                             std::to_string(lines.size()) + " sessions):" + fix +
                                             "; add an \"End\" or \"Duration\" column to give the "
                                             "real ends");
    } else {
      diagnostics_.warning(draft_.session_sources[unended_.front()].session,
                           std::to_string(lines.size()) + " sessions have no end or duration (" +
                               rows_list(lines) + "):" + fix + "; fill in their end or duration");
    }
  }

  void warn_about_lost_text() {
    int count = 0;
    const SheetCell* first = nullptr;
    for (std::size_t r = 0; r < table_.rows.size(); ++r) {
      for (const SheetCell& found : table_.rows[r].cells) {
        if (found.type != CellType::kText || !lost_its_text(found.text)) continue;
        if (count++ == 0) first = &found;
      }
    }
    if (count == 0) return;
    diagnostics_.warning(
        at(*first), std::to_string(count) + (count == 1 ? " cell holds" : " cells hold") +
                        " runs of \"?\" (first: " + quoted(trimmed(first->text)) +
                        "): the file lost its Urdu when it was saved in an encoding without Urdu "
                        "letters; save it again as \"CSV UTF-8\" or as .xlsx, and check the text");
  }

  // Only where the sheet has columns for both languages can a translation be missing.
  void warn_about_missing_translations() {
    for (const std::string key : {"title", "subtitle", "abstract", "room", "track", "speakers"}) {
      const int columns = has_column(key) + has_column(key + "_ur") + has_column(key + "_en") +
                          (key == "speakers" && !columns_.speakers.empty());
      if (columns < 2) continue;
      std::vector<int> no_urdu, no_english;
      for (std::size_t i = 0; i < draft_.data.sessions.size(); ++i) {
        const Session& session = draft_.data.sessions[i];
        const int line = draft_.session_sources[i].session.line;
        std::vector<LocalizedText> texts;
        if (key == "title") texts = {session.title};
        if (key == "subtitle") texts = {session.subtitle};
        if (key == "abstract") texts = {session.abstract};
        if (key == "room") texts = {room_name(session.room)};
        if (key == "track" && !session.track.empty()) texts = {track_name(session.track)};
        if (key == "speakers") {
          for (const std::string& id : session.speakers)
            texts.push_back(speaker_name(id));
        }
        for (const LocalizedText& value : texts) {
          if (value.empty() || value.bilingual()) continue;
          (value.ur.empty() ? no_urdu : no_english).push_back(line);
          break;
        }
      }
      const auto warn = [&](const std::vector<int>& lines, const char* language,
                            const char* suffix) {
        if (lines.empty()) return;
        diagnostics_.warning({file_, lines.front(), 1},
                             "the " + key + " has no " + language + " text in " + rows_list(lines) +
                                 ": fill in the " + key + suffix + " column");
      };
      warn(no_urdu, "Urdu", "_ur");
      warn(no_english, "English", "_en");
    }
  }

  LocalizedText room_name(const std::string& id) const {
    for (const Room& room : draft_.data.rooms) {
      if (room.id == id) return room.name;
    }
    return {};
  }
  LocalizedText track_name(const std::string& id) const {
    for (const Track& track : draft_.data.tracks) {
      if (track.id == id) return track.name;
    }
    return {};
  }
  LocalizedText speaker_name(const std::string& id) const {
    for (const Speaker& speaker : draft_.data.speakers) {
      if (speaker.id == id) return speaker.name;
    }
    return {};
  }

  const SheetTable& table_;
  const SourceName file_;
  const SourceName cells_;      // the file's name with the sheet's, when the table is a sheet
  const TimeZone* venue_zone_;  // floating times without a time_zone column; may be null
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  const SheetRow* header_ = nullptr;
  HeaderColumns columns_;
  std::optional<TimeZone> zone_;
  std::optional<DateOrder> date_order_;
  const SheetCell* hint_cell_ = nullptr;
  std::vector<std::size_t> unended_;  // sessions without end or duration, by index
};

}  // namespace

bool has_programme_header(const SheetTable& table) {
  return find_header(table).has_value();
}

std::optional<AgendaDraft> read_programme(const SheetTable& table, const std::string& file,
                                          DiagnosticList& diagnostics, const TimeZone* venue_zone) {
  return ProgrammeReader(table, file, diagnostics, venue_zone).read();
}

}  // namespace ijlas::agenda
