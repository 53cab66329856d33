#include "live/room_schedule.hpp"

namespace ijlas::live {

std::optional<RoomSchedule> compute_room_schedule(const agenda::Agenda& agenda,
                                                  std::string_view room_id, Timestamp at) {
  const agenda::Room* room = agenda.find_room(room_id);
  if (room == nullptr) return std::nullopt;
  RoomSchedule schedule{room, day_position(agenda, at), {}};
  for (const LiveSession& live : live_sessions(agenda)) {
    if (live.day_index != schedule.day.index) continue;
    const bool moved_away = live.room != room_id && live.session->room == room_id;
    if (live.room == room_id || moved_away) {
      schedule.entries.push_back({live, slot_state(live, at), moved_away});
    }
  }
  return schedule;
}

}  // namespace ijlas::live
