#include "agenda/indico_loader.hpp"

#include "agenda/html_text.hpp"
#include "agenda/json_fields.hpp"
#include "agenda/time_zone.hpp"
#include "core/json_value.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

using utf8::trimmed;

// English only: a bilingual name in an export without Urdu would make every other text look
// untranslated to the validator.
const LocalizedText kVenueRoomName{"", "Whole venue"};

class IndicoReader {
 public:
  IndicoReader(const std::string& file, DiagnosticList& diagnostics)
      : fields_(file, diagnostics), diagnostics_(diagnostics) {}

  std::optional<AgendaDraft> read(const json::Value& root) {
    draft_.first_position = fields_.at(TextPosition{1, 1});
    draft_.derive_days = true;
    if (!root.is_object()) {
      diagnostics_.error(fields_.at(root), "an Indico export must be an object");
      return std::nullopt;
    }
    const json::Value* results =
        fields_.member(root, "results", json::Kind::kArray, "the export", true);
    if (results == nullptr) return std::nullopt;
    if (results->items().empty() || !results->items().front().is_object()) {
      diagnostics_.error(fields_.at(*results),
                         "the export holds no event: export it with ?detail=contributions");
      return std::nullopt;
    }
    if (results->items().size() > 1) {
      diagnostics_.warning(fields_.at(results->items()[1]),
                           "the export holds " + std::to_string(results->items().size()) +
                               " events: only the first is shown; export one event per file");
    }
    const json::Value& event = results->items().front();
    read_event(event);
    const json::Value* contributions =
        fields_.member(event, "contributions", json::Kind::kArray, "the event", true);
    if (contributions == nullptr) return std::nullopt;
    for (const json::Value& contribution : contributions->items()) {
      if (!contribution.is_object()) {
        diagnostics_.error(fields_.at(contribution), "each contribution must be an object");
        continue;
      }
      read_contribution(contribution);
    }
    if (roomless_ > 0) {
      diagnostics_.warning(draft_.first_position,
                           std::to_string(roomless_) +
                               (roomless_ == 1 ? " contribution has" : " contributions have") +
                               " no room: shown in the venue-wide row " +
                               quoted(kVenueRoomName.en));
    }
    return std::move(draft_);
  }

 private:
  void read_event(const json::Value& event) {
    Conference& conference = draft_.data.conference;
    conference.title = text_in_its_script(trimmed(fields_.text(event, "title", "the event")));
    conference.venue = text_in_its_script(trimmed(fields_.text(event, "location", "the event")));
    conference.time_zone = trimmed(fields_.text(event, "timezone", "the event"));
    if (const json::Value* zone = event.find("timezone")) draft_.time_zone = fields_.at(*zone);
    zone_ = TimeZone::find(conference.time_zone.empty() ? "UTC" : conference.time_zone);
    if (!zone_) {
      diagnostics_.warning(draft_.time_zone, "unknown time zone " + quoted(conference.time_zone) +
                                                 ": times are shown in UTC");
      conference.time_zone = "UTC";
      zone_ = TimeZone::find("UTC");
    } else if (conference.time_zone.empty()) {
      conference.time_zone = "UTC";
    }
    event_room_ = trimmed(fields_.text(event, "room", "the event"));
  }

  // {"date": "2021-09-15", "time": "11:00:00", "tz": "UTC"}: an exact instant, shown in the
  // event's zone.
  std::optional<Instant> instant(const json::Value& object, std::string_view key,
                                 const std::string& owner, SourcePosition& position) {
    const json::Value* value = object.find(key);
    position = value ? fields_.at(*value) : fields_.at(object);
    if (value == nullptr || !value->is_object()) {
      diagnostics_.error(position, owner + " has no \"" + std::string(key) +
                                       "\" as {\"date\", \"time\", \"tz\"}: schedule it in "
                                       "Indico's timetable and export again");
      return std::nullopt;
    }
    const std::string date = trimmed(fields_.text(*value, "date", owner));
    const std::string clock = trimmed(fields_.text(*value, "time", owner));
    const std::string zone_name = trimmed(fields_.text(*value, "tz", owner));
    const auto parsed = time::parse_date_time(date + "T" + clock);
    if (!parsed) {
      diagnostics_.error(position, std::string(key) + " " + quoted(date + " " + clock) + " of " +
                                       owner + " is not a date and time");
      return std::nullopt;
    }
    const std::optional<TimeZone> zone = zone_name.empty() ? zone_ : TimeZone::find(zone_name);
    if (!zone) {
      diagnostics_.error(position, "time zone " + quoted(zone_name) + " of " + owner +
                                       " is unknown: use an IANA name such as \"Europe/Warsaw\"");
      return std::nullopt;
    }
    const std::int64_t utc = to_instant(*parsed, &*zone).utc_seconds;
    return zone_ ? zone_->at(utc) : Instant{utc, 0};
  }

  void read_people(const json::Value& list, Session& session, SessionSource& source) {
    for (const json::Value& person : list.items()) {
      if (!person.is_object()) continue;
      std::string name = trimmed(trimmed(fields_.text(person, "first_name", "a person")) + " " +
                                 trimmed(fields_.text(person, "last_name", "a person")));
      if (name.empty()) name = trimmed(fields_.text(person, "fullName", "a person"));
      std::string id = trimmed(fields_.text(person, "person_id", "a person"));
      if (id.empty()) id = trimmed(fields_.text(person, "id", "a person"));
      if (id.empty()) id = name;
      if (id.empty()) continue;
      id = "person-" + id;
      Speaker speaker;
      speaker.id = id;
      speaker.name = text_in_its_script(name);
      speaker.organization =
          text_in_its_script(trimmed(fields_.text(person, "affiliation", "a person")));
      draft_.add_speaker_once(std::move(speaker));
      session.speakers.push_back(id);
      source.speakers.push_back(fields_.at(person));
    }
  }

  void read_contribution(const json::Value& object) {
    Session session;
    SessionSource source;
    source.session = fields_.at(object);
    session.id = trimmed(fields_.text(object, "id", "a contribution", true));
    if (session.id.empty()) return;
    const std::string owner = "contribution " + quoted(session.id);
    session.title = text_in_its_script(trimmed(fields_.text(object, "title", owner)));
    session.abstract =
        text_in_its_script(html_to_text(trimmed(fields_.text(object, "description", owner))));
    session.type = trimmed(fields_.text(object, "type", owner));
    const auto start = instant(object, "startDate", owner, source.start);
    const auto end = instant(object, "endDate", owner, source.end);
    if (!start || !end) return;
    session.start = *start;
    session.end = *end;
    source.start_has_offset = source.end_has_offset = true;

    for (const std::string_view key : {"room", "roomFullname", "location"}) {
      if (!session.room.empty()) break;
      session.room = trimmed(fields_.text(object, key, owner));
      if (const json::Value* value = object.find(key)) source.room = fields_.at(*value);
    }
    if (session.room.empty()) session.room = event_room_;
    if (session.room.empty()) {
      ++roomless_;
      session.room = std::string(kIndicoVenueRoomId);
      draft_.add_room_once(session.room, kVenueRoomName);
    } else {
      draft_.add_room_once(session.room, text_in_its_script(session.room));
    }
    // Indico's "session" is the block a contribution is scheduled in; its "track" the call for
    // papers' category. The block is what a visitor follows through the day.
    std::string track = trimmed(fields_.text(object, "session", owner));
    if (track.empty()) track = trimmed(fields_.text(object, "track", owner));
    if (!track.empty()) {
      session.track = track;
      draft_.add_track_once(track, text_in_its_script(track), "");
    }
    // Speakers are who presents; exports that name none list the authors instead.
    const json::Value* speakers = object.find("speakers");
    const bool any_speaker = speakers && speakers->is_array() && !speakers->items().empty();
    if (any_speaker) {
      read_people(*speakers, session, source);
    } else if (const json::Value* authors = object.find("primaryauthors");
               authors && authors->is_array()) {
      read_people(*authors, session, source);
    }
    draft_.add_session(std::move(session), std::move(source));
  }

  JsonFieldReader fields_;
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  std::optional<TimeZone> zone_;
  std::string event_room_;
  int roomless_ = 0;
};

}  // namespace

std::optional<AgendaDraft> load_indico(std::string_view bytes, const std::string& file,
                                       DiagnosticList& diagnostics) {
  const std::optional<json::Value> root = parse_json_document(bytes, file, diagnostics);
  if (!root) return std::nullopt;
  return load_indico(*root, file, diagnostics);
}

std::optional<AgendaDraft> load_indico(const json::Value& root, const std::string& file,
                                       DiagnosticList& diagnostics) {
  return IndicoReader(file, diagnostics).read(root);
}

}  // namespace ijlas::agenda
