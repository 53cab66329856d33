// Now & Next over the bundled agenda (assets/agenda/islamabad-2025.json) and a real frab export
// (31c3, whose days run to 04:00); the expected sessions are read from those files.
#include <gtest/gtest.h>

#include "agenda/agenda_loader.hpp"
#include "live/now_next.hpp"
#include "live/room_schedule.hpp"
#include "live_test_support.hpp"
#include "shared_files.hpp"

namespace ijlas::live {
namespace {

using testing::at;
using testing::instant;

std::shared_ptr<const agenda::Agenda> load(const std::string& path) {
  const agenda::LoadResult result = agenda::load_agenda_file(path);
  EXPECT_TRUE(result.ok()) << path;
  return result.agenda;
}

TEST(DefaultAgendaLive, TwentyPastTenOnTheFirstDay) {
  const auto agenda = load(IJLAS_ASSET_DIR "/agenda/islamabad-2025.json");
  ASSERT_TRUE(agenda);
  const LiveState state = compute_live_state(*agenda, at("2025-11-26T10:20+05:00"));
  EXPECT_EQ(state.day.index, 0);
  EXPECT_TRUE(state.day.within);
  ASSERT_EQ(state.rooms.size(), 3u);

  // Main hall: the opening (09:30–10:30) runs, tea (10:30) comes next.
  const RoomNowNext& main_hall = state.rooms[0];
  EXPECT_EQ(main_hall.room->id, "main-hall");
  EXPECT_EQ(main_hall.state, RoomState::kRunning);
  ASSERT_TRUE(main_hall.now);
  EXPECT_EQ(main_hall.now->live.session->id, "opening");
  EXPECT_EQ(main_hall.now->minutes_left, 10);
  EXPECT_EQ(main_hall.now->minutes_since_start, 50);
  EXPECT_DOUBLE_EQ(main_hall.now->progress, 50.0 / 60.0);
  ASSERT_TRUE(main_hall.next);
  EXPECT_EQ(main_hall.next->live.session->id, "tea-day-1");
  EXPECT_EQ(main_hall.next->minutes_until, 10);

  // The committee rooms open at 13:30 with the two parallel working sessions.
  const RoomNowNext& room_1 = state.rooms[1];
  EXPECT_EQ(room_1.room->id, "committee-room-1");
  EXPECT_EQ(room_1.state, RoomState::kBreak);
  EXPECT_FALSE(room_1.now);
  ASSERT_TRUE(room_1.next);
  EXPECT_EQ(room_1.next->live.session->id, "criminal-networks");
  EXPECT_EQ(room_1.next->minutes_until, 190);
  const RoomNowNext& room_2 = state.rooms[2];
  EXPECT_EQ(room_2.room->id, "committee-room-2");
  EXPECT_EQ(room_2.state, RoomState::kBreak);
  ASSERT_TRUE(room_2.next);
  EXPECT_EQ(room_2.next->live.session->id, "fraudulent-documents");

  EXPECT_EQ(state.next_day_index, 1);
  EXPECT_EQ(state.next_day_starts, instant("2025-11-27T09:30+05:00"));
  EXPECT_EQ(state.next_change, at("2025-11-26T10:21+05:00"));
}

TEST(DefaultAgendaLive, EveningOfTheFirstDayAndTheEnd) {
  const auto agenda = load(IJLAS_ASSET_DIR "/agenda/islamabad-2025.json");
  ASSERT_TRUE(agenda);
  const LiveState evening = compute_live_state(*agenda, at("2025-11-26T17:30+05:00"));
  for (const RoomNowNext& room : evening.rooms)
    EXPECT_EQ(room.state, RoomState::kDayOver);
  EXPECT_EQ(evening.next_day_starts, instant("2025-11-27T09:30+05:00"));

  const LiveState over = compute_live_state(*agenda, at("2025-11-27T17:00+05:00"));
  for (const RoomNowNext& room : over.rooms)
    EXPECT_EQ(room.state, RoomState::kConferenceOver);

  const auto door =
      compute_room_schedule(*agenda, "committee-room-2", at("2025-11-27T11:10+05:00"));
  ASSERT_TRUE(door);
  ASSERT_EQ(door->entries.size(), 1u);  // day 2: only the Global Alliance session
  EXPECT_EQ(door->entries[0].live.session->id, "global-alliance");
  EXPECT_EQ(door->entries[0].state, SlotState::kRunning);
}

TEST(RealScheduleLive, ChaosCommunicationCongressAfterMidnight) {
  const auto agenda = load(shared_file("schedules/31c3-schedule.xml"));
  ASSERT_TRUE(agenda);
  // Day 1 runs from 11:00 on the 27th to 04:00 on the 28th; Citizenfour is 00:00–02:15 in Saal 1.
  const LiveState night = compute_live_state(*agenda, at("2014-12-28T00:30+01:00"));
  EXPECT_EQ(night.day.index, 0);
  EXPECT_TRUE(night.day.within);
  const auto saal_1 =
      std::find_if(night.rooms.begin(), night.rooms.end(),
                   [](const RoomNowNext& room) { return room.room->id == "Saal 1"; });
  ASSERT_NE(saal_1, night.rooms.end());
  EXPECT_EQ(saal_1->state, RoomState::kRunning);
  ASSERT_TRUE(saal_1->now);
  EXPECT_EQ(saal_1->now->live.session->id, "6581");
  EXPECT_EQ(saal_1->now->minutes_left, 105);
  ASSERT_TRUE(saal_1->next);
  EXPECT_EQ(saal_1->next->live.session->id, "6196");  // 11:30 on day 2
  EXPECT_EQ(saal_1->next->live.day_index, 1);

  const LiveState early = compute_live_state(*agenda, at("2014-12-28T05:00+01:00"));
  EXPECT_EQ(early.day.index, 1);  // between day 1 (to 04:00) and day 2 (from 11:30)
  EXPECT_FALSE(early.day.within);
  for (const RoomNowNext& room : early.rooms)
    EXPECT_EQ(room.state, RoomState::kDayOver);
  EXPECT_EQ(early.next_day_index, 1);
  EXPECT_EQ(early.next_day_starts, instant("2014-12-28T11:30+01:00"));
}

}  // namespace
}  // namespace ijlas::live
