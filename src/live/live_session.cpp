#include "live/live_session.hpp"

#include <algorithm>
#include <tuple>

namespace ijlas::live {
namespace {

constexpr std::int64_t kSecondsPerMinute = 60;

LiveSession apply_status(const agenda::Agenda& agenda, std::size_t index) {
  const agenda::Session& session = agenda.sessions()[index];
  const agenda::SessionStatus& status = session.status;
  LiveSession live{&session, session.room, session.start, session.end,
                   agenda.day_of_session(index)};
  if (status.state == agenda::SessionState::kDelayed) {
    const std::int64_t shift = status.delay_minutes * kSecondsPerMinute;
    live.start.utc_seconds += shift;
    live.end.utc_seconds += shift;
  } else if (status.state == agenda::SessionState::kMoved) {
    if (!status.moved_to_room.empty() && agenda.find_room(status.moved_to_room) != nullptr) {
      live.room = status.moved_to_room;
    }
    if (status.moved_to_start) {
      live.start = *status.moved_to_start;
      live.end = {live.start.utc_seconds + session.duration_seconds(), live.start.offset_seconds};
      live.day_index =
          agenda::find_day_index(agenda.days(), live.start, agenda.conference().day_change_seconds);
    }
  }
  return live;
}

}  // namespace

std::vector<LiveSession> live_sessions(const agenda::Agenda& agenda) {
  std::vector<LiveSession> sessions;
  sessions.reserve(agenda.sessions().size());
  for (std::size_t i = 0; i < agenda.sessions().size(); ++i) {
    sessions.push_back(apply_status(agenda, i));
  }
  std::stable_sort(sessions.begin(), sessions.end(),
                   [](const LiveSession& a, const LiveSession& b) {
                     return std::tie(a.start.utc_seconds, a.room, a.session->id) <
                            std::tie(b.start.utc_seconds, b.room, b.session->id);
                   });
  return sessions;
}

SlotState slot_state(const LiveSession& session, Timestamp now) {
  if (session.cancelled()) return SlotState::kCancelled;
  if (now < Timestamp::from_seconds(session.start.utc_seconds)) return SlotState::kUpcoming;
  if (now < Timestamp::from_seconds(session.end.utc_seconds)) return SlotState::kRunning;
  return SlotState::kFinished;
}

}  // namespace ijlas::live
