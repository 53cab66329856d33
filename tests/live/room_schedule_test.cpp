// The room-door screen's list: one room's sessions of the current day and where each stands.
#include "live/room_schedule.hpp"

#include <gtest/gtest.h>

#include "live_test_support.hpp"

namespace ijlas::live {
namespace {

using agenda::SessionState;
using testing::at;
using testing::conference;
using testing::day;
using testing::instant;
using testing::session;

struct Row {
  std::string id;
  SlotState state;
  bool moved_away;
  friend bool operator==(const Row&, const Row&) = default;
  friend std::ostream& operator<<(std::ostream& out, const Row& row) {
    return out << row.id << "/" << static_cast<int>(row.state) << (row.moved_away ? "/away" : "");
  }
};

std::vector<Row> rows(const RoomSchedule& schedule) {
  std::vector<Row> out;
  for (const RoomScheduleEntry& entry : schedule.entries) {
    out.push_back({entry.live.session->id, entry.state, entry.moved_away});
  }
  return out;
}

agenda::Session with_status(agenda::Session session, agenda::SessionStatus status) {
  session.status = std::move(status);
  return session;
}

// frab-like days from 06:00 to 06:00; room a has a session at 02:00 that belongs to day 1.
agenda::Agenda programme() {
  agenda::AgendaData data =
      conference({day(1, "2025-11-26", "2025-11-26T06:00+05:00", "2025-11-27T06:00+05:00"),
                  day(2, "2025-11-27", "2025-11-27T06:00+05:00", "2025-11-28T06:00+05:00")},
                 6 * 3600);
  data.sessions = {
      session("opening", "a", "2025-11-26T09:00+05:00", "2025-11-26T10:00+05:00"),
      with_status(session("panel", "a", "2025-11-26T10:00+05:00", "2025-11-26T11:00+05:00"),
                  {SessionState::kDelayed, 10, {}, {}}),
      with_status(session("workshop", "a", "2025-11-26T12:00+05:00", "2025-11-26T13:00+05:00"),
                  {SessionState::kCancelled, 0, {}, {}}),
      with_status(session("moved-out", "a", "2025-11-26T14:00+05:00", "2025-11-26T15:00+05:00"),
                  {SessionState::kMoved, 0, "b", {}}),
      with_status(session("moved-in", "b", "2025-11-26T16:00+05:00", "2025-11-26T17:00+05:00"),
                  {SessionState::kMoved, 0, "a", {}}),
      session("night", "a", "2025-11-27T02:00+05:00", "2025-11-27T03:00+05:00"),
      session("b-talk", "b", "2025-11-26T09:00+05:00", "2025-11-26T10:00+05:00"),
      session("tomorrow", "a", "2025-11-27T09:00+05:00", "2025-11-27T10:00+05:00")};
  return agenda::Agenda(std::move(data));
}

TEST(RoomSchedule, TheRoomsDayWithEachSessionsState) {
  const agenda::Agenda agenda = programme();
  const auto schedule = compute_room_schedule(agenda, "a", at("2025-11-26T10:05+05:00"));
  ASSERT_TRUE(schedule);
  EXPECT_EQ(schedule->room->id, "a");
  EXPECT_EQ(schedule->day.index, 0);
  EXPECT_EQ(rows(*schedule), (std::vector<Row>{{"opening", SlotState::kFinished, false},
                                               {"panel", SlotState::kUpcoming, false},
                                               {"workshop", SlotState::kCancelled, false},
                                               {"moved-out", SlotState::kUpcoming, true},
                                               {"moved-in", SlotState::kUpcoming, false},
                                               {"night", SlotState::kUpcoming, false}}));
  // The delayed panel is listed at its new time.
  EXPECT_EQ(schedule->entries[1].live.start, instant("2025-11-26T10:10+05:00"));
  EXPECT_EQ(schedule->entries[3].live.room, "b");
}

TEST(RoomSchedule, StatesFollowTheClock) {
  const agenda::Agenda agenda = programme();
  const auto schedule = compute_room_schedule(agenda, "a", at("2025-11-26T14:30+05:00"));
  ASSERT_TRUE(schedule);
  EXPECT_EQ(rows(*schedule), (std::vector<Row>{{"opening", SlotState::kFinished, false},
                                               {"panel", SlotState::kFinished, false},
                                               {"workshop", SlotState::kCancelled, false},
                                               {"moved-out", SlotState::kRunning, true},
                                               {"moved-in", SlotState::kUpcoming, false},
                                               {"night", SlotState::kUpcoming, false}}));
}

TEST(RoomSchedule, AfterMidnightStillListsThePreviousDay) {
  const agenda::Agenda agenda = programme();
  const auto night = compute_room_schedule(agenda, "a", at("2025-11-27T02:30+05:00"));
  ASSERT_TRUE(night);
  EXPECT_EQ(night->day.index, 0);
  ASSERT_EQ(night->entries.size(), 6u);
  EXPECT_EQ((Row{"night", SlotState::kRunning, false}), rows(*night).back());

  const auto morning = compute_room_schedule(agenda, "a", at("2025-11-27T07:00+05:00"));
  ASSERT_TRUE(morning);
  EXPECT_EQ(morning->day.index, 1);
  EXPECT_EQ(rows(*morning), (std::vector<Row>{{"tomorrow", SlotState::kUpcoming, false}}));
}

TEST(RoomSchedule, AnotherRoomAndAnUnknownRoom) {
  const agenda::Agenda agenda = programme();
  const auto b = compute_room_schedule(agenda, "b", at("2025-11-26T09:30+05:00"));
  ASSERT_TRUE(b);
  EXPECT_EQ(rows(*b), (std::vector<Row>{{"b-talk", SlotState::kRunning, false},
                                        {"moved-out", SlotState::kUpcoming, false},
                                        {"moved-in", SlotState::kUpcoming, true}}));
  EXPECT_FALSE(compute_room_schedule(agenda, "no-such-room", at("2025-11-26T09:30+05:00")));
}

}  // namespace
}  // namespace ijlas::live
