#include "agenda/opass_loader.hpp"

#include <unordered_map>

#include "agenda/json_fields.hpp"
#include "core/json_value.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

using utf8::trimmed;

class OpassReader {
 public:
  OpassReader(const std::string& file, DiagnosticList& diagnostics)
      : fields_(file, diagnostics), diagnostics_(diagnostics) {}

  std::optional<AgendaDraft> read(const json::Value& root) {
    draft_.first_position = fields_.at(TextPosition{1, 1});
    draft_.derive_days = true;
    if (!root.is_object()) {
      diagnostics_.error(fields_.at(root), "an OPass session.json must be an object");
      return std::nullopt;
    }
    const json::Value* sessions =
        fields_.member(root, "sessions", json::Kind::kArray, "the file", true);
    if (sessions == nullptr) return std::nullopt;
    read_named(root, "rooms", "a room", [&](const std::string& id, const LocalizedText& name) {
      draft_.add_room_once(id, name);
    });
    read_named(root, "tags", "a tag", [&](const std::string& id, const LocalizedText& name) {
      draft_.add_track_once(id, name, "");
    });
    if (const json::Value* types =
            fields_.member(root, "session_types", json::Kind::kArray, "the file")) {
      for (const json::Value& entry : types->items()) {
        if (!entry.is_object()) continue;
        const std::string id = trimmed(fields_.text(entry, "id", "a session type"));
        // The English name: it is what a type is matched on ("Keynote", "Event").
        if (!id.empty()) types_[id] = in_language(entry, "en", "name");
      }
    }
    read_speakers(root);
    for (const json::Value& session : sessions->items()) {
      if (!session.is_object()) {
        diagnostics_.error(fields_.at(session), "each of \"sessions\" must be an object");
        continue;
      }
      read_session(session);
    }
    return std::move(draft_);
  }

 private:
  // Rooms and tags: {"id", "zh": {"name"}, "en": {"name"}} each.
  template <typename Add>
  void read_named(const json::Value& root, std::string_view key, std::string_view owner, Add add) {
    const json::Value* list = fields_.member(root, key, json::Kind::kArray, "the file");
    if (list == nullptr) return;
    for (const json::Value& entry : list->items()) {
      if (!entry.is_object()) continue;
      const std::string id = trimmed(fields_.text(entry, "id", owner));
      if (!id.empty()) add(id, text_in_its_script(named(entry, "name", id)));
    }
  }

  std::string in_language(const json::Value& object, std::string_view language,
                          std::string_view key) {
    const json::Value* block = object.find(language);
    if (block == nullptr || !block->is_object()) return {};
    return trimmed(fields_.text(*block, key, "\"" + std::string(language) + "\""));
  }

  // The model holds Urdu and English only: the conference's own language (zh) is shown as
  // written, and the English text stands in where zh is empty.
  std::string named(const json::Value& object, std::string_view key,
                    const std::string& fallback = {}) {
    std::string text = in_language(object, "zh", key);
    if (text.empty()) text = in_language(object, "en", key);
    return text.empty() ? fallback : text;
  }

  void read_speakers(const json::Value& root) {
    const json::Value* speakers = fields_.member(root, "speakers", json::Kind::kArray, "the file");
    if (speakers == nullptr) return;
    for (const json::Value& entry : speakers->items()) {
      if (!entry.is_object()) continue;
      Speaker speaker;
      speaker.id = trimmed(fields_.text(entry, "id", "a speaker"));
      if (speaker.id.empty()) continue;
      speaker.name = text_in_its_script(named(entry, "name"));
      speaker.biography = text_in_its_script(named(entry, "bio"));
      draft_.add_speaker_once(std::move(speaker));
    }
  }

  void read_session(const json::Value& object) {
    std::optional<JsonFieldReader::SessionBegun> begun = fields_.begin_session(object);
    if (!begun) return;
    auto& [session, source, owner] = *begun;
    session.title = text_in_its_script(named(object, "title"));
    session.abstract = text_in_its_script(named(object, "description"));
    const std::string type = trimmed(fields_.text(object, "type", owner));
    const auto known_type = types_.find(type);
    session.type =
        known_type != types_.end() && !known_type->second.empty() ? known_type->second : type;
    session.language = trimmed(fields_.text(object, "language", owner));
    const JsonFieldReader::DateTimeRules rules{nullptr, true, "2022-09-04T09:00:00+08:00"};
    const auto start =
        fields_.instant(object, "start", owner, rules, source.start, source.start_has_offset);
    const auto end =
        fields_.instant(object, "end", owner, rules, source.end, source.end_has_offset);
    session.room = trimmed(fields_.text(object, "room", owner));
    const json::Value* room = object.find("room");
    source.room = room ? fields_.at(*room) : source.session;
    if (session.room.empty()) {
      diagnostics_.error(source.room, owner + " has no room: give it the id of one of \"rooms\"");
      return;
    }
    if (!start || !end) return;
    session.start = *start;
    session.end = *end;
    if (const json::Value* tags = object.find("tags"); tags && tags->is_array()) {
      for (const json::Value& tag : tags->items()) {
        if (tag.is_string() && !trimmed(tag.text()).empty()) {
          session.track = trimmed(tag.text());
          break;  // a session has one track; the first tag is the one it is listed under
        }
      }
    }
    if (const json::Value* speakers = object.find("speakers"); speakers && speakers->is_array()) {
      for (const json::Value& speaker : speakers->items()) {
        if (!speaker.is_string() && !speaker.is_number()) continue;
        session.speakers.push_back(trimmed(speaker.text()));
        source.speakers.push_back(fields_.at(speaker));
      }
    }
    draft_.add_session(std::move(session), std::move(source));
  }

  JsonFieldReader fields_;
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  std::unordered_map<std::string, std::string> types_;
};

}  // namespace

std::optional<AgendaDraft> load_opass(std::string_view bytes, const std::string& file,
                                      DiagnosticList& diagnostics) {
  const std::optional<json::Value> root = parse_json_document(bytes, file, diagnostics);
  if (!root) return std::nullopt;
  return load_opass(*root, file, diagnostics);
}

std::optional<AgendaDraft> load_opass(const json::Value& root, const std::string& file,
                                      DiagnosticList& diagnostics) {
  return OpassReader(file, diagnostics).read(root);
}

}  // namespace ijlas::agenda
