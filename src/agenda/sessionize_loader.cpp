#include "agenda/sessionize_loader.hpp"

#include <cctype>
#include <unordered_map>

#include "agenda/json_fields.hpp"
#include "agenda/time_zone.hpp"
#include "core/json_value.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

using utf8::trimmed;

class SessionizeReader {
 public:
  SessionizeReader(const std::string& file, DiagnosticList& diagnostics)
      : fields_(file, diagnostics), diagnostics_(diagnostics) {}

  std::optional<AgendaDraft> read(const json::Value& root, std::string_view venue_zone) {
    draft_.first_position = fields_.at(TextPosition{1, 1});
    draft_.derive_days = true;
    if (!root.is_object()) {
      diagnostics_.error(fields_.at(root), "a Sessionize export must be an object");
      return std::nullopt;
    }
    const json::Value* sessions =
        fields_.member(root, "sessions", json::Kind::kArray, "the export", true);
    if (sessions == nullptr) return std::nullopt;
    read_zone(venue_zone);
    read_rooms(root);
    read_categories(root);
    read_speakers(root);
    for (const json::Value& session : sessions->items()) {
      if (!session.is_object()) {
        diagnostics_.error(fields_.at(session), "each of \"sessions\" must be an object");
        continue;
      }
      // The grouped export ("view/Sessions") nests each group's sessions one level down.
      if (const json::Value* group = session.find("sessions"); group && group->is_array()) {
        for (const json::Value& inner : group->items()) {
          if (inner.is_object()) read_session(inner);
        }
        continue;
      }
      read_session(session);
    }
    return std::move(draft_);
  }

 private:
  void read_zone(std::string_view venue_zone) {
    draft_.data.conference.time_zone = std::string(venue_zone);
    zone_ = TimeZone::find(venue_zone);
    diagnostics_.warning(draft_.first_position,
                         "Sessionize times carry no time zone: they are read in " +
                             quoted(venue_zone) + ", the venue's zone");
  }

  void read_rooms(const json::Value& root) {
    const json::Value* rooms = fields_.member(root, "rooms", json::Kind::kArray, "the export");
    if (rooms == nullptr) return;
    for (const json::Value& room : rooms->items()) {
      if (!room.is_object()) continue;
      const std::string id = trimmed(fields_.text(room, "id", "a room", true));
      const std::string name = trimmed(fields_.text(room, "name", "a room"));
      if (id.empty()) continue;
      draft_.add_room_once(id, text_in_its_script(name.empty() ? id : name));
    }
  }

  // Category items ("Track: Cloud", "Level: Beginner") by id; the first item of a session whose
  // category is named like a track becomes its track, otherwise its first item at all.
  void read_categories(const json::Value& root) {
    const json::Value* categories =
        fields_.member(root, "categories", json::Kind::kArray, "the export");
    if (categories == nullptr) return;
    for (const json::Value& category : categories->items()) {
      if (!category.is_object()) continue;
      std::string title = fields_.text(category, "title", "a category");
      for (char& c : title)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const bool track_like =
          title.find("track") != std::string::npos || title.find("topic") != std::string::npos;
      const json::Value* items = category.find("items");
      if (items == nullptr || !items->is_array()) continue;
      for (const json::Value& item : items->items()) {
        if (!item.is_object()) continue;
        const std::string id = trimmed(fields_.text(item, "id", "a category item"));
        const std::string name = trimmed(fields_.text(item, "name", "a category item"));
        if (!id.empty() && !name.empty()) category_items_[id] = {name, track_like};
      }
    }
  }

  void read_speakers(const json::Value& root) {
    const json::Value* speakers =
        fields_.member(root, "speakers", json::Kind::kArray, "the export");
    if (speakers == nullptr) return;
    for (const json::Value& entry : speakers->items()) {
      if (!entry.is_object()) continue;
      Speaker speaker;
      speaker.id = trimmed(fields_.text(entry, "id", "a speaker", true));
      if (speaker.id.empty()) continue;
      std::string name = trimmed(fields_.text(entry, "fullName", "a speaker"));
      if (name.empty()) {
        name = trimmed(trimmed(fields_.text(entry, "firstName", "a speaker")) + " " +
                       trimmed(fields_.text(entry, "lastName", "a speaker")));
      }
      speaker.name = text_in_its_script(name);
      speaker.role = text_in_its_script(trimmed(fields_.text(entry, "tagLine", "a speaker")));
      speaker.biography = text_in_its_script(trimmed(fields_.text(entry, "bio", "a speaker")));
      draft_.add_speaker_once(std::move(speaker));
    }
  }

  void read_session(const json::Value& object) {
    std::optional<JsonFieldReader::SessionBegun> begun = fields_.begin_session(object);
    if (!begun) return;
    auto& [session, source, owner] = *begun;
    const json::Value* starts = object.find("startsAt");
    if (starts == nullptr || starts->is_null()) {
      // Accepted but not yet placed in the grid: Sessionize lists them without times.
      diagnostics_.warning(source.session, owner +
                                               " has no time yet (\"startsAt\" is empty): "
                                               "it is left out until it is scheduled");
      return;
    }
    session.title = text_in_its_script(trimmed(fields_.text(object, "title", owner)));
    session.abstract = text_in_its_script(trimmed(fields_.text(object, "description", owner)));
    const bool service = object.find("isServiceSession") &&
                         object.find("isServiceSession")->is_bool() &&
                         object.find("isServiceSession")->as_bool();
    session.type = service ? "break" : "talk";

    const json::Value* room = object.find("roomId");
    source.room = room ? fields_.at(*room) : source.session;
    session.room = trimmed(fields_.text(object, "roomId", owner));
    if (session.room.empty()) {
      const std::string name = trimmed(fields_.text(object, "room", owner));
      session.room = name;
      if (!name.empty()) draft_.add_room_once(name, text_in_its_script(name));
    }
    if (session.room.empty()) {
      diagnostics_.error(source.room, owner + " has no room: give it one in Sessionize");
      return;
    }
    if (const json::Value* items = object.find("categoryItems"); items && items->is_array()) {
      std::string first;
      for (const json::Value& item : items->items()) {
        const auto found = category_items_.find(item.text());
        if (found == category_items_.end()) continue;
        if (first.empty()) first = item.text();
        if (found->second.track_like) {
          first = item.text();
          break;
        }
      }
      if (!first.empty()) {
        session.track = first;
        draft_.add_track_once(first, text_in_its_script(category_items_[first].name), "");
      }
    }
    if (const json::Value* speakers = object.find("speakers"); speakers && speakers->is_array()) {
      for (const json::Value& speaker : speakers->items()) {
        // "speakers" holds ids in the All export, {id, name} objects in the grouped one.
        const json::Value* id = speaker.is_object() ? speaker.find("id") : &speaker;
        if (id == nullptr || !(id->is_string() || id->is_number())) continue;
        session.speakers.push_back(trimmed(id->text()));
        source.speakers.push_back(fields_.at(speaker));
      }
    }
    const JsonFieldReader::DateTimeRules rules{zone_ ? &*zone_ : nullptr, false,
                                               "2025-05-10T09:55:00"};
    const auto start =
        fields_.instant(object, "startsAt", owner, rules, source.start, source.start_has_offset);
    const auto end =
        fields_.instant(object, "endsAt", owner, rules, source.end, source.end_has_offset);
    if (!start || !end) return;
    session.start = *start;
    session.end = *end;
    draft_.add_session(std::move(session), std::move(source));
  }

  struct CategoryItem {
    std::string name;
    bool track_like = false;
  };

  JsonFieldReader fields_;
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  std::optional<TimeZone> zone_;
  std::unordered_map<std::string, CategoryItem> category_items_;
};

}  // namespace

std::optional<AgendaDraft> load_sessionize(std::string_view bytes, const std::string& file,
                                           std::string_view venue_zone,
                                           DiagnosticList& diagnostics) {
  const std::optional<json::Value> root = parse_json_document(bytes, file, diagnostics);
  if (!root) return std::nullopt;
  return load_sessionize(*root, file, venue_zone, diagnostics);
}

std::optional<AgendaDraft> load_sessionize(const json::Value& root, const std::string& file,
                                           std::string_view venue_zone,
                                           DiagnosticList& diagnostics) {
  return SessionizeReader(file, diagnostics).read(root, venue_zone);
}

}  // namespace ijlas::agenda
