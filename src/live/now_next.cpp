#include "live/now_next.hpp"

#include <algorithm>
#include <limits>

namespace ijlas::live {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;

Timestamp timestamp_of(const time::Instant& instant) {
  return Timestamp::from_seconds(instant.utc_seconds);
}

// Division by a positive divisor, rounded down / up (also for negative dividends).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - (a % b < 0 ? 1 : 0);
}
std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
  return -floor_div(-a, b);
}

// The first instant after `at` that lies a whole number of minutes from `mark`: when a minute
// count measured from `mark` (or the clock, for mark 0) next changes.
std::int64_t next_minute_from(std::int64_t at_ms, std::int64_t mark_ms) {
  const std::int64_t rest = ((mark_ms - at_ms - 1) % kMinuteMs + kMinuteMs) % kMinuteMs;
  return at_ms + rest + 1;
}

UpcomingSession upcoming(const LiveSession& live, Timestamp at) {
  return {live, static_cast<int>(ceil_div(timestamp_of(live.start).utc_ms - at.utc_ms, kMinuteMs))};
}

// The first day, from index `from` on, that has a session that is not cancelled, and the start
// of its first such session.
void find_next_day(const std::vector<LiveSession>& sessions, std::size_t day_count,
                   std::size_t from, LiveState& state) {
  for (std::size_t day = from; day < day_count; ++day) {
    for (const LiveSession& live : sessions) {  // in start order: the first match is the first
      if (!live.cancelled() && live.day_index == static_cast<int>(day)) {
        state.next_day_index = static_cast<int>(day);
        state.next_day_starts = live.start;
        return;
      }
    }
  }
}

RoomNowNext room_now_next(const agenda::Room& room, const std::vector<LiveSession>& sessions,
                          const LiveState& state) {
  RoomNowNext card;
  card.room = &room;
  const Timestamp at = state.at;
  for (const LiveSession& live : sessions) {
    if (live.room != room.id) continue;
    const SlotState slot = slot_state(live, at);
    if (slot == SlotState::kRunning) card.now = running_session(live, at);  // the last started wins
    if (slot == SlotState::kUpcoming) {
      card.next = upcoming(live, at);
      break;
    }
  }
  const std::int64_t before_ms = card.next ? timestamp_of(card.next->live.start).utc_ms
                                           : std::numeric_limits<std::int64_t>::max();
  for (const LiveSession& live : sessions) {
    if (live.room == room.id && live.cancelled() && live.day_index == state.day.index &&
        at < timestamp_of(live.end) && timestamp_of(live.start).utc_ms < before_ms) {
      card.cancelled.push_back(live);
    }
  }
  if (card.now) {
    card.state = RoomState::kRunning;
  } else if (state.day.within && card.next && card.next->live.day_index == state.day.index) {
    card.state = RoomState::kBreak;
  } else {
    card.state = RoomState::kDayOver;
  }
  return card;
}

Timestamp next_change(const agenda::Agenda& agenda, const std::vector<LiveSession>& sessions,
                      Timestamp at) {
  std::int64_t next = next_minute_from(at.utc_ms, 0);  // the clock on screen
  const auto consider = [&](const time::Instant& mark) {
    next = std::min(next, next_minute_from(at.utc_ms, timestamp_of(mark).utc_ms));
  };
  for (const LiveSession& live : sessions) {
    consider(live.start);
    consider(live.end);
  }
  for (const agenda::Day& day : agenda.days()) {
    consider(day.start);
    consider(day.end);
  }
  return {next};
}

}  // namespace

RunningSession running_session(const LiveSession& live, Timestamp at) {
  const std::int64_t start = timestamp_of(live.start).utc_ms;
  const std::int64_t end = timestamp_of(live.end).utc_ms;
  const double progress = static_cast<double>(at.utc_ms - start) / static_cast<double>(end - start);
  return {live, std::clamp(progress, 0.0, 1.0),
          static_cast<int>(ceil_div(end - at.utc_ms, kMinuteMs)),
          static_cast<int>(floor_div(at.utc_ms - start, kMinuteMs))};
}

DayPosition day_position(const agenda::Agenda& agenda, Timestamp at) {
  const auto days = agenda.days();
  int coming = -1;
  int last = -1;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const int index = static_cast<int>(i);
    if (timestamp_of(days[i].start) <= at && at < timestamp_of(days[i].end)) return {index, true};
    if (at < timestamp_of(days[i].start) &&
        (coming < 0 || days[i].start.utc_seconds < days[coming].start.utc_seconds)) {
      coming = index;
    }
    if (last < 0 || days[i].end.utc_seconds > days[last].end.utc_seconds) last = index;
  }
  return {coming >= 0 ? coming : last, false};
}

LiveState compute_live_state(const agenda::Agenda& agenda, Timestamp at) {
  LiveState state;
  state.at = at;
  state.day = day_position(agenda, at);
  const std::vector<LiveSession> sessions = live_sessions(agenda);

  std::optional<time::Instant> first_start;
  std::optional<time::Instant> last_end;
  for (const LiveSession& live : sessions) {
    if (live.cancelled()) continue;
    if (!first_start) first_start = live.start;  // sessions are in start order
    if (!last_end || live.end.utc_seconds > last_end->utc_seconds) last_end = live.end;
  }
  if (first_start && at < timestamp_of(*first_start)) state.conference_starts = first_start;

  const std::size_t day_count = agenda.days().size();
  if (state.day.index >= 0) {
    const auto current = static_cast<std::size_t>(state.day.index);
    const bool day_ahead = !state.day.within && at < timestamp_of(agenda.days()[current].start);
    find_next_day(sessions, day_count, day_ahead ? current : current + 1, state);
  }

  const bool conference_over = last_end && timestamp_of(*last_end) <= at;
  for (const agenda::Room& room : agenda.rooms()) {
    RoomNowNext card = room_now_next(room, sessions, state);
    if (conference_over) card.state = RoomState::kConferenceOver;
    if (state.conference_starts) card.state = RoomState::kBeforeStart;
    state.rooms.push_back(std::move(card));
  }
  state.next_change = next_change(agenda, sessions, at);
  return state;
}

}  // namespace ijlas::live
