#include "agenda/agenda_validator.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_set>

#include "core/diagnostic.hpp"

namespace ijlas::agenda {
namespace {

std::string wall_time(const Instant& instant) {
  return time::format_clock_time(time::local_seconds_of_day(instant));
}

// Wall time, with the date when the two instants fall on different local dates.
std::string describe_pair(const Instant& shown, const Instant& other) {
  if (time::local_date_of(shown) == time::local_date_of(other)) return wall_time(shown);
  return time::format_date(time::local_date_of(shown)) + " " + wall_time(shown);
}

void check_times(const AgendaDraft& draft, DiagnosticList& diagnostics) {
  for (std::size_t i = 0; i < draft.data.sessions.size(); ++i) {
    const Session& session = draft.data.sessions[i];
    if (session.end.utc_seconds < session.start.utc_seconds) {
      diagnostics.error(draft.session_sources[i].end,
                        "session " + quoted(session.id) + " ends (" +
                            describe_pair(session.end, session.start) + ") before it starts (" +
                            describe_pair(session.start, session.end) + "): correct the end");
    }
  }
}

void check_references(const AgendaDraft& draft, DiagnosticList& diagnostics) {
  std::unordered_set<std::string_view> rooms, tracks, speakers;
  for (const Room& room : draft.data.rooms)
    rooms.insert(room.id);
  for (const Track& track : draft.data.tracks)
    tracks.insert(track.id);
  for (const Speaker& speaker : draft.data.speakers)
    speakers.insert(speaker.id);
  for (std::size_t i = 0; i < draft.data.sessions.size(); ++i) {
    const Session& session = draft.data.sessions[i];
    const SessionSource& source = draft.session_sources[i];
    const std::string owner = "session " + quoted(session.id);
    if (!session.room.empty() && !rooms.count(session.room)) {
      diagnostics.warning(source.room, owner + " is in room " + quoted(session.room) +
                                           ", which is not in \"rooms\": add it there");
    }
    if (!session.track.empty() && !tracks.count(session.track)) {
      diagnostics.warning(source.session, owner + " is in track " + quoted(session.track) +
                                              ", which is not in \"tracks\": add it there");
    }
    for (std::size_t s = 0; s < session.speakers.size(); ++s) {
      if (speakers.count(session.speakers[s])) continue;
      const SourcePosition& where =
          s < source.speakers.size() ? source.speakers[s] : source.session;
      diagnostics.warning(where, owner + " names speaker " + quoted(session.speakers[s]) +
                                     ", who is not in \"speakers\": add them there");
    }
    const auto& moved = session.status.moved_to_room;
    if (!moved.empty() && !rooms.count(moved)) {
      diagnostics.warning(source.session, owner + " moves to room " + quoted(moved) +
                                              ", which is not in \"rooms\": add it there");
    }
  }
}

void check_overlaps(const AgendaDraft& draft, DiagnosticList& diagnostics) {
  const auto& sessions = draft.data.sessions;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    if (sessions[i].status.state != SessionState::kCancelled) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (sessions[a].room != sessions[b].room) return sessions[a].room < sessions[b].room;
    return sessions[a].start.utc_seconds < sessions[b].start.utc_seconds;
  });
  // Within a room, each session is compared with the one that ends last among those before it.
  std::optional<std::size_t> latest;
  for (const std::size_t index : order) {
    const Session& session = sessions[index];
    if (!latest || sessions[*latest].room != session.room) {
      latest = index;
      continue;
    }
    const Session& earlier = sessions[*latest];
    if (session.start.utc_seconds < earlier.end.utc_seconds) {
      diagnostics.warning(draft.session_sources[index].start,
                          "sessions " + quoted(earlier.id) + " (" + wall_time(earlier.start) + "–" +
                              wall_time(earlier.end) + ") and " + quoted(session.id) + " (" +
                              wall_time(session.start) + "–" + wall_time(session.end) +
                              ") overlap in room " + quoted(session.room));
    }
    if (session.end.utc_seconds > earlier.end.utc_seconds) latest = index;
  }
}

// Texts of one owner, named for the message ("title of session "x"").
void check_translation(const LocalizedText& text, const std::string& what,
                       const SourcePosition& where, DiagnosticList& diagnostics) {
  if (text.empty() || text.bilingual()) return;
  diagnostics.warning(where, what + " has no " + (text.ur.empty() ? "Urdu" : "English") +
                                 " text: add \"" + (text.ur.empty() ? "ur" : "en") + "\"");
}

bool any_bilingual(const AgendaData& data) {
  const auto bilingual = [](const LocalizedText& text) { return text.bilingual(); };
  if (bilingual(data.conference.title)) return true;
  for (const Session& session : data.sessions) {
    if (bilingual(session.title)) return true;
  }
  for (const Room& room : data.rooms) {
    if (room.id != kWholeVenueRoomId && bilingual(room.name)) return true;
  }
  for (const Speaker& speaker : data.speakers) {
    if (bilingual(speaker.name)) return true;
  }
  return false;
}

void check_translations(const AgendaDraft& draft, DiagnosticList& diagnostics) {
  const AgendaData& data = draft.data;
  if (!any_bilingual(data)) return;  // a one-language agenda is not missing translations
  const SourcePosition& top = draft.first_position;
  check_translation(data.conference.title, "the conference title", top, diagnostics);
  check_translation(data.conference.venue, "the conference venue", top, diagnostics);
  for (const Room& room : data.rooms) {
    check_translation(room.name, "the name of room " + quoted(room.id), top, diagnostics);
  }
  for (const Track& track : data.tracks) {
    check_translation(track.name, "the name of track " + quoted(track.id), top, diagnostics);
  }
  for (const Speaker& speaker : data.speakers) {
    const std::string owner = " of speaker " + quoted(speaker.id);
    check_translation(speaker.name, "the name" + owner, top, diagnostics);
    check_translation(speaker.role, "the role" + owner, top, diagnostics);
    check_translation(speaker.organization, "the organization" + owner, top, diagnostics);
  }
  for (std::size_t i = 0; i < data.sessions.size(); ++i) {
    const Session& session = data.sessions[i];
    const SourcePosition& where = draft.session_sources[i].session;
    check_translation(session.title, "the title of session " + quoted(session.id), where,
                      diagnostics);
    check_translation(session.subtitle, "the subtitle of session " + quoted(session.id), where,
                      diagnostics);
    check_translation(session.abstract, "the abstract of session " + quoted(session.id), where,
                      diagnostics);
  }
}

void check_offsets(const AgendaDraft& draft, const TimeZone& zone, DiagnosticList& diagnostics) {
  struct Mismatch {
    SourcePosition first;
    Instant instant;
    std::int32_t zone_offset = 0;
    int count = 0;
  };
  std::map<std::int32_t, Mismatch> by_offset;
  for (std::size_t i = 0; i < draft.data.sessions.size(); ++i) {
    if (!draft.session_sources[i].start_has_offset) continue;
    const Instant& start = draft.data.sessions[i].start;
    // "Z" and "+00:00" name an exact instant (wafer writes every time so): no claim about the zone.
    if (start.offset_seconds == 0) continue;
    const std::int32_t zone_offset = zone.offset_at(start.utc_seconds);
    if (zone_offset == start.offset_seconds) continue;
    Mismatch& mismatch = by_offset[start.offset_seconds];
    if (mismatch.count++ == 0) {
      mismatch = {draft.session_sources[i].start, start, zone_offset, 1};
    }
  }
  for (const auto& [offset, mismatch] : by_offset) {
    diagnostics.warning(
        mismatch.first,
        time::format_date_time(mismatch.instant) + " says " + time::format_offset(offset) +
            ", but the declared time zone " + quoted(zone.name()) + " is at " +
            time::format_offset(mismatch.zone_offset) + " then (" + std::to_string(mismatch.count) +
            (mismatch.count == 1 ? " time" : " times") +
            "): the offsets in the data are used; correct the time zone if it is wrong");
  }
}

}  // namespace

void validate_agenda(const AgendaDraft& draft, const TimeZone* conference_zone,
                     DiagnosticList& diagnostics) {
  check_times(draft, diagnostics);
  check_references(draft, diagnostics);
  check_overlaps(draft, diagnostics);
  if (!draft.translations_checked) check_translations(draft, diagnostics);
  if (conference_zone != nullptr) check_offsets(draft, *conference_zone, diagnostics);
}

}  // namespace ijlas::agenda
