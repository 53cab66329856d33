// Now and next per room over small agendas written here; each expectation is read off the
// sessions the test builds (all times +05:00, Asia/Karachi).
#include "live/now_next.hpp"

#include <gtest/gtest.h>

#include "live_test_support.hpp"

namespace ijlas::live {
namespace {

using agenda::SessionState;
using testing::at;
using testing::conference;
using testing::day;
using testing::ids;
using testing::instant;
using testing::session;

// Two calendar days, as a loader derives them for a format without days (day change 00:00).
std::vector<agenda::Day> two_calendar_days() {
  return {day(1, "2025-11-26", "2025-11-26T00:00+05:00", "2025-11-27T00:00+05:00"),
          day(2, "2025-11-27", "2025-11-27T00:00+05:00", "2025-11-28T00:00+05:00")};
}

// Room a: 09:00–10:00, 10:30–11:30, next day 09:30–10:30. Room b: 13:00–14:00.
agenda::Agenda two_day_programme() {
  agenda::AgendaData data = conference(two_calendar_days());
  data.sessions = {session("a1", "a", "2025-11-26T09:00+05:00", "2025-11-26T10:00+05:00"),
                   session("a2", "a", "2025-11-26T10:30+05:00", "2025-11-26T11:30+05:00"),
                   session("b1", "b", "2025-11-26T13:00+05:00", "2025-11-26T14:00+05:00"),
                   session("a3", "a", "2025-11-27T09:30+05:00", "2025-11-27T10:30+05:00")};
  return agenda::Agenda(std::move(data));
}

std::string id_of(const std::optional<RunningSession>& running) {
  return running ? running->live.session->id : "(none)";
}
std::string id_of(const std::optional<UpcomingSession>& upcoming) {
  return upcoming ? upcoming->live.session->id : "(none)";
}

TEST(NowNext, RunningAndNextInEachRoom) {
  const agenda::Agenda agenda = two_day_programme();
  const LiveState state = compute_live_state(agenda, at("2025-11-26T09:20+05:00"));
  EXPECT_EQ(state.day.index, 0);
  EXPECT_TRUE(state.day.within);
  ASSERT_EQ(state.rooms.size(), 2u);

  const RoomNowNext& a = state.rooms[0];
  EXPECT_EQ(a.room->id, "a");
  EXPECT_EQ(a.state, RoomState::kRunning);
  ASSERT_EQ(id_of(a.now), "a1");
  EXPECT_DOUBLE_EQ(a.now->progress, 20.0 / 60.0);
  EXPECT_EQ(a.now->minutes_left, 40);
  EXPECT_EQ(a.now->minutes_since_start, 20);
  ASSERT_EQ(id_of(a.next), "a2");
  EXPECT_EQ(a.next->minutes_until, 70);
  EXPECT_TRUE(a.cancelled.empty());

  const RoomNowNext& b = state.rooms[1];
  EXPECT_EQ(b.room->id, "b");
  EXPECT_EQ(b.state, RoomState::kBreak);
  EXPECT_FALSE(b.now);
  ASSERT_EQ(id_of(b.next), "b1");
  EXPECT_EQ(b.next->minutes_until, 220);

  EXPECT_FALSE(state.conference_starts);
  EXPECT_EQ(state.next_day_index, 1);
  EXPECT_EQ(state.next_day_starts, instant("2025-11-27T09:30+05:00"));
}

TEST(NowNext, MinutesRoundSoThatNoneReadsZeroTooEarly) {
  const agenda::Agenda agenda = two_day_programme();
  const LiveState half_past = compute_live_state(agenda, at("2025-11-26T09:20:30+05:00"));
  ASSERT_TRUE(half_past.rooms[0].now);
  EXPECT_EQ(half_past.rooms[0].now->minutes_left, 40);  // 39.5 minutes left
  EXPECT_EQ(half_past.rooms[0].now->minutes_since_start, 20);
  EXPECT_EQ(half_past.rooms[0].next->minutes_until, 70);  // 69.5 minutes
  const LiveState last_minute = compute_live_state(agenda, at("2025-11-26T09:59:59+05:00"));
  ASSERT_TRUE(last_minute.rooms[0].now);
  EXPECT_EQ(last_minute.rooms[0].now->minutes_left, 1);
}

TEST(NowNext, ASessionsStartIsPartOfItAndItsEndIsNot) {
  const agenda::Agenda agenda = two_day_programme();
  const LiveState end = compute_live_state(agenda, at("2025-11-26T10:00+05:00"));
  EXPECT_FALSE(end.rooms[0].now);
  EXPECT_EQ(end.rooms[0].state, RoomState::kBreak);
  const LiveState start = compute_live_state(agenda, at("2025-11-26T10:30+05:00"));
  ASSERT_EQ(id_of(start.rooms[0].now), "a2");
  EXPECT_EQ(start.rooms[0].now->minutes_since_start, 0);
  EXPECT_EQ(start.rooms[0].now->minutes_left, 60);
  EXPECT_DOUBLE_EQ(start.rooms[0].now->progress, 0.0);
}

TEST(NowNext, BreakBetweenSessionsSaysWhenTheRoomResumes) {
  const agenda::Agenda agenda = two_day_programme();
  const LiveState state = compute_live_state(agenda, at("2025-11-26T10:10+05:00"));
  const RoomNowNext& a = state.rooms[0];
  EXPECT_EQ(a.state, RoomState::kBreak);
  EXPECT_FALSE(a.now);
  ASSERT_EQ(id_of(a.next), "a2");
  EXPECT_EQ(a.next->minutes_until, 20);
  EXPECT_EQ(a.next->live.start, instant("2025-11-26T10:30+05:00"));
}

TEST(NowNext, DayOverSaysWhenTheNextDayStarts) {
  const agenda::Agenda agenda = two_day_programme();
  const LiveState state = compute_live_state(agenda, at("2025-11-26T15:00+05:00"));
  EXPECT_EQ(state.day.index, 0);
  EXPECT_EQ(state.rooms[0].state, RoomState::kDayOver);
  ASSERT_EQ(id_of(state.rooms[0].next), "a3");  // tomorrow's, with its day
  EXPECT_EQ(state.rooms[0].next->live.day_index, 1);
  EXPECT_EQ(state.rooms[0].next->minutes_until, 18 * 60 + 30);
  EXPECT_EQ(state.rooms[1].state, RoomState::kDayOver);
  EXPECT_FALSE(state.rooms[1].next);  // nothing more in b at all
  EXPECT_EQ(state.next_day_index, 1);
  EXPECT_EQ(state.next_day_starts, instant("2025-11-27T09:30+05:00"));
}

TEST(NowNext, ARoomWithoutSessions) {
  agenda::AgendaData data = conference(two_calendar_days());
  data.rooms.push_back({"c", {"", "Room C"}});
  data.sessions = {session("a1", "a", "2025-11-26T09:00+05:00", "2025-11-26T10:00+05:00")};
  const agenda::Agenda agenda(std::move(data));
  const LiveState state = compute_live_state(agenda, at("2025-11-26T09:20+05:00"));
  ASSERT_EQ(state.rooms.size(), 3u);
  for (std::size_t room : {1u, 2u}) {
    EXPECT_EQ(state.rooms[room].state, RoomState::kDayOver) << room;
    EXPECT_FALSE(state.rooms[room].now);
    EXPECT_FALSE(state.rooms[room].next);
  }
  EXPECT_EQ(state.rooms[0].state, RoomState::kRunning);
}

TEST(NowNext, RoomsComeInTheAgendasOrder) {
  agenda::AgendaData data = conference(two_calendar_days());
  data.rooms = {{"b", {"", "Room B"}}, {"a", {"", "Room A"}}};
  const agenda::Agenda agenda(std::move(data));
  const LiveState state = compute_live_state(agenda, at("2025-11-26T09:20+05:00"));
  ASSERT_EQ(state.rooms.size(), 2u);
  EXPECT_EQ(state.rooms[0].room->id, "b");
  EXPECT_EQ(state.rooms[1].room->id, "a");
}

TEST(NowNext, BeforeTheFirstSession) {
  const agenda::Agenda agenda = two_day_programme();
  const LiveState morning = compute_live_state(agenda, at("2025-11-26T08:00+05:00"));
  EXPECT_EQ(morning.conference_starts, instant("2025-11-26T09:00+05:00"));
  for (const RoomNowNext& room : morning.rooms)
    EXPECT_EQ(room.state, RoomState::kBeforeStart);
  ASSERT_EQ(id_of(morning.rooms[0].next), "a1");
  EXPECT_EQ(morning.rooms[0].next->minutes_until, 60);
  EXPECT_EQ(morning.day.index, 0);
  EXPECT_TRUE(morning.day.within);

  const LiveState eve = compute_live_state(agenda, at("2025-11-25T20:00+05:00"));
  EXPECT_EQ(eve.day.index, 0);  // the coming day
  EXPECT_FALSE(eve.day.within);
  EXPECT_EQ(eve.next_day_index, 0);
  EXPECT_EQ(eve.next_day_starts, instant("2025-11-26T09:00+05:00"));
  EXPECT_EQ(eve.rooms[1].state, RoomState::kBeforeStart);
}

TEST(NowNext, AfterTheLastSession) {
  const agenda::Agenda agenda = two_day_programme();
  for (const char* when : {"2025-11-27T10:30+05:00", "2025-11-28T12:00+05:00"}) {
    const LiveState state = compute_live_state(agenda, at(when));
    for (const RoomNowNext& room : state.rooms) {
      EXPECT_EQ(room.state, RoomState::kConferenceOver) << when;
      EXPECT_FALSE(room.now);
      EXPECT_FALSE(room.next);
    }
    EXPECT_EQ(state.day.index, 1) << when;
    EXPECT_EQ(state.next_day_index, -1);
    EXPECT_FALSE(state.next_day_starts);
    EXPECT_FALSE(state.conference_starts);
  }
  EXPECT_TRUE(compute_live_state(agenda, at("2025-11-27T10:30+05:00")).day.within);
  EXPECT_FALSE(compute_live_state(agenda, at("2025-11-28T12:00+05:00")).day.within);
  // One second before the end the last session still runs.
  const LiveState last = compute_live_state(agenda, at("2025-11-27T10:29:59+05:00"));
  EXPECT_EQ(last.rooms[0].state, RoomState::kRunning);
  EXPECT_EQ(last.rooms[1].state, RoomState::kDayOver);
}

// Days like a frab schedule's: 09:00 to 01:00 the next morning.
agenda::Agenda late_nights() {
  agenda::AgendaData data =
      conference({day(1, "2025-11-26", "2025-11-26T09:00+05:00", "2025-11-27T01:00+05:00"),
                  day(2, "2025-11-27", "2025-11-27T09:00+05:00", "2025-11-28T01:00+05:00")},
                 6 * 3600);
  data.sessions = {session("b-late", "b", "2025-11-26T22:00+05:00", "2025-11-26T23:00+05:00"),
                   session("party", "a", "2025-11-26T23:30+05:00", "2025-11-27T01:00+05:00"),
                   session("b-day2", "b", "2025-11-27T09:30+05:00", "2025-11-27T10:30+05:00"),
                   session("a-day2", "a", "2025-11-27T10:00+05:00", "2025-11-27T11:00+05:00")};
  return agenda::Agenda(std::move(data));
}

TEST(NowNext, ADayRunsPastMidnight) {
  const agenda::Agenda agenda = late_nights();
  const LiveState state = compute_live_state(agenda, at("2025-11-27T00:30+05:00"));
  EXPECT_EQ(state.day.index, 0);  // still the 26th's day
  EXPECT_TRUE(state.day.within);
  const RoomNowNext& a = state.rooms[0];
  EXPECT_EQ(a.state, RoomState::kRunning);
  ASSERT_EQ(id_of(a.now), "party");
  EXPECT_EQ(a.now->minutes_left, 30);
  EXPECT_EQ(a.now->minutes_since_start, 60);
  EXPECT_DOUBLE_EQ(a.now->progress, 60.0 / 90.0);
  ASSERT_EQ(id_of(a.next), "a-day2");
  EXPECT_EQ(a.next->minutes_until, 9 * 60 + 30);
  // b has more sessions, but tomorrow's: its day is over.
  EXPECT_EQ(state.rooms[1].state, RoomState::kDayOver);
  EXPECT_EQ(id_of(state.rooms[1].next), "b-day2");
  EXPECT_EQ(state.next_day_index, 1);
  EXPECT_EQ(state.next_day_starts, instant("2025-11-27T09:30+05:00"));
}

TEST(NowNext, BetweenDaysEveryRoomIsOverAndTheComingDayIsNamed) {
  const agenda::Agenda agenda = late_nights();
  const LiveState night = compute_live_state(agenda, at("2025-11-27T01:30+05:00"));
  EXPECT_EQ(night.day.index, 1);
  EXPECT_FALSE(night.day.within);
  for (const RoomNowNext& room : night.rooms)
    EXPECT_EQ(room.state, RoomState::kDayOver);
  EXPECT_EQ(night.next_day_index, 1);
  EXPECT_EQ(night.next_day_starts, instant("2025-11-27T09:30+05:00"));

  const LiveState morning = compute_live_state(agenda, at("2025-11-27T09:45+05:00"));
  EXPECT_EQ(morning.day.index, 1);
  EXPECT_TRUE(morning.day.within);
  EXPECT_EQ(morning.rooms[0].state, RoomState::kBreak);
  EXPECT_EQ(morning.rooms[1].state, RoomState::kRunning);
  EXPECT_EQ(morning.next_day_index, -1);
}

// frab's day_change 06:00: a day runs from 06:00 to 06:00, so 02:00 belongs to the day before.
agenda::Agenda day_change_at_six() {
  agenda::AgendaData data =
      conference({day(1, "2025-11-26", "2025-11-26T06:00+05:00", "2025-11-27T06:00+05:00"),
                  day(2, "2025-11-27", "2025-11-27T06:00+05:00", "2025-11-28T06:00+05:00")},
                 6 * 3600);
  data.sessions = {session("a-eve", "a", "2025-11-26T20:00+05:00", "2025-11-26T21:00+05:00"),
                   session("a-night", "a", "2025-11-27T02:00+05:00", "2025-11-27T03:00+05:00"),
                   session("a-morning", "a", "2025-11-27T09:00+05:00", "2025-11-27T10:00+05:00")};
  return agenda::Agenda(std::move(data));
}

TEST(NowNext, ASessionAfterMidnightBelongsToTheDayBeforeTheDayChange) {
  const agenda::Agenda agenda = day_change_at_six();
  const LiveState one_am = compute_live_state(agenda, at("2025-11-27T01:00+05:00"));
  EXPECT_EQ(one_am.day.index, 0);
  EXPECT_EQ(one_am.rooms[0].state, RoomState::kBreak);  // 02:00 is still today
  ASSERT_EQ(id_of(one_am.rooms[0].next), "a-night");
  EXPECT_EQ(one_am.rooms[0].next->live.day_index, 0);
  EXPECT_EQ(one_am.rooms[0].next->minutes_until, 60);

  const LiveState four_am = compute_live_state(agenda, at("2025-11-27T04:00+05:00"));
  EXPECT_EQ(four_am.day.index, 0);
  EXPECT_EQ(four_am.rooms[0].state, RoomState::kDayOver);
  EXPECT_EQ(id_of(four_am.rooms[0].next), "a-morning");
  EXPECT_EQ(four_am.next_day_starts, instant("2025-11-27T09:00+05:00"));

  const LiveState seven_am = compute_live_state(agenda, at("2025-11-27T07:00+05:00"));
  EXPECT_EQ(seven_am.day.index, 1);
  EXPECT_EQ(seven_am.rooms[0].state, RoomState::kBreak);
}

agenda::Session with_status(agenda::Session session, agenda::SessionStatus status) {
  session.status = std::move(status);
  return session;
}

TEST(NowNext, ADelayShiftsStartAndEnd) {
  agenda::AgendaData data = conference(two_calendar_days());
  data.sessions = {
      session("b-early", "b", "2025-11-26T08:00+05:00", "2025-11-26T12:00+05:00"),
      with_status(session("talk", "a", "2025-11-26T09:00+05:00", "2025-11-26T10:00+05:00"),
                  {SessionState::kDelayed, 15, {}, {}}),
      session("after", "a", "2025-11-26T10:30+05:00", "2025-11-26T11:30+05:00")};
  const agenda::Agenda agenda(std::move(data));

  const LiveState waiting = compute_live_state(agenda, at("2025-11-26T09:05+05:00"));
  EXPECT_EQ(waiting.rooms[0].state, RoomState::kBreak);
  ASSERT_EQ(id_of(waiting.rooms[0].next), "talk");
  EXPECT_TRUE(waiting.rooms[0].next->live.delayed());
  EXPECT_EQ(waiting.rooms[0].next->live.start, instant("2025-11-26T09:15+05:00"));
  EXPECT_EQ(waiting.rooms[0].next->minutes_until, 10);

  const LiveState overtime = compute_live_state(agenda, at("2025-11-26T10:05+05:00"));
  ASSERT_EQ(id_of(overtime.rooms[0].now), "talk");
  EXPECT_EQ(overtime.rooms[0].now->live.end, instant("2025-11-26T10:15+05:00"));
  EXPECT_EQ(overtime.rooms[0].now->minutes_left, 10);
  EXPECT_EQ(overtime.rooms[0].now->minutes_since_start, 50);
  EXPECT_EQ(id_of(overtime.rooms[0].next), "after");
  EXPECT_EQ(overtime.rooms[0].next->minutes_until, 25);

  const LiveState done = compute_live_state(agenda, at("2025-11-26T10:15+05:00"));
  EXPECT_EQ(done.rooms[0].state, RoomState::kBreak);
}

TEST(NowNext, WhenADelayOverlapsTheNextSessionTheLaterStartIsNow) {
  agenda::AgendaData data = conference(two_calendar_days());
  data.sessions = {
      with_status(session("talk", "a", "2025-11-26T09:00+05:00", "2025-11-26T10:00+05:00"),
                  {SessionState::kDelayed, 45, {}, {}}),
      session("after", "a", "2025-11-26T10:30+05:00", "2025-11-26T11:30+05:00")};
  const agenda::Agenda agenda(std::move(data));
  EXPECT_EQ(id_of(compute_live_state(agenda, at("2025-11-26T10:20+05:00")).rooms[0].now), "talk");
  EXPECT_EQ(id_of(compute_live_state(agenda, at("2025-11-26T10:35+05:00")).rooms[0].now), "after");
}

TEST(NowNext, ACancelledSessionIsNeitherNowNorNextButIsListed) {
  agenda::AgendaData data = conference(two_calendar_days());
  data.sessions = {
      session("b-early", "b", "2025-11-26T08:00+05:00", "2025-11-26T12:00+05:00"),
      with_status(session("gone", "a", "2025-11-26T09:00+05:00", "2025-11-26T10:00+05:00"),
                  {SessionState::kCancelled, 0, {}, {}}),
      session("stays", "a", "2025-11-26T10:30+05:00", "2025-11-26T11:30+05:00"),
      with_status(session("late-gone", "a", "2025-11-26T15:00+05:00", "2025-11-26T16:00+05:00"),
                  {SessionState::kCancelled, 0, {}, {}}),
      with_status(session("b-tomorrow", "b", "2025-11-27T09:00+05:00", "2025-11-27T10:00+05:00"),
                  {SessionState::kCancelled, 0, {}, {}})};
  const agenda::Agenda agenda(std::move(data));

  const LiveState during = compute_live_state(agenda, at("2025-11-26T09:20+05:00"));
  const RoomNowNext& a = during.rooms[0];
  EXPECT_EQ(a.state, RoomState::kBreak);
  EXPECT_FALSE(a.now);
  EXPECT_EQ(id_of(a.next), "stays");
  EXPECT_EQ(ids(a.cancelled), (std::vector<std::string>{"gone"}));  // not late-gone: after next
  // b has nothing next, but a cancellation tomorrow is not today's news.
  EXPECT_FALSE(during.rooms[1].next);
  EXPECT_TRUE(during.rooms[1].cancelled.empty());
  // Tomorrow has only that cancelled session: no day follows.
  EXPECT_EQ(during.next_day_index, -1);
  EXPECT_FALSE(during.next_day_starts);

  const LiveState before = compute_live_state(agenda, at("2025-11-26T08:30+05:00"));
  EXPECT_EQ(id_of(before.rooms[0].next), "stays");
  EXPECT_EQ(ids(before.rooms[0].cancelled), (std::vector<std::string>{"gone"}));

  const LiveState after = compute_live_state(agenda, at("2025-11-26T10:00+05:00"));
  EXPECT_TRUE(after.rooms[0].cancelled.empty());

  // With nothing left in the room, the later cancellation is the one to announce; and a
  // cancelled last session does not keep the conference going.
  const LiveState afternoon = compute_live_state(agenda, at("2025-11-26T14:00+05:00"));
  EXPECT_EQ(afternoon.rooms[0].state, RoomState::kConferenceOver);
  EXPECT_EQ(ids(afternoon.rooms[0].cancelled), (std::vector<std::string>{"late-gone"}));
  EXPECT_FALSE(afternoon.rooms[0].next);
}

agenda::Agenda moves() {
  agenda::AgendaData data = conference(two_calendar_days());
  data.sessions = {
      session("keynote", "a", "2025-11-26T08:00+05:00", "2025-11-26T08:30+05:00"),
      with_status(session("to-b", "a", "2025-11-26T09:00+05:00", "2025-11-26T10:00+05:00"),
                  {SessionState::kMoved, 0, "b", {}}),
      with_status(session("to-afternoon", "a", "2025-11-26T11:00+05:00", "2025-11-26T12:00+05:00"),
                  {SessionState::kMoved, 0, {}, instant("2025-11-26T14:00+05:00")}),
      with_status(session("both", "b", "2025-11-26T12:00+05:00", "2025-11-26T12:30+05:00"),
                  {SessionState::kMoved, 0, "a", instant("2025-11-26T13:00+05:00")}),
      with_status(session("to-nowhere", "a", "2025-11-26T16:00+05:00", "2025-11-26T16:30+05:00"),
                  {SessionState::kMoved, 0, "no-such-room", {}}),
      with_status(session("to-tomorrow", "b", "2025-11-26T17:00+05:00", "2025-11-26T18:00+05:00"),
                  {SessionState::kMoved, 0, {}, instant("2025-11-27T09:00+05:00")})};
  return agenda::Agenda(std::move(data));
}

TEST(NowNext, AMovedSessionIsInItsNewRoomAtItsNewTime) {
  const agenda::Agenda agenda = moves();
  const LiveState nine_thirty = compute_live_state(agenda, at("2025-11-26T09:30+05:00"));
  EXPECT_FALSE(nine_thirty.rooms[0].now);               // to-b left room a
  EXPECT_EQ(id_of(nine_thirty.rooms[0].next), "both");  // from b, now in a at 13:00
  EXPECT_EQ(nine_thirty.rooms[0].next->minutes_until, 210);
  ASSERT_EQ(id_of(nine_thirty.rooms[1].now), "to-b");
  EXPECT_TRUE(nine_thirty.rooms[1].now->live.moved());
  EXPECT_EQ(id_of(nine_thirty.rooms[1].next), "to-tomorrow");

  const LiveState eleven_thirty = compute_live_state(agenda, at("2025-11-26T11:30+05:00"));
  EXPECT_EQ(eleven_thirty.rooms[0].state, RoomState::kBreak);  // not at its old time

  const LiveState half_past_two = compute_live_state(agenda, at("2025-11-26T14:30+05:00"));
  ASSERT_EQ(id_of(half_past_two.rooms[0].now), "to-afternoon");
  EXPECT_EQ(half_past_two.rooms[0].now->live.end, instant("2025-11-26T15:00+05:00"));
  EXPECT_EQ(half_past_two.rooms[0].now->minutes_left, 30);

  // A move to a room the agenda does not know keeps the session where it was.
  const LiveState four = compute_live_state(agenda, at("2025-11-26T16:10+05:00"));
  EXPECT_EQ(id_of(four.rooms[0].now), "to-nowhere");

  // A move to another day makes it that day's session.
  const LiveState five = compute_live_state(agenda, at("2025-11-26T17:30+05:00"));
  EXPECT_FALSE(five.rooms[1].now);
  EXPECT_EQ(five.rooms[1].state, RoomState::kDayOver);
  ASSERT_EQ(id_of(five.rooms[1].next), "to-tomorrow");
  EXPECT_EQ(five.rooms[1].next->live.day_index, 1);
}

TEST(LiveSessions, AreInEffectiveOrderWithTheirStatusApplied) {
  const agenda::Agenda agenda = moves();
  const std::vector<LiveSession> sessions = live_sessions(agenda);
  EXPECT_EQ(ids(sessions), (std::vector<std::string>{"keynote", "to-b", "both", "to-afternoon",
                                                     "to-nowhere", "to-tomorrow"}));
  EXPECT_EQ(sessions[1].room, "b");
  EXPECT_EQ(sessions[2].room, "a");
  EXPECT_EQ(sessions[2].start, instant("2025-11-26T13:00+05:00"));
  EXPECT_EQ(sessions[2].end, instant("2025-11-26T13:30+05:00"));
  EXPECT_EQ(sessions[4].room, "a");
  EXPECT_EQ(sessions[5].day_index, 1);
  EXPECT_EQ(sessions[0].day_index, 0);
}

TEST(NextChange, IsTheNextWholeMinute) {
  const agenda::Agenda agenda = two_day_programme();
  EXPECT_EQ(compute_live_state(agenda, at("2025-11-26T09:20:30+05:00")).next_change,
            at("2025-11-26T09:21+05:00"));
  EXPECT_EQ(compute_live_state(agenda, at("2025-11-26T09:21+05:00")).next_change,
            at("2025-11-26T09:22+05:00"));
  const Timestamp just_before{at("2025-11-26T09:21+05:00").utc_ms - 1};
  EXPECT_EQ(compute_live_state(agenda, just_before).next_change, at("2025-11-26T09:21+05:00"));
  // Also between days and after the conference: the clock on screen still changes.
  EXPECT_EQ(compute_live_state(agenda, at("2025-11-28T12:00:05+05:00")).next_change,
            at("2025-11-28T12:01+05:00"));
}

TEST(NextChange, WithoutSessionsTheClockStillTicks) {
  const agenda::Agenda agenda(conference({}));
  const LiveState state = compute_live_state(agenda, at("2025-11-26T09:20:30+05:00"));
  EXPECT_EQ(state.next_change, at("2025-11-26T09:21+05:00"));
  EXPECT_EQ(state.day.index, -1);
  EXPECT_FALSE(state.day.within);
  ASSERT_EQ(state.rooms.size(), 2u);
  EXPECT_EQ(state.rooms[0].state, RoomState::kDayOver);
  EXPECT_FALSE(state.conference_starts);
}

TEST(NextChange, FollowsADayBoundaryOffTheMinute) {
  const agenda::Agenda agenda(
      conference({day(1, "2025-11-26", "2025-11-26T09:00:20+05:00", "2025-11-27T01:00:30+05:00")}));
  EXPECT_EQ(compute_live_state(agenda, at("2025-11-27T01:00:25+05:00")).next_change,
            at("2025-11-27T01:00:30+05:00"));
  EXPECT_EQ(compute_live_state(agenda, at("2025-11-26T09:00:05+05:00")).next_change,
            at("2025-11-26T09:00:20+05:00"));
}

TEST(NextChange, FollowsASessionThatEndsOffTheMinute) {
  agenda::AgendaData data = conference(two_calendar_days());
  data.sessions = {session("odd", "a", "2025-11-26T09:00+05:00", "2025-11-26T10:00:45+05:00"),
                   session("late", "b", "2025-11-26T11:00:15+05:00", "2025-11-26T12:00+05:00")};
  const agenda::Agenda agenda(std::move(data));
  const LiveState state = compute_live_state(agenda, at("2025-11-26T09:20:30+05:00"));
  EXPECT_EQ(state.next_change, at("2025-11-26T09:20:45+05:00"));
  // …because that is when its minutes left change.
  ASSERT_TRUE(state.rooms[0].now);
  EXPECT_EQ(state.rooms[0].now->minutes_left, 41);
  EXPECT_EQ(compute_live_state(agenda, state.next_change).rooms[0].now->minutes_left, 40);
  // In its last seconds the end itself is the next change.
  EXPECT_EQ(compute_live_state(agenda, at("2025-11-26T10:00:20+05:00")).next_change,
            at("2025-11-26T10:00:45+05:00"));
  // A start off the minute changes the minutes until it.
  const LiveState waiting = compute_live_state(agenda, at("2025-11-26T10:59:05+05:00"));
  EXPECT_EQ(waiting.next_change, at("2025-11-26T10:59:15+05:00"));
  ASSERT_TRUE(waiting.rooms[1].next);
  EXPECT_EQ(waiting.rooms[1].next->minutes_until, 2);
  EXPECT_EQ(compute_live_state(agenda, waiting.next_change).rooms[1].next->minutes_until, 1);
}

}  // namespace
}  // namespace ijlas::live
