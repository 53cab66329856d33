// A session as it will actually happen: the agenda's status applied. A delay shifts start and
// end, a move puts it in another room and/or at another start with the same duration, and a
// cancelled session keeps its slot so that screens can say it is cancelled.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "agenda/agenda.hpp"
#include "live/clock.hpp"

namespace ijlas::live {

struct LiveSession {
  const agenda::Session* session = nullptr;  // into the Agenda, valid while it is held
  std::string_view room;                     // the room it takes place in (moved-to when moved)
  time::Instant start;                       // effective: delay and move applied
  time::Instant end;
  int day_index = -1;  // into Agenda::days(): the programme's day; a move in time may change it

  agenda::SessionState status() const { return session->status.state; }
  bool cancelled() const { return status() == agenda::SessionState::kCancelled; }
  bool delayed() const { return status() == agenda::SessionState::kDelayed; }
  bool moved() const { return status() == agenda::SessionState::kMoved; }
};

// Every session of the agenda with its status applied, in effective order (start, room, id).
// A move to a room the agenda does not list keeps the session in its own room, where the screen
// can say where it went.
std::vector<LiveSession> live_sessions(const agenda::Agenda& agenda);

enum class SlotState { kFinished, kRunning, kUpcoming, kCancelled };

// Where a session stands at `now`; a session's end is not part of it.
SlotState slot_state(const LiveSession& session, Timestamp now);

}  // namespace ijlas::live
