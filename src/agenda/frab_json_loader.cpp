#include "agenda/frab_schedule.hpp"

#include <unordered_map>

#include "agenda/frab_event.hpp"
#include "agenda/json_fields.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"

namespace ijlas::agenda {
namespace {

class FrabJsonReader {
 public:
  FrabJsonReader(const std::string& file, const TimeZone* venue_zone, DiagnosticList& diagnostics)
      : fields_(file, diagnostics), venue_zone_(venue_zone), diagnostics_(diagnostics) {}

  std::optional<AgendaDraft> read(const json::Value& root) {
    draft_.first_position = fields_.at(TextPosition{1, 1});
    if (!root.is_object()) {
      diagnostics_.error(fields_.at(root), "a schedule.json must be an object");
      return std::nullopt;
    }
    const json::Value* schedule =
        fields_.member(root, "schedule", json::Kind::kObject, "the document", true);
    if (schedule == nullptr) return std::nullopt;
    const json::Value* conference =
        fields_.member(*schedule, "conference", json::Kind::kObject, "the schedule", true);
    if (conference == nullptr) return std::nullopt;
    read_conference(*conference);
    // Version 2 (the CCC hub's schema2.json) lists events under schedule.events, not per day.
    const json::Value* events =
        fields_.member(*schedule, "events", json::Kind::kArray, "the schedule");
    const json::Value* days = fields_.member(*conference, "days", json::Kind::kArray,
                                             "the conference", events == nullptr);
    if (days == nullptr && events == nullptr) return std::nullopt;
    if (days != nullptr) {
      for (const json::Value& day : days->items()) {
        if (!day.is_object()) {
          diagnostics_.error(fields_.at(day), "each of \"days\" must be an object");
          continue;
        }
        read_day(day);
      }
    }
    if (events != nullptr) read_events(*schedule, *events);
    return std::move(draft_);
  }

 private:
  void read_conference(const json::Value& object) {
    Conference& conference = draft_.data.conference;
    conference.acronym = fields_.text(object, "acronym", "the conference");
    conference.title = fields_.localized(object, "title", "the conference");
    conference.subtitle = fields_.localized(object, "subtitle", "the conference");
    conference.venue = fields_.localized(object, "venue", "the conference");
    conference.city = fields_.localized(object, "city", "the conference");
    conference.time_zone = fields_.text(object, "time_zone_name", "the conference");
    if (const json::Value* zone = object.find("time_zone_name"))
      draft_.time_zone = fields_.at(*zone);
    if (!conference.time_zone.empty()) {
      zone_ = TimeZone::find(conference.time_zone);
      if (!zone_) {
        diagnostics_.warning(draft_.time_zone, "unknown time zone " + quoted(conference.time_zone) +
                                                   ": the offsets in the data are used");
      }
    }
    const auto read_date = [&](std::string_view key, Date& out) {
      const std::string text = fields_.text(object, key, "the conference");
      if (const auto date = time::parse_date(text)) out = *date;
    };
    read_date("start", conference.start_date);
    read_date("end", conference.end_date);
    if (const json::Value* change = object.find("day_change"); change && change->is_string()) {
      if (const auto seconds = time::parse_clock_time(change->text())) {
        conference.day_change_seconds = *seconds;
        has_day_change_ = true;
      }
    }
    if (const json::Value* rooms = object.find("rooms"); rooms && rooms->is_array()) {
      for (const json::Value& room : rooms->items()) {
        if (!room.is_object()) continue;
        const std::string name = fields_.text(room, "name", "a room");
        if (name.empty()) continue;
        draft_.add_room_once(name, text_in_its_script(name));
        const std::string guid = fields_.text(room, "guid", "a room");
        if (!guid.empty()) room_names_[guid] = name;
      }
    }
    if (const json::Value* tracks = object.find("tracks"); tracks && tracks->is_array()) {
      for (const json::Value& track : tracks->items()) {
        if (!track.is_object()) continue;
        const std::string name = fields_.text(track, "name", "a track");
        const std::string slug = fields_.text(track, "slug", "a track");
        std::string color = fields_.text(track, "color", "a track");
        if (const json::Value* colors = track.find("colors");
            color.empty() && colors && colors->is_object())  // version 2
          color = fields_.text(*colors, "light", "a track");
        if (!is_hex_color(color)) color.clear();
        if (!name.empty())
          draft_.add_track_once(slug.empty() ? name : slug, text_in_its_script(name), color);
      }
    }
  }

  void read_day(const json::Value& object) {
    const int index = static_cast<int>(draft_.data.days.size()) + 1;
    const std::string date = fields_.text(object, "date", "a day", true);
    // Version 1 writes day_start and day_end, version 2 start and end.
    const char* start_key = object.find("day_start") ? "day_start" : "start";
    const char* end_key = object.find("day_end") ? "day_end" : "end";
    const std::string start = fields_.text(object, start_key, "a day");
    const std::string end = fields_.text(object, end_key, "a day");
    if (!has_day_change_ && draft_.data.days.empty()) {
      // Without day_change the first day's start tells when a conference day begins.
      if (const auto parsed = time::parse_date_time(start)) {
        draft_.data.conference.day_change_seconds = parsed->local.seconds_of_day;
      }
    }
    const FrabDayContext context{{}, draft_.data.conference.day_change_seconds, floating_zone()};
    const auto day =
        make_frab_day(index, date, start, end, context, fields_.at(object), diagnostics_);
    if (!day) return;
    draft_.data.days.push_back(*day);
    const FrabDayContext event_context{day->date, context.day_change_seconds, context.zone};
    const json::Value* rooms = fields_.member(object, "rooms", json::Kind::kObject, "a day");
    if (rooms == nullptr) return;
    for (const json::Member& room : rooms->members()) {
      if (!room.value.is_array()) {
        diagnostics_.error(fields_.at(room.value), "room " + quoted(room.key) +
                                                       " must list its events "
                                                       "in an array");
        continue;
      }
      for (const json::Value& event : room.value.items()) {
        if (!event.is_object()) {
          diagnostics_.error(fields_.at(event), "each event must be an object");
          continue;
        }
        add_frab_event(read_event(event, room.key), event_context, draft_, diagnostics_);
      }
    }
  }

  void read_events(const json::Value& schedule, const json::Value& events) {
    if (const json::Value* persons = schedule.find("persons"); persons && persons->is_array()) {
      for (const json::Value& person : persons->items()) {
        if (!person.is_object()) continue;
        const std::string guid = fields_.text(person, "guid", "a person");
        if (!guid.empty()) biographies_[guid] = fields_.text(person, "biography", "a person");
      }
    }
    const FrabDayContext context{{}, draft_.data.conference.day_change_seconds, floating_zone()};
    for (const json::Value& event : events.items()) {
      if (!event.is_object()) {
        diagnostics_.error(fields_.at(event), "each of \"events\" must be an object");
        continue;
      }
      add_frab_event(read_event(event, ""), context, draft_, diagnostics_);
    }
  }

  // A version 2 room reference: {"name", "slug", "guid"}, the name found by guid when absent.
  std::string room_of(const json::Value& reference) {
    std::string name = fields_.text(reference, "name", "a room");
    if (name.empty()) {
      const auto found = room_names_.find(fields_.text(reference, "guid", "a room"));
      if (found != room_names_.end()) name = found->second;
    }
    return name;
  }

  // Version 2 allows an abstract in several languages, {"en": …, "de": …}: English first.
  std::string text_in_any_language(const json::Value& object, std::string_view key) {
    const json::Value* value = object.find(key);
    if (value == nullptr || !value->is_object()) return fields_.text(object, key, "an event");
    if (const json::Value* english = value->find("en"); english && english->is_string())
      return english->text();
    for (const json::Member& member : value->members()) {
      if (member.value.is_string()) return member.value.text();
    }
    return {};
  }

  FrabEvent read_event(const json::Value& object, const std::string& room) {
    FrabEvent event;
    event.position = fields_.at(object);
    const auto text = [&](std::string_view key, SourcePosition* position = nullptr) {
      const json::Value* value = object.find(key);
      if (position != nullptr) *position = value ? fields_.at(*value) : event.position;
      return fields_.text(object, key, "an event");
    };
    event.id = text("id");
    event.guid = text("guid");
    event.date = text("date", &event.date_position);
    event.start = text("start", &event.start_position);
    if (event.date.empty() && time::parse_date_time(event.start)) {
      event.date = event.start;  // version 2: start is the instant
      event.date_position = event.start_position;
    }
    event.duration = text("duration", &event.duration_position);
    event.end = text("end", &event.end_position);
    if (const json::Value* reference = object.find("room"); reference && reference->is_object()) {
      event.room = room_of(*reference);
      event.room_position = fields_.at(*reference);
    } else {
      event.room = text("room", &event.room_position);
    }
    if (event.room.empty()) event.room = room;
    event.title = text("title");
    event.subtitle = text("subtitle");
    if (const json::Value* track = object.find("track"); track && track->is_object()) {
      event.track_name = fields_.text(*track, "name", "a track");
      event.track_id = fields_.text(*track, "slug", "a track");
    } else {
      event.track_name = text("track");
    }
    event.type = text("type");
    event.language = text("language");
    event.url = text("url", &event.url_position);
    event.abstract = text_in_any_language(object, "abstract");
    event.description = text_in_any_language(object, "description");
    const json::Value* persons = object.find("persons");
    if (persons == nullptr) persons = object.find("participants");  // version 2
    if (persons != nullptr && persons->is_array()) {
      for (const json::Value& person : persons->items()) {
        if (!person.is_object()) continue;
        FrabPerson entry;
        entry.position = fields_.at(person);
        entry.id = fields_.text(person, "id", "a person");
        if (entry.id.empty()) entry.id = fields_.text(person, "guid", "a person");
        entry.name = fields_.text(person, "public_name", "a person");
        if (entry.name.empty()) entry.name = fields_.text(person, "name", "a person");
        entry.biography = fields_.text(person, "biography", "a person");
        if (const auto found = biographies_.find(entry.id);
            entry.biography.empty() && found != biographies_.end())
          entry.biography = found->second;
        event.persons.push_back(std::move(entry));
      }
    }
    return event;
  }

  // The zone of times without an offset: the schedule's own, else the venue's.
  const TimeZone* floating_zone() const { return zone_ ? &*zone_ : venue_zone_; }

  JsonFieldReader fields_;
  const TimeZone* venue_zone_;
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  std::optional<TimeZone> zone_;  // the schedule's own
  bool has_day_change_ = false;
  std::unordered_map<std::string, std::string> room_names_;   // version 2: room guid → name
  std::unordered_map<std::string, std::string> biographies_;  // version 2: person guid → text
};

}  // namespace

std::optional<AgendaDraft> load_frab_json(std::string_view bytes, const std::string& file,
                                          DiagnosticList& diagnostics, const TimeZone* venue_zone) {
  const std::optional<json::Value> root = parse_json_document(bytes, file, diagnostics);
  if (!root) return std::nullopt;
  return load_frab_json(*root, file, diagnostics, venue_zone);
}

std::optional<AgendaDraft> load_frab_json(const json::Value& root, const std::string& file,
                                          DiagnosticList& diagnostics, const TimeZone* venue_zone) {
  return FrabJsonReader(file, venue_zone, diagnostics).read(root);
}

}  // namespace ijlas::agenda
