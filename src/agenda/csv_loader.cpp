#include "agenda/csv_loader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "agenda/csv_reader.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

constexpr int kMaxOvernightSeconds = 6 * 3600;  // a shorter "backwards" session ends after midnight

using utf8::trimmed;

// "Title (EN)", "title-en" and "TITLE_EN" all name the column title_en.
std::string column_key(std::string_view header) {
  std::string key;
  for (const char c : trimmed(header)) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!key.empty() && key.back() != '_') {
      key += '_';
    }
  }
  while (!key.empty() && key.back() == '_')
    key.pop_back();
  return key;
}

bool is_known_column(std::string_view key) {
  return std::find(std::begin(kCsvColumns), std::end(kCsvColumns), key) != std::end(kCsvColumns);
}

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

class CsvAgendaReader {
 public:
  CsvAgendaReader(const std::string& file, const TimeZone* venue_zone, DiagnosticList& diagnostics)
      : file_(file), venue_zone_(venue_zone), diagnostics_(diagnostics) {}

  std::optional<AgendaDraft> read(std::string_view bytes) {
    draft_.first_position = {file_, 1, 1};
    draft_.derive_days = true;
    const CsvTable table = read_csv(bytes);
    if (table.error) {
      diagnostics_.error({file_, table.error->line, table.error->column}, table.error->message);
      return std::nullopt;
    }
    if (table.records.empty()) {
      diagnostics_.error(draft_.first_position, "the CSV file is empty: it needs a header row");
      return std::nullopt;
    }
    if (!read_header(table.records.front())) return std::nullopt;
    read_time_zone(table);
    for (std::size_t row = 1; row < table.records.size(); ++row)
      read_row(table.records[row]);
    return std::move(draft_);
  }

 private:
  SourcePosition at(const CsvField& field) const { return {file_, field.line, field.column}; }

  bool read_header(const CsvRecord& header) {
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const std::string key = column_key(header.fields[i].text);
      if (key.empty()) continue;
      if (!is_known_column(key)) {
        diagnostics_.warning(at(header.fields[i]),
                             "unknown column " + quoted(header.fields[i].text) + " is ignored");
        continue;
      }
      if (!columns_.emplace(key, i).second) {
        diagnostics_.error(at(header.fields[i]), "column " + quoted(key) + " appears twice");
      }
    }
    const auto require = [&](std::initializer_list<std::string_view> any, std::string_view what) {
      for (const std::string_view key : any) {
        if (columns_.count(std::string(key))) return true;
      }
      diagnostics_.error({file_, header.line, 1},
                         "the header row has no " + std::string(what) + " column: add it");
      return false;
    };
    bool ok = require({"date"}, "date");
    ok = require({"start"}, "start") && ok;
    ok = require({"end", "duration"}, "end or duration") && ok;
    ok = require({"room"}, "room") && ok;
    ok = require({"title", "title_ur", "title_en"}, "title (title_ur, title_en)") && ok;
    return ok && !diagnostics_.has_errors();
  }

  const CsvField* field(const CsvRecord& record, std::string_view key) const {
    const auto found = columns_.find(std::string(key));
    if (found == columns_.end() || found->second >= record.fields.size()) return nullptr;
    return &record.fields[found->second];
  }

  std::string value(const CsvRecord& record, std::string_view key) const {
    const CsvField* cell = field(record, key);
    return cell ? trimmed(cell->text) : std::string();
  }

  // `title_ur` and `title_en`, or `title` read by its script.
  LocalizedText localized(const CsvRecord& record, const std::string& key) const {
    LocalizedText text{value(record, key + "_ur"), value(record, key + "_en")};
    const std::string plain = value(record, key);
    if (!plain.empty()) {
      const LocalizedText guessed = text_in_its_script(plain);
      if (text.ur.empty()) text.ur = guessed.ur;
      if (text.en.empty()) text.en = guessed.en;
    }
    return text;
  }

  void read_time_zone(const CsvTable& table) {
    std::string name;
    for (std::size_t row = 1; row < table.records.size(); ++row) {
      const std::string zone = value(table.records[row], "time_zone");
      if (!zone.empty()) {
        name = zone;
        draft_.time_zone = at(*field(table.records[row], "time_zone"));
        break;
      }
    }
    for (std::size_t row = 1; row < table.records.size(); ++row) {
      const std::string title = value(table.records[row], "conference");
      if (!title.empty()) {
        draft_.data.conference.title = text_in_its_script(title);
        break;
      }
    }
    if (name.empty()) {
      // Wall times without a zone column are the venue's, or UTC when no venue zone is known.
      name = venue_zone_ ? venue_zone_->name() : "UTC";
      if (table.records.size() > 1)
        diagnostics_.warning(
            draft_.first_position,
            std::string(columns_.count("time_zone") ? "the time_zone column is empty"
                                                    : "the file has no time_zone column") +
                ": its times are read in " + quoted(name) +
                (venue_zone_ ? ", the venue's zone (time_zone in ijlas.toml)"
                             : "; set time_zone in ijlas.toml to the venue's "
                               "zone, or add a time_zone column"));
    }
    draft_.data.conference.time_zone = name;
    zone_ = TimeZone::find(name);
    if (!zone_) {
      diagnostics_.error(draft_.time_zone, "unknown time zone " + quoted(name) +
                                               ": use an IANA name such as \"Asia/Karachi\"");
    }
  }

  std::optional<int> clock(const CsvRecord& record, std::string_view key, std::string_view owner) {
    const CsvField* cell = field(record, key);
    const std::string text = cell ? trimmed(cell->text) : std::string();
    const auto seconds =
        key == "duration" ? time::parse_duration(text) : time::parse_clock_time(text);
    if (!seconds) {
      diagnostics_.error(cell ? at(*cell) : SourcePosition{file_, record.line, 1},
                         std::string(key) + " " + quoted(text) + " of " + std::string(owner) +
                             " is not a time: write it as \"HH:MM\"");
    }
    return seconds;
  }

  SessionStatus status_of(const CsvRecord& record, const std::string& owner) {
    SessionStatus status;
    const std::string text = value(record, "status");
    if (text.empty() || text == "scheduled") return status;
    if (text == "cancelled" || text == "canceled") {
      status.state = SessionState::kCancelled;
      return status;
    }
    if (text.rfind("delayed", 0) == 0) {
      const std::string minutes = trimmed(text.substr(7));
      int value = 0;
      bool digits = !minutes.empty() && minutes.size() <= 4;
      for (const char c : minutes) {
        digits = digits && std::isdigit(static_cast<unsigned char>(c));
        if (digits) value = value * 10 + (c - '0');
      }
      if (digits && value >= 1 && value <= 1440) {
        status.state = SessionState::kDelayed;
        status.delay_minutes = value;
        return status;
      }
    }
    diagnostics_.error(at(*field(record, "status")),
                       "status " + quoted(text) + " of " + owner +
                           ": write \"scheduled\", \"cancelled\" or \"delayed 15\" (minutes)");
    return status;
  }

  void read_row(const CsvRecord& record) {
    ++draft_.events_in_file;
    Session session;
    SessionSource source;
    source.session = {file_, record.line, 1};
    session.id = value(record, "id");
    if (session.id.empty()) session.id = "row-" + std::to_string(record.line);
    const std::string owner = "session " + quoted(session.id);
    session.title = localized(record, "title");
    session.subtitle = localized(record, "subtitle");
    session.abstract = localized(record, "abstract");
    session.type = value(record, "type");
    session.language = value(record, "language");
    session.status = status_of(record, owner);

    session.room = value(record, "room");
    if (const CsvField* cell = field(record, "room")) source.room = at(*cell);
    if (session.room.empty()) {
      diagnostics_.error(source.room.line ? source.room : source.session,
                         owner + " has no room: fill in the room column");
    } else {
      draft_.add_room_once(session.room, text_in_its_script(session.room));
    }
    if (const std::string track = value(record, "track"); !track.empty()) {
      session.track = track;
      draft_.add_track_once(track, text_in_its_script(track), "");
    }
    if (const CsvField* cell = field(record, "speakers")) {
      std::string_view names = cell->text;
      while (!names.empty()) {
        const std::size_t semicolon = names.find(';');
        const std::string name = trimmed(names.substr(0, semicolon));
        names =
            semicolon == std::string_view::npos ? std::string_view() : names.substr(semicolon + 1);
        if (name.empty()) continue;
        Speaker speaker;
        speaker.id = slug_of(name);
        speaker.name = text_in_its_script(name);
        session.speakers.push_back(speaker.id);
        source.speakers.push_back(at(*cell));
        draft_.add_speaker_once(std::move(speaker));
      }
    }

    const CsvField* date_cell = field(record, "date");
    const std::string date_text = value(record, "date");
    const auto date = time::parse_date(date_text);
    if (!date) {
      diagnostics_.error(date_cell ? at(*date_cell) : source.session,
                         "date " + quoted(date_text) + " of " + owner +
                             " is not a date: write it as \"YYYY-MM-DD\"");
    }
    const auto start = clock(record, "start", owner);
    const bool has_end = !value(record, "end").empty() || !field(record, "duration");
    const auto end = clock(record, has_end ? "end" : "duration", owner);
    if (!date || !start || !end || session.room.empty()) return;

    const TimeZone* zone = zone_ ? &*zone_ : nullptr;
    session.start = to_instant({{*date, *start}, std::nullopt}, zone);
    source.start = at(*field(record, "start"));
    source.end = at(*field(record, has_end ? "end" : "duration"));
    if (!has_end) {
      session.end = zone ? zone->at(session.start.utc_seconds + *end)
                         : Instant{session.start.utc_seconds + *end, 0};
    } else {
      std::int64_t end_days = time::days_from_date(*date);
      if (*end < *start && *start - *end >= time::kSecondsPerDay - kMaxOvernightSeconds) {
        ++end_days;  // 23:00–01:00 runs past midnight; 10:30–10:00 is a mistake
      }
      session.end = to_instant({{time::date_from_days(end_days), *end}, std::nullopt}, zone);
    }
    draft_.add_session(std::move(session), std::move(source));
  }

  const std::string& file_;
  const TimeZone* venue_zone_;
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  std::map<std::string, std::size_t> columns_;
  std::optional<TimeZone> zone_;
};

}  // namespace

bool looks_like_agenda_csv(std::string_view bytes) {
  // Only the header line matters; a header with quoted line breaks is not recognized.
  const CsvTable table = read_csv(bytes.substr(0, bytes.find('\n')));
  if (table.records.empty()) return false;
  bool date = false;
  bool start = false;
  for (const CsvField& field : table.records.front().fields) {
    const std::string key = column_key(field.text);
    date = date || key == "date";
    start = start || key == "start";
  }
  return date && start;
}

std::optional<AgendaDraft> load_csv(std::string_view bytes, const std::string& file,
                                    DiagnosticList& diagnostics, const TimeZone* venue_zone) {
  return CsvAgendaReader(file, venue_zone, diagnostics).read(bytes);
}

}  // namespace ijlas::agenda
