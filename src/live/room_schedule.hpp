// One room's day for the room-door screen (`--room ID`): every session of the current day in
// that room with its effective times and where it stands, including those moved elsewhere.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "agenda/agenda.hpp"
#include "live/clock.hpp"
#include "live/live_session.hpp"
#include "live/now_next.hpp"

namespace ijlas::live {

struct RoomScheduleEntry {
  LiveSession live;
  SlotState state = SlotState::kUpcoming;
  // Listed because it was planned here but moved to another room (live.room names it); its
  // state still tells whether it is over.
  bool moved_away = false;
};

struct RoomSchedule {
  const agenda::Room* room = nullptr;
  DayPosition day;                         // the day listed (see day_position)
  std::vector<RoomScheduleEntry> entries;  // in effective start order
};

// Empty when the agenda has no room `room_id`.
std::optional<RoomSchedule> compute_room_schedule(const agenda::Agenda& agenda,
                                                  std::string_view room_id, Timestamp at);

}  // namespace ijlas::live
