#include "agenda/native_json_writer.hpp"

#include <span>
#include <vector>

#include "core/json_value.hpp"

namespace ijlas::agenda {
namespace {

// Collects "key": value pairs of one object and prints them on their own lines.
class ObjectWriter {
 public:
  explicit ObjectWriter(int indent) : indent_(indent) {}

  void raw(std::string_view key, std::string value) {
    members_.push_back(json::quote(key) + ": " + std::move(value));
  }
  void text(std::string_view key, const std::string& value) {
    if (!value.empty()) raw(key, json::quote(value));
  }
  void localized(std::string_view key, const LocalizedText& value) {
    if (value.empty()) return;
    std::string out = "{";
    if (!value.ur.empty()) out += "\"ur\": " + json::quote(value.ur);
    if (!value.ur.empty() && !value.en.empty()) out += ", ";
    if (!value.en.empty()) out += "\"en\": " + json::quote(value.en);
    raw(key, out + "}");
  }

  std::string str() const {
    if (members_.empty()) return "{}";
    const std::string inner(static_cast<std::size_t>(indent_ + 2), ' ');
    std::string out = "{\n";
    for (std::size_t i = 0; i < members_.size(); ++i) {
      out += inner + members_[i] + (i + 1 < members_.size() ? ",\n" : "\n");
    }
    return out + std::string(static_cast<std::size_t>(indent_), ' ') + "}";
  }

 private:
  int indent_;
  std::vector<std::string> members_;
};

std::string status_of(const SessionStatus& status, int indent) {
  switch (status.state) {
    case SessionState::kScheduled:
      return "\"scheduled\"";
    case SessionState::kCancelled:
      return "\"cancelled\"";
    case SessionState::kDelayed: {
      ObjectWriter object(indent);
      object.raw("state", "\"delayed\"");
      object.raw("minutes", std::to_string(status.delay_minutes));
      return object.str();
    }
    case SessionState::kMoved: {
      ObjectWriter object(indent);
      object.raw("state", "\"moved\"");
      object.text("room", status.moved_to_room);
      if (status.moved_to_start) {
        object.raw("start", json::quote(time::format_date_time(*status.moved_to_start)));
      }
      return object.str();
    }
  }
  return "\"scheduled\"";
}

std::string conference_of(const Conference& conference) {
  ObjectWriter object(2);
  object.text("acronym", conference.acronym);
  object.localized("title", conference.title);
  object.localized("subtitle", conference.subtitle);
  object.localized("venue", conference.venue);
  object.localized("city", conference.city);
  object.text("time_zone", conference.time_zone);
  object.raw("start", json::quote(time::format_date(conference.start_date)));
  object.raw("end", json::quote(time::format_date(conference.end_date)));
  object.raw("day_change", json::quote(time::format_clock_time(conference.day_change_seconds)));
  if (conference.is_sample) object.raw("sample", "true");
  object.localized("note", conference.note);
  return object.str();
}

std::string session_of(const Session& session) {
  ObjectWriter object(4);
  object.raw("id", json::quote(session.id));
  object.localized("title", session.title);
  object.localized("subtitle", session.subtitle);
  object.localized("abstract", session.abstract);
  object.raw("start", json::quote(time::format_date_time(session.start)));
  object.raw("end", json::quote(time::format_date_time(session.end)));
  object.text("room", session.room);
  object.text("track", session.track);
  object.text("type", session.type);
  object.text("language", session.language);
  object.text("url", session.url);
  if (!session.speakers.empty()) {
    std::string speakers = "[";
    for (std::size_t i = 0; i < session.speakers.size(); ++i) {
      speakers += (i ? ", " : "") + json::quote(session.speakers[i]);
    }
    object.raw("speakers", speakers + "]");
  }
  if (session.status.state != SessionState::kScheduled) {
    object.raw("status", status_of(session.status, 4));
  }
  return object.str();
}

// The text, handed to the sink in pieces of about kPieceBytes, so that the whole agenda is never
// held as one string; after a refused piece nothing more is handed.
class PieceWriter {
 public:
  explicit PieceWriter(const NativeJsonSink& sink) : sink_(sink) {}

  void append(std::string_view text) {
    out_ += text;
    if (out_.size() >= kPieceBytes) flush();
  }
  bool finish() {
    flush();
    return accepted_;
  }

 private:
  static constexpr std::size_t kPieceBytes = 64u << 10;

  void flush() {
    if (accepted_ && !out_.empty()) accepted_ = sink_(out_);
    out_.clear();
  }

  const NativeJsonSink& sink_;
  std::string out_;
  bool accepted_ = true;
};

std::string day_of(const Day& day) {
  ObjectWriter object(4);
  object.raw("index", std::to_string(day.index));
  object.raw("date", json::quote(time::format_date(day.date)));
  object.raw("start", json::quote(time::format_date_time(day.start)));
  object.raw("end", json::quote(time::format_date_time(day.end)));
  return object.str();
}

std::string room_of(const Room& room) {
  ObjectWriter object(4);
  object.raw("id", json::quote(room.id));
  object.localized("name", room.name);
  return object.str();
}

std::string track_of(const Track& track) {
  ObjectWriter object(4);
  object.raw("id", json::quote(track.id));
  object.localized("name", track.name);
  object.text("color", track.color);
  return object.str();
}

std::string speaker_of(const Speaker& speaker) {
  ObjectWriter object(4);
  object.raw("id", json::quote(speaker.id));
  object.localized("name", speaker.name);
  object.localized("role", speaker.role);
  object.localized("organization", speaker.organization);
  object.localized("biography", speaker.biography);
  object.text("photo", speaker.photo);
  return object.str();
}

// One member of the root object holding an array, one item printed at a time.
template <typename Item, typename Print>
void write_array(PieceWriter& out, std::string_view key, std::span<const Item> items, Print print,
                 bool last) {
  out.append("  " + json::quote(key) + ": ");
  if (items.empty()) {
    out.append("[]");
  } else {
    out.append("[\n");
    for (std::size_t i = 0; i < items.size(); ++i) {
      out.append("    " + print(items[i]) + (i + 1 < items.size() ? ",\n" : "\n"));
    }
    out.append("  ]");
  }
  out.append(last ? "\n" : ",\n");
}

}  // namespace

bool write_native_json(const Agenda& agenda, const NativeJsonSink& sink) {
  PieceWriter out(sink);
  out.append("{\n  \"ijlas_agenda\": 1,\n  \"conference\": " + conference_of(agenda.conference()) +
             ",\n");
  write_array(out, "days", agenda.days(), day_of, false);
  write_array(out, "rooms", agenda.rooms(), room_of, false);
  write_array(out, "tracks", agenda.tracks(), track_of, false);
  write_array(out, "speakers", agenda.speakers(), speaker_of, false);
  write_array(out, "sessions", agenda.sessions(), session_of, true);
  out.append("}\n");
  return out.finish();
}

std::string write_native_json(const Agenda& agenda) {
  std::string text;
  write_native_json(agenda, [&](std::string_view piece) {
    text += piece;
    return true;
  });
  return text;
}

}  // namespace ijlas::agenda
