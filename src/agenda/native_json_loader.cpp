#include "agenda/native_json_loader.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "agenda/json_fields.hpp"
#include "agenda/model_limits.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"

namespace ijlas::agenda {
namespace {

// Whether a relative file name leaves its folder: an absolute path, or a ".." in it.
bool leads_out(std::string_view name) {
  if (name.starts_with('/')) return true;
  for (std::size_t start = 0; start <= name.size();) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

// The agenda's lists, each with what one of its entries is called in messages.
constexpr std::pair<std::string_view, std::string_view> kLists[] = {
    {"days", "day"},         {"rooms", "room"},       {"tracks", "track"},
    {"speakers", "speaker"}, {"sessions", "session"},
};

const std::pair<std::string_view, std::string_view>* list_named(std::string_view key) {
  for (const auto& list : kLists) {
    if (list.first == key) return &list;
  }
  return nullptr;
}

// Reads one native document as its parser hands over the root's members, the entries of its
// lists one at a time: a large agenda is never a whole tree beside its draft (issue 12). Days and
// sessions are read in the conference's zone and day change, so those that come before the
// conference wait for it. Every problem of the file is reported in one pass, in file order.
class NativeReader final : public json::RootMemberHandler {
 public:
  NativeReader(const std::string& file, DiagnosticList& diagnostics)
      : fields_(file, diagnostics), diagnostics_(diagnostics) {
    draft_.first_position = fields_.at(TextPosition{1, 1});
    draft_.derive_days = true;
  }

  void root(json::Value&& root) override {
    root_ = root.position();
    if (!root.is_object()) {
      is_object_ = false;
      diagnostics_.error(fields_.at(root),
                         "an agenda must be a JSON object, not " + std::string(root.kind_name()));
    }
  }

  bool wants_items(std::string_view key) override { return list_named(key) != nullptr; }

  void member(json::Member&& member) override {
    list_ = nullptr;
    if (!fields_.is_known(member,
                          {"$schema", "ijlas_agenda", "conference", "days", "rooms", "tracks",
                           "speakers", "sessions"},
                          "the agenda") ||
        is_repeated(member)) {
      return;
    }
    if (member.key == "ijlas_agenda") {
      if (!member.value.is_number() || member.value.text() != "1") {
        diagnostics_.error(fields_.at(member.value),
                           "\"ijlas_agenda\" must be 1, the version of the "
                           "format this program reads");
      }
    } else if (member.key == "conference") {
      read_conference_member(member.value);
    } else if (const auto* list = list_named(member.key)) {
      if (member.key == "days") draft_.derive_days = false;
      if (fields_.member(&member.value, root_, member.key, json::Kind::kArray, "the agenda")) {
        list_ = list;
      }
    }
  }

  void item(json::Value&& entry) override {
    if (list_ == nullptr) return;  // a list given twice: its first is read
    if (!entry.is_object()) {
      diagnostics_.error(fields_.at(entry), "each of \"" + std::string(list_->first) +
                                                "\" must be a " + std::string(list_->second) +
                                                " object, not " + entry.kind_name());
      return;
    }
    const bool needs_conference = list_->first == "days" || list_->first == "sessions";
    if (needs_conference && conference_ != ConferenceState::kRead) {
      if (conference_ == ConferenceState::kNotYet)
        waiting_.emplace_back(list_->first, std::move(entry));
      return;
    }
    read_entry(list_->first, entry);
  }

  // The draft once the whole document was handed over; empty when it is no agenda at all.
  std::optional<AgendaDraft> finish() {
    if (!is_object_) return std::nullopt;
    if (conference_ == ConferenceState::kNotYet) {
      fields_.member(nullptr, root_, "conference", json::Kind::kObject, "the agenda", true);
    }
    if (conference_ != ConferenceState::kRead) return std::nullopt;
    return std::move(draft_);
  }

 private:
  enum class ConferenceState { kNotYet, kRead, kUnreadable };

  // A root member given again: the first is read, this one named so that nothing is lost unsaid.
  bool is_repeated(const json::Member& member) {
    for (const auto& [key, first] : seen_) {
      if (key != member.key) continue;
      diagnostics_.warning(fields_.at(member.key_position),
                           "\"" + member.key +
                               "\" is given twice in the agenda: this one is "
                               "ignored, the first (line " +
                               std::to_string(first.line) + ", column " +
                               std::to_string(first.column) + ") is read; keep one of them");
      return true;
    }
    seen_.emplace_back(member.key, member.key_position);
    return false;
  }

  void read_conference_member(const json::Value& value) {
    const bool readable =
        fields_.member(&value, root_, "conference", json::Kind::kObject, "the agenda", true);
    conference_ = readable ? ConferenceState::kRead : ConferenceState::kUnreadable;
    if (readable) {
      read_conference(value);
      for (const auto& [list, entry] : waiting_)
        read_entry(list, entry);
    }
    std::vector<std::pair<std::string_view, json::Value>>().swap(waiting_);
  }

  void read_entry(std::string_view list, const json::Value& entry) {
    if (list == "days") {
      read_day(entry);
    } else if (list == "rooms") {
      read_room(entry);
    } else if (list == "tracks") {
      read_track(entry);
    } else if (list == "speakers") {
      read_speaker(entry);
    } else {
      read_session(entry);
    }
  }

  void read_conference(const json::Value& object) {
    fields_.warn_unknown_members(object,
                                 {"acronym", "title", "subtitle", "venue", "city", "time_zone",
                                  "start", "end", "day_change", "sample", "note"},
                                 "the conference");
    Conference& conference = draft_.data.conference;
    conference.acronym = fields_.text(object, "acronym", "the conference");
    conference.title = fields_.localized(object, "title", "the conference");
    if (conference.title.empty()) {
      diagnostics_.warning(fields_.at(object), "the conference has no \"title\": add one");
    }
    conference.subtitle = fields_.localized(object, "subtitle", "the conference");
    conference.venue = fields_.localized(object, "venue", "the conference");
    conference.city = fields_.localized(object, "city", "the conference");
    conference.note = fields_.localized(object, "note", "the conference");
    if (const json::Value* sample =
            fields_.member(object, "sample", json::Kind::kBool, "the conference")) {
      conference.is_sample = sample->as_bool();
    }
    conference.time_zone = fields_.text(object, "time_zone", "the conference", true);
    if (const json::Value* zone = object.find("time_zone")) {
      draft_.time_zone = fields_.at(*zone);
      if (!conference.time_zone.empty()) {
        zone_ = TimeZone::find(conference.time_zone);
        if (!zone_) {
          diagnostics_.error(draft_.time_zone, "unknown time zone " + quoted(conference.time_zone) +
                                                   ": use an IANA name such as \"Asia/Karachi\"");
        }
      }
    }
    conference.start_date = read_date(object, "start", true);
    conference.end_date = read_date(object, "end", true);
    const json::Value* end = object.find("end");
    if (end != nullptr && conference.end_date < conference.start_date) {
      diagnostics_.error(fields_.at(*end), "the conference ends (" +
                                               time::format_date(conference.end_date) +
                                               ") before it starts (" +
                                               time::format_date(conference.start_date) + ")");
    }
    if (const json::Value* change = object.find("day_change")) {
      const auto seconds =
          change->is_string() ? time::parse_clock_time(change->text()) : std::nullopt;
      if (!seconds) {
        diagnostics_.error(fields_.at(*change), "\"day_change\" " + describe(*change) +
                                                    " is not a time: write it as \"HH:MM\"");
      } else {
        conference.day_change_seconds = *seconds;
      }
    }
  }

  std::string describe(const json::Value& value) {
    return value.is_string() || value.is_number() ? quoted(value.text()) : value.kind_name();
  }

  Date read_date(const json::Value& object, std::string_view key, bool required) {
    const json::Value* value = object.find(key);
    if (value == nullptr) {
      if (required) {
        diagnostics_.error(fields_.at(object), "the conference has no \"" + std::string(key) +
                                                   "\" date: add it as \"YYYY-MM-DD\"");
      }
      return {};
    }
    const auto date = value->is_string() ? time::parse_date(value->text()) : std::nullopt;
    if (!date) {
      diagnostics_.error(fields_.at(*value), "\"" + std::string(key) + "\" " + describe(*value) +
                                                 " is not a date: write it as \"YYYY-MM-DD\"");
      return {};
    }
    return *date;
  }

  // A date-time member; `had_offset` tells whether the text carried its own UTC offset.
  std::optional<Instant> read_instant(const json::Value& object, std::string_view key,
                                      std::string_view owner, bool& had_offset) {
    const json::Value* value = object.find(key);
    if (value == nullptr) return std::nullopt;
    const auto parsed = value->is_string() ? time::parse_date_time(value->text()) : std::nullopt;
    if (!parsed) {
      diagnostics_.error(fields_.at(*value),
                         "\"" + std::string(key) + "\" of " + std::string(owner) + " " +
                             describe(*value) +
                             " is not a date and time: write it as \"2025-11-26T09:30:00+05:00\"");
      return std::nullopt;
    }
    had_offset = parsed->offset_seconds.has_value();
    return to_instant(*parsed, zone_ ? &*zone_ : nullptr);
  }

  void read_room(const json::Value& object) {
    fields_.warn_unknown_members(object, {"id", "name"}, "a room");
    const std::string id = fields_.text(object, "id", "a room", true);
    const std::string owner = "room " + quoted(id);
    const LocalizedText name = fields_.localized(object, "name", owner);
    if (!id.empty() && !draft_.add_room_once(id, name)) {
      diagnostics_.error(fields_.at(object),
                         "room id " + quoted(id) + " is used twice: give each room its own id");
    }
  }

  void read_track(const json::Value& object) {
    fields_.warn_unknown_members(object, {"id", "name", "color"}, "a track");
    const std::string id = fields_.text(object, "id", "a track", true);
    const std::string owner = "track " + quoted(id);
    const LocalizedText name = fields_.localized(object, "name", owner);
    const std::string color = fields_.text(object, "color", owner);
    if (!color.empty() && !is_hex_color(color)) {
      diagnostics_.error(fields_.at(*object.find("color")),
                         "colour " + quoted(color) + " of " + owner + " must be \"#RRGGBB\"");
    }
    if (!id.empty() && !draft_.add_track_once(id, name, color)) {
      diagnostics_.error(fields_.at(object),
                         "track id " + quoted(id) + " is used twice: give each track its own id");
    }
  }

  void read_speaker(const json::Value& object) {
    fields_.warn_unknown_members(
        object, {"id", "name", "role", "organization", "biography", "photo"}, "a speaker");
    Speaker speaker;
    speaker.id = fields_.text(object, "id", "a speaker", true);
    const std::string owner = "speaker " + quoted(speaker.id);
    speaker.name = fields_.localized(object, "name", owner);
    if (speaker.name.empty()) {
      diagnostics_.warning(fields_.at(object), owner + " has no \"name\": add one");
    }
    speaker.role = fields_.localized(object, "role", owner);
    speaker.organization = fields_.localized(object, "organization", owner);
    speaker.biography = fields_.localized(object, "biography", owner);
    speaker.photo = fields_.text(object, "photo", owner);
    if (leads_out(speaker.photo)) {
      diagnostics_.warning(fields_.at(*object.find("photo")),
                           "photo " + quoted(speaker.photo) + " of " + owner +
                               " leads out of the agenda's folder (an absolute path or \"..\"): "
                               "it is not shown; name it from that folder, such as "
                               "\"photos/name.jpg\"");
      speaker.photo.clear();
    }
    if (!speaker.id.empty() && !draft_.add_speaker_once(speaker)) {
      diagnostics_.error(fields_.at(object), "speaker id " + quoted(speaker.id) +
                                                 " is used twice: give each speaker its own id");
    }
  }

  void read_day(const json::Value& object) {
    fields_.warn_unknown_members(object, {"index", "date", "start", "end"}, "a day");
    Day day;
    day.index = static_cast<int>(draft_.data.days.size()) + 1;
    if (const json::Value* index = fields_.member(object, "index", json::Kind::kNumber, "a day")) {
      const double number = index->as_number();
      if (number < 1 || number > 1000 || number != static_cast<int>(number)) {
        diagnostics_.error(fields_.at(*index), "day \"index\" " + quoted(index->text()) +
                                                   " must be a whole number from 1 to 1000");
      } else {
        day.index = static_cast<int>(number);
      }
    }
    const json::Value* date = object.find("date");
    const auto parsed = date && date->is_string() ? time::parse_date(date->text()) : std::nullopt;
    if (!parsed) {
      diagnostics_.error(date ? fields_.at(*date) : fields_.at(object),
                         "a day needs a \"date\" written as \"YYYY-MM-DD\"");
      return;
    }
    day.date = *parsed;
    const std::string owner = "day " + time::format_date(day.date);
    bool had_offset = false;
    const std::int64_t change = draft_.data.conference.day_change_seconds;
    const time::LocalDateTime default_start{day.date, static_cast<int>(change)};
    const time::ParsedDateTime fallback{default_start, std::nullopt};
    day.start = read_instant(object, "start", owner, had_offset)
                    .value_or(to_instant(fallback, zone_ ? &*zone_ : nullptr));
    const time::ParsedDateTime next{
        {time::date_from_days(time::days_from_date(day.date) + 1), static_cast<int>(change)},
        std::nullopt};
    day.end = read_instant(object, "end", owner, had_offset)
                  .value_or(to_instant(next, zone_ ? &*zone_ : nullptr));
    draft_.data.days.push_back(day);
  }

  SessionStatus read_status(const json::Value& object, const std::string& owner) {
    SessionStatus status;
    const json::Value* value = object.find("status");
    if (value == nullptr) return status;
    std::string state;
    if (value->is_string()) {
      state = value->text();
    } else if (value->is_object()) {
      fields_.warn_unknown_members(*value, {"state", "minutes", "room", "start"},
                                   "the status of " + owner);
      state = fields_.text(*value, "state", "the status of " + owner, true);
    } else {
      diagnostics_.error(
          fields_.at(*value),
          "\"status\" of " + owner + " must be a string or an object, not " + value->kind_name());
      return status;
    }
    if (state == "scheduled") return status;
    if (state == "cancelled") {
      status.state = SessionState::kCancelled;
    } else if (state == "delayed") {
      status.state = SessionState::kDelayed;
      const json::Value* minutes = value->is_object() ? value->find("minutes") : nullptr;
      if (minutes == nullptr || !minutes->is_number() || minutes->as_number() < 1 ||
          minutes->as_number() > 24 * 60 ||
          minutes->as_number() != static_cast<int>(minutes->as_number())) {
        diagnostics_.error(
            fields_.at(minutes ? *minutes : *value),
            "a delayed " + owner + " needs \"minutes\": a whole number from 1 to 1440");
      } else {
        status.delay_minutes = static_cast<int>(minutes->as_number());
      }
    } else if (state == "moved") {
      status.state = SessionState::kMoved;
      if (value->is_object()) {
        status.moved_to_room = fields_.text(*value, "room", "the status of " + owner);
        bool had_offset = false;
        status.moved_to_start = read_instant(*value, "start", "the status of " + owner, had_offset);
      }
      if (status.moved_to_room.empty() && !status.moved_to_start) {
        diagnostics_.error(fields_.at(*value),
                           "a moved " + owner + " needs the new \"room\", \"start\" or both");
      }
    } else {
      diagnostics_.error(fields_.at(*value), "unknown status " + quoted(state) + " of " + owner +
                                                 ": use \"scheduled\", \"delayed\", \"cancelled\" "
                                                 "or \"moved\"");
    }
    return status;
  }

  void read_session(const json::Value& object) {
    fields_.warn_unknown_members(object,
                                 {"id", "title", "subtitle", "abstract", "start", "end", "duration",
                                  "room", "track", "type", "language", "url", "speakers", "status"},
                                 "a session");
    ++draft_.events_in_file;
    Session session;
    SessionSource source;
    source.session = fields_.at(object);
    session.id = fields_.text(object, "id", "a session", true);
    const std::string owner = "session " + quoted(session.id);
    session.title = fields_.localized(object, "title", owner);
    if (session.title.empty()) {
      diagnostics_.warning(source.session, owner + " has no \"title\": add one");
    }
    session.subtitle = fields_.localized(object, "subtitle", owner);
    session.abstract = fields_.localized(object, "abstract", owner);
    session.room = fields_.text(object, "room", owner, true);
    session.track = fields_.text(object, "track", owner);
    session.type = fields_.text(object, "type", owner);
    session.language = fields_.text(object, "language", owner);
    session.url = fields_.text(object, "url", owner);
    if (!session.url.empty() && !is_web_address(session.url)) {
      diagnostics_.warning(fields_.at(*object.find("url")),
                           "the \"url\" " + quoted(session.url) + " of " + owner +
                               " is not an http:// or https:// address: the session page shows "
                               "no QR code for it");
      session.url.clear();
    }
    if (const json::Value* room = object.find("room")) source.room = fields_.at(*room);
    if (const json::Value* speakers =
            fields_.member(object, "speakers", json::Kind::kArray, owner)) {
      for (const json::Value& speaker : speakers->items()) {
        if (!speaker.is_string() || speaker.text().empty()) {
          diagnostics_.error(fields_.at(speaker),
                             "each speaker of " + owner + " must be a speaker id (a string)");
          continue;
        }
        session.speakers.push_back(speaker.text());
        source.speakers.push_back(fields_.at(speaker));
      }
    }
    session.status = read_status(object, owner);

    const json::Value* start = object.find("start");
    if (start == nullptr) {
      diagnostics_.error(source.session, owner +
                                             " has no \"start\": add it as "
                                             "\"2025-11-26T09:30:00+05:00\"");
      return;
    }
    source.start = fields_.at(*start);
    const auto start_instant = read_instant(object, "start", owner, source.start_has_offset);
    if (!start_instant) return;
    session.start = *start_instant;
    if (!read_end(object, owner, session, source)) return;
    draft_.add_session(std::move(session), std::move(source));
  }

  // "end" as a date-time or a bare "HH:MM" on the start's date, or "duration" as "HH:MM".
  bool read_end(const json::Value& object, const std::string& owner, Session& session,
                SessionSource& source) {
    const json::Value* end = object.find("end");
    const json::Value* duration = object.find("duration");
    if (end != nullptr && duration != nullptr) {
      diagnostics_.error(fields_.at(*duration),
                         owner + " has both \"end\" and \"duration\": keep one of them");
      return false;
    }
    if (duration != nullptr) {
      source.end = fields_.at(*duration);
      const auto seconds =
          duration->is_string() ? time::parse_duration(duration->text()) : std::nullopt;
      if (!seconds) {
        diagnostics_.error(source.end, "\"duration\" of " + owner + " " + describe(*duration) +
                                           " is not a duration: write it as \"HH:MM\"");
        return false;
      }
      session.end = {session.start.utc_seconds + *seconds, session.start.offset_seconds};
      source.end_has_offset = source.start_has_offset;
      return true;
    }
    if (end == nullptr) {
      diagnostics_.error(source.session, owner + " has no \"end\" or \"duration\": add one");
      return false;
    }
    source.end = fields_.at(*end);
    if (end->is_string()) {
      if (const auto clock = time::parse_clock_time(end->text())) {
        const time::ParsedDateTime parsed{{time::local_date_of(session.start), *clock},
                                          session.start.offset_seconds};
        session.end = to_instant(parsed, nullptr);
        source.end_has_offset = source.start_has_offset;
        return true;
      }
    }
    const auto end_instant = read_instant(object, "end", owner, source.end_has_offset);
    if (!end_instant) return false;
    session.end = *end_instant;
    return true;
  }

  JsonFieldReader fields_;
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  std::optional<TimeZone> zone_;
  TextPosition root_;
  bool is_object_ = true;
  ConferenceState conference_ = ConferenceState::kNotYet;
  const std::pair<std::string_view, std::string_view>* list_ = nullptr;  // whose items come
  std::vector<std::pair<std::string, TextPosition>> seen_;         // the root members read, where
  std::vector<std::pair<std::string_view, json::Value>> waiting_;  // for the conference
};

}  // namespace

std::optional<AgendaDraft> load_native_json(std::string_view bytes, const std::string& file,
                                            DiagnosticList& diagnostics) {
  const std::size_t before = diagnostics.items().size();
  NativeReader reader(file, diagnostics);
  const std::optional<TextError> error = json::read_root_members(bytes, reader);
  if (!error) return reader.finish();
  // A file that is not JSON gets its syntax error alone, as every JSON format's does: what was
  // said of its members before it is let go, and said again once the file can be read.
  diagnostics.keep_first(before);
  diagnostics.error({file, error->position}, error->message);
  return std::nullopt;
}

}  // namespace ijlas::agenda
