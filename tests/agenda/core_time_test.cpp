// Calendar arithmetic and ISO 8601 parsing in core/time; epoch values from `date -d … +%s`.
#include "core/time.hpp"

#include <gtest/gtest.h>

namespace ijlas::time {
namespace {

TEST(AgendaCoreTime, DaysFromDateMatchesTheCalendar) {
  EXPECT_EQ(days_from_date({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_date({2025, 11, 26}), 20418);  // 1764115200 / 86400
  EXPECT_EQ(date_from_days(20418), (Date{2025, 11, 26}));
  EXPECT_EQ(date_from_days(-1), (Date{1969, 12, 31}));
  EXPECT_EQ(date_from_days(days_from_date({2024, 2, 29}) + 1), (Date{2024, 3, 1}));
}

TEST(AgendaCoreTime, ParsesDateTimesWithOffsetsZuluAndFloating) {
  const auto karachi = parse_date_time("2025-11-26T09:30:00+05:00");
  ASSERT_TRUE(karachi && karachi->offset_seconds);
  EXPECT_EQ(*karachi->offset_seconds, 5 * 3600);
  EXPECT_EQ(karachi->local.local_seconds() - *karachi->offset_seconds, 1764131400);
  const auto zulu = parse_date_time("2015-09-18T08:30:00Z");
  ASSERT_TRUE(zulu && zulu->offset_seconds);
  EXPECT_EQ(zulu->local.local_seconds(), 1442565000);
  const auto floating = parse_date_time("2025-11-26 09:30");
  ASSERT_TRUE(floating);
  EXPECT_FALSE(floating->offset_seconds);
  EXPECT_EQ(floating->local.seconds_of_day, 9 * 3600 + 30 * 60);
  const auto fraction = parse_date_time("2020-01-01T00:00:00.123-0330");
  ASSERT_TRUE(fraction && fraction->offset_seconds);
  EXPECT_EQ(*fraction->offset_seconds, -(3 * 3600 + 30 * 60));
}

TEST(AgendaCoreTime, RejectsWhatIsNotATime) {
  EXPECT_FALSE(parse_date_time("2025-02-30T10:00:00Z"));
  EXPECT_FALSE(parse_date_time("2025-11-26T24:00:00Z"));
  EXPECT_FALSE(parse_date_time("2025-11-26T09:30:00+5"));
  EXPECT_FALSE(parse_date_time("2025-11-26"));
  EXPECT_FALSE(parse_date("2025-1-26"));
  EXPECT_FALSE(parse_clock_time("9h30"));
  EXPECT_FALSE(parse_clock_time("10:60"));
  EXPECT_FALSE(parse_duration("-00:30"));
}

TEST(AgendaCoreTime, ParsesClockTimesAndDurations) {
  EXPECT_EQ(parse_clock_time("09:00:00"), 9 * 3600);
  EXPECT_EQ(parse_clock_time("9:05"), 9 * 3600 + 5 * 60);
  EXPECT_EQ(parse_duration("00:20"), 20 * 60);
  EXPECT_EQ(parse_duration("26:00"), 26 * 3600);
  EXPECT_EQ(parse_duration("01:30:15"), 5415);
}

TEST(AgendaCoreTime, FormatsWallTimeWithTheWrittenOffset) {
  const Instant opening{1764131400, 5 * 3600};
  EXPECT_EQ(format_date_time(opening), "2025-11-26T09:30:00+05:00");
  EXPECT_EQ(local_date_of({1419721200, 3600}), (Date{2014, 12, 28}));
  EXPECT_EQ(format_date_time({1419721200, 3600}), "2014-12-28T00:00:00+01:00");
  EXPECT_EQ(format_date_time({0, -(9 * 3600 + 30 * 60)}), "1969-12-31T14:30:00-09:30");
  EXPECT_EQ(format_clock_time(10 * 3600), "10:00");
  EXPECT_EQ(format_duration(5415), "01:30:15");
}

}  // namespace
}  // namespace ijlas::time
