#include "agenda/agenda_queries.hpp"

#include <algorithm>

namespace ijlas::agenda {

std::vector<const Session*> sessions_of_day(const Agenda& agenda, std::size_t day_index) {
  std::vector<const Session*> result;
  const auto sessions = agenda.sessions();
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    if (agenda.day_of_session(i) == static_cast<int>(day_index)) result.push_back(&sessions[i]);
  }
  return result;
}

std::vector<const Session*> sessions_in_room(const Agenda& agenda, std::string_view room_id) {
  std::vector<const Session*> result;
  for (const Session& session : agenda.sessions()) {
    if (session.room == room_id) result.push_back(&session);
  }
  return result;
}

std::vector<const Session*> sessions_running_at(const Agenda& agenda, std::int64_t at_utc_seconds) {
  std::vector<const Session*> result;
  for (const Session& session : agenda.sessions()) {
    if (session.start.utc_seconds > at_utc_seconds) break;  // sorted by start
    if (at_utc_seconds < session.end.utc_seconds) result.push_back(&session);
  }
  return result;
}

const Session* next_session_in_room(const Agenda& agenda, std::string_view room_id,
                                    std::int64_t after_utc_seconds) {
  const auto sessions = agenda.sessions();
  const auto first = std::upper_bound(
      sessions.begin(), sessions.end(), after_utc_seconds,
      [](std::int64_t at, const Session& session) { return at < session.start.utc_seconds; });
  for (auto it = first; it != sessions.end(); ++it) {
    if (it->room == room_id) return &*it;
  }
  return nullptr;
}

std::vector<const Session*> sessions_of_speaker(const Agenda& agenda, std::string_view speaker_id) {
  std::vector<const Session*> result;
  for (const Session& session : agenda.sessions()) {
    if (std::find(session.speakers.begin(), session.speakers.end(), speaker_id) !=
        session.speakers.end()) {
      result.push_back(&session);
    }
  }
  return result;
}

}  // namespace ijlas::agenda
