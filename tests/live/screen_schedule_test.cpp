// The nightly screen-off span in venue time, overnight spans, the next change, and a touch that
// wakes a dark screen for a while.
#include "live/screen_schedule.hpp"

#include <gtest/gtest.h>

#include "core/diagnostic.hpp"

namespace ijlas::live {
namespace {

constexpr std::int32_t kKarachi = 5 * 3600;
// 2025-11-26T00:00:00+05:00, midnight at the venue.
constexpr std::int64_t kVenueMidnight = 1764097200;

time::Instant venue(int hours, int minutes, int seconds = 0, int day = 0) {
  return {kVenueMidnight + day * 86400 + hours * 3600 + minutes * 60 + seconds, kKarachi};
}

ScreenSchedule parsed(std::string_view text) {
  const ScreenScheduleParse result = ScreenSchedule::parse(text);
  EXPECT_TRUE(result.schedule) << result.error;
  return result.schedule.value_or(ScreenSchedule());
}

TEST(ScreenSchedule, AnEmptySettingNeverTurnsTheScreenOff) {
  const ScreenSchedule schedule = parsed("");
  EXPECT_TRUE(schedule.never_off());
  EXPECT_FALSE(schedule.off_at(venue(3, 0)));
  EXPECT_EQ(schedule.next_change(venue(3, 0)), std::nullopt);
  EXPECT_EQ(schedule.text(), "");
  EXPECT_TRUE(parsed("   ").never_off());
}

TEST(ScreenSchedule, AnOvernightSpanIsOffFromTheEveningToTheMorning) {
  const ScreenSchedule schedule = parsed("22:00-07:00");
  EXPECT_FALSE(schedule.off_at(venue(21, 59, 59)));
  EXPECT_TRUE(schedule.off_at(venue(22, 0)));
  EXPECT_TRUE(schedule.off_at(venue(23, 59, 59)));
  EXPECT_TRUE(schedule.off_at(venue(0, 0)));
  EXPECT_TRUE(schedule.off_at(venue(6, 59, 59)));
  EXPECT_FALSE(schedule.off_at(venue(7, 0)));
  EXPECT_FALSE(schedule.off_at(venue(12, 0)));
  EXPECT_EQ(schedule.text(), "22:00-07:00");
}

TEST(ScreenSchedule, ASpanWithinADayIsOffOnlyInside) {
  const ScreenSchedule schedule = parsed("13:00-14:30");
  EXPECT_FALSE(schedule.off_at(venue(12, 59)));
  EXPECT_TRUE(schedule.off_at(venue(13, 0)));
  EXPECT_TRUE(schedule.off_at(venue(14, 29, 59)));
  EXPECT_FALSE(schedule.off_at(venue(14, 30)));
  EXPECT_FALSE(schedule.off_at(venue(23, 0)));
}

TEST(ScreenSchedule, ReadsTheVenuesWallTimeNotUtc) {
  const ScreenSchedule schedule = parsed("22:00-07:00");
  // 17:30 UTC is 22:30 in Karachi: off; the same instant read at UTC would be on.
  const time::Instant at{kVenueMidnight + 22 * 3600 + 1800, kKarachi};
  EXPECT_TRUE(schedule.off_at(at));
  EXPECT_FALSE(schedule.off_at(time::Instant{at.utc_seconds, 0}));
}

TEST(ScreenSchedule, TheNextChangeIsTheNextEdgeOfTheSpan) {
  const ScreenSchedule schedule = parsed("22:00-07:00");
  EXPECT_EQ(schedule.next_change(venue(12, 0)), venue(22, 0));
  EXPECT_EQ(schedule.next_change(venue(22, 0)), venue(7, 0, 0, 1));
  EXPECT_EQ(schedule.next_change(venue(23, 30)), venue(7, 0, 0, 1));
  EXPECT_EQ(schedule.next_change(venue(3, 0)), venue(7, 0));
  EXPECT_EQ(schedule.next_change(venue(7, 0)), venue(22, 0));
  // Just before the end of the night: one second away.
  EXPECT_EQ(schedule.next_change(venue(6, 59, 59)), venue(7, 0));
}

TEST(ScreenSchedule, AcceptsTheWaysPeopleWriteASpan) {
  EXPECT_EQ(parsed(" 22:00 - 07:00 ").text(), "22:00-07:00");
  EXPECT_EQ(parsed("22:00\u201307:00").text(), "22:00-07:00");  // en dash
  EXPECT_EQ(parsed("9:30-17:00").text(), "09:30-17:00");
  EXPECT_EQ(parsed("23:00-00:00").text(), "23:00-00:00");
  EXPECT_TRUE(parsed("23:00-00:00").off_at(venue(23, 30)));
  EXPECT_FALSE(parsed("23:00-00:00").off_at(venue(0, 0)));
}

TEST(ScreenSchedule, RefusesWhatIsNotASpanAndSaysHowToWriteIt) {
  for (const char* bad : {"22:00", "22-07", "22:00-25:00", "night", "22:00-22:00", "-07:00"}) {
    const ScreenScheduleParse result = ScreenSchedule::parse(bad);
    EXPECT_FALSE(result.schedule) << bad;
    EXPECT_NE(result.error.find(quoted(bad)), std::string::npos) << result.error;
    EXPECT_NE(result.error.find("\"22:00-07:00\""), std::string::npos) << result.error;
  }
}

TEST(ScreenSwitch, FollowsTheScheduleWhenNobodyTouches) {
  const ScreenSwitch screen(parsed("22:00-07:00"));
  EXPECT_TRUE(screen.screen_on(venue(21, 0)));
  EXPECT_FALSE(screen.screen_on(venue(23, 0)));
  EXPECT_TRUE(screen.screen_on(venue(7, 0, 0, 1)));
  EXPECT_EQ(screen.next_change(venue(23, 0)), venue(7, 0, 0, 1));
}

TEST(ScreenSwitch, ATouchInTheDarkWakesTheScreenForAWhile) {
  ScreenSwitch screen(parsed("22:00-07:00"), 300);
  screen.touched(venue(23, 0));
  EXPECT_TRUE(screen.screen_on(venue(23, 0)));
  EXPECT_TRUE(screen.screen_on(venue(23, 4, 59)));
  EXPECT_FALSE(screen.screen_on(venue(23, 5)));
  EXPECT_EQ(screen.next_change(venue(23, 1)), venue(23, 5));
  // Every touch starts the while anew.
  screen.touched(venue(23, 4));
  EXPECT_TRUE(screen.screen_on(venue(23, 8, 59)));
  EXPECT_FALSE(screen.screen_on(venue(23, 9)));
}

TEST(ScreenSwitch, ATouchInTheDaytimeLeavesNoWakeForTheNight) {
  ScreenSwitch screen(parsed("22:00-07:00"), 300);
  screen.touched(venue(21, 58));
  EXPECT_FALSE(screen.screen_on(venue(22, 0)));
  EXPECT_EQ(screen.next_change(venue(21, 59)), venue(22, 0));
}

TEST(ScreenSwitch, AWakeRunningPastTheMorningEndsWithTheNight) {
  ScreenSwitch screen(parsed("22:00-07:00"), 600);
  screen.touched(venue(6, 55));
  EXPECT_EQ(screen.next_change(venue(6, 56)), venue(7, 0));
  EXPECT_TRUE(screen.screen_on(venue(7, 3)));
  EXPECT_FALSE(screen.screen_on(venue(22, 0)));  // the old wake is long over
}

}  // namespace
}  // namespace ijlas::live
