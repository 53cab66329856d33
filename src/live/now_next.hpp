// What is on now and what comes next, per room: the answer the Now & Next screen draws. A pure
// function of an agenda snapshot and an instant; the main loop recomputes it at next_change.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "agenda/agenda.hpp"
#include "live/clock.hpp"
#include "live/live_session.hpp"

namespace ijlas::live {

enum class RoomState {
  kRunning,         // now is set
  kBreak,           // nothing now; next is set and belongs to the current day (day.within)
  kDayOver,         // nothing more in this room today (see LiveState::next_day_starts)
  kConferenceOver,  // after the end of the conference's last session
  kBeforeStart,     // before the conference's first session (see LiveState::conference_starts)
};

struct RunningSession {
  LiveSession live;
  double progress = 0;          // 0 at the start … 1 at the end
  int minutes_left = 0;         // rounded up: 1 in its last minute, never 0 while it runs
  int minutes_since_start = 0;  // rounded down
};

// A running session's progress and minutes left at `at` (a session page shows them like its card).
RunningSession running_session(const LiveSession& live, Timestamp at);

struct UpcomingSession {
  LiveSession live;
  int minutes_until = 0;  // rounded up: 1 in the last minute before it starts
};

struct RoomNowNext {
  const agenda::Room* room = nullptr;
  RoomState state = RoomState::kDayOver;
  // The running session; when sessions overlap, the one that started last.
  std::optional<RunningSession> now;
  // The room's next session (on any later day too: see its live.day_index); never cancelled.
  std::optional<UpcomingSession> next;
  // Cancelled sessions of the current day whose slot has not ended and that would have started
  // before `next`: the card says they are cancelled.
  std::vector<LiveSession> cancelled;
};

// The conference day an instant belongs to, for "today".
struct DayPosition {
  // Index into Agenda::days(): the day holding the instant; before or between days the next
  // day; after the last day the last one; -1 when the agenda has no days.
  int index = -1;
  bool within = false;  // a day holds the instant (false before, between and after days)
};

DayPosition day_position(const agenda::Agenda& agenda, Timestamp at);

struct LiveState {
  Timestamp at;
  DayPosition day;
  // The first session of the whole conference, while `at` is before it.
  std::optional<time::Instant> conference_starts;
  // The next conference day that still has sessions (after the current one; between days, the
  // coming one) and the start of its first session.
  int next_day_index = -1;
  std::optional<time::Instant> next_day_starts;
  std::vector<RoomNowNext> rooms;  // in the agenda's room order
  // The earliest instant after `at` at which anything shown may change (a start, an end, a
  // minute count or the clock on screen): at most one minute away.
  Timestamp next_change;
};

LiveState compute_live_state(const agenda::Agenda& agenda, Timestamp at);

}  // namespace ijlas::live
