// The real clock, the rehearsal clock's rate and steps, and the --clock / --clock-rate values.
#include "live/clock.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "core/diagnostic.hpp"
#include "live_test_support.hpp"  // also how failures print a Timestamp

namespace ijlas::live {
namespace {

constexpr std::int64_t kVenueTenTwenty = 1764134400;  // 2025-11-26T10:20:00+05:00

agenda::TimeZone karachi() {
  const auto zone = agenda::TimeZone::find("Asia/Karachi");
  EXPECT_TRUE(zone);
  return *zone;
}

TEST(Timestamp, SecondsRoundTowardsThePast) {
  EXPECT_EQ(Timestamp{1'500}.utc_seconds(), 1);
  EXPECT_EQ(Timestamp{-1'500}.utc_seconds(), -2);
  EXPECT_EQ(Timestamp{-2'000}.utc_seconds(), -2);
  EXPECT_EQ(Timestamp::from_seconds(kVenueTenTwenty).utc_ms, kVenueTenTwenty * 1000);
}

TEST(SystemClock, ReadsTheRealTime) {
  const std::int64_t before = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
  const Timestamp now = SystemClock().now();
  EXPECT_GE(now.utc_ms, before);
  EXPECT_LT(now.utc_ms, before + 5'000);
}

TEST(RehearsalClock, AFrozenClockMovesOnlyWhenAdvanced) {
  RehearsalClock clock(Timestamp::from_seconds(kVenueTenTwenty), 0);
  EXPECT_EQ(clock.now(), Timestamp::from_seconds(kVenueTenTwenty));
  clock.advance(90);
  EXPECT_EQ(clock.now(), Timestamp::from_seconds(kVenueTenTwenty + 90));
  clock.advance(-30);
  clock.advance_ms(250);
  EXPECT_EQ(clock.now().utc_ms, (kVenueTenTwenty + 60) * 1000 + 250);
}

TEST(RehearsalClock, RunsAtItsRateOfRealTime) {
  RehearsalClock real(Timestamp{0}, 0);  // stands in for real time, stepped by hand
  RehearsalClock sixty(Timestamp::from_seconds(kVenueTenTwenty), 60, &real);
  RehearsalClock half(Timestamp::from_seconds(kVenueTenTwenty), 0.5, &real);
  real.advance(2);
  EXPECT_EQ(sixty.now(), Timestamp::from_seconds(kVenueTenTwenty + 120));  // two real seconds
  EXPECT_EQ(half.now(), Timestamp::from_seconds(kVenueTenTwenty + 1));
  sixty.advance(600);  // a step adds to the running
  real.advance(1);
  EXPECT_EQ(sixty.now(), Timestamp::from_seconds(kVenueTenTwenty + 180 + 600));
  EXPECT_EQ(half.now().utc_ms, kVenueTenTwenty * 1000 + 1'500);
  EXPECT_EQ(sixty.rate(), 60);
}

TEST(RehearsalClock, RunsOnTheMonotonicClockByDefault) {
  const RehearsalClock clock(Timestamp::from_seconds(kVenueTenTwenty), 1);
  const Timestamp first = clock.now();
  EXPECT_GE(first.utc_ms, kVenueTenTwenty * 1000);
  EXPECT_LT(first.utc_ms, kVenueTenTwenty * 1000 + 5'000);
  EXPECT_GE(clock.now(), first);
}

// The bundled agenda's shape: a sample of two days in Asia/Karachi.
agenda::Agenda sample_agenda(bool is_sample) {
  using testing::day, testing::session;
  agenda::AgendaData data = testing::conference(
      {day(1, "2025-11-26", "2025-11-26T00:00+05:00", "2025-11-27T00:00+05:00"),
       day(2, "2025-11-27", "2025-11-27T00:00+05:00", "2025-11-28T00:00+05:00")});
  data.conference.is_sample = is_sample;
  data.sessions = {session("opening", "a", "2025-11-26T09:30+05:00", "2025-11-26T10:30+05:00"),
                   session("closing", "a", "2025-11-27T16:00+05:00", "2025-11-27T17:00+05:00")};
  return agenda::Agenda(std::move(data));
}

TEST(SampleRehearsal, ASampleAfterItsDatesRehearsesFromItsFirstSession) {
  const auto start = sample_rehearsal_start(sample_agenda(true), testing::at("2026-12-01T12:00Z"));
  ASSERT_TRUE(start);
  EXPECT_EQ(*start, testing::at("2025-11-26T09:30+05:00"));
}

TEST(SampleRehearsal, ASampleBeforeItsDatesRehearsesToo) {
  EXPECT_TRUE(sample_rehearsal_start(sample_agenda(true), testing::at("2025-11-01T09:00+05:00")));
}

TEST(SampleRehearsal, ASampleDuringItsDatesRunsOnTheRealClock) {
  // Between its two days too: the dates count, not the sessions.
  EXPECT_FALSE(sample_rehearsal_start(sample_agenda(true), testing::at("2025-11-26T09:00+05:00")));
  EXPECT_FALSE(sample_rehearsal_start(sample_agenda(true), testing::at("2025-11-26T22:00+05:00")));
  EXPECT_FALSE(sample_rehearsal_start(sample_agenda(true), testing::at("2025-11-27T23:59+05:00")));
  EXPECT_TRUE(sample_rehearsal_start(sample_agenda(true), testing::at("2025-11-28T00:00+05:00")));
}

TEST(SampleRehearsal, ARealAgendaIsNeverRehearsedOnItsOwn) {
  EXPECT_FALSE(sample_rehearsal_start(sample_agenda(false), testing::at("2026-12-01T12:00Z")));
}

TEST(ClockStart, AcceptsOffsetsZuluSecondsAndVenueTime) {
  const agenda::TimeZone zone = karachi();
  for (const char* text : {"2025-11-26T10:20+05:00", "2025-11-26T10:20:00+05:00",
                           "2025-11-26T05:20Z", "2025-11-26T10:20", "2025-11-26T06:20+01:00"}) {
    const ClockStartParse parsed = parse_clock_start(text, zone);
    ASSERT_TRUE(parsed.start) << text << ": " << parsed.error;
    EXPECT_EQ(*parsed.start, Timestamp::from_seconds(kVenueTenTwenty)) << text;
    EXPECT_TRUE(parsed.error.empty());
  }
  EXPECT_EQ(parse_clock_start("2025-11-26T10:20:30+05:00", zone).start,
            Timestamp::from_seconds(kVenueTenTwenty + 30));
}

TEST(ClockStart, VenueTimeFollowsTheGivenZone) {
  const auto utc = agenda::TimeZone::find("UTC");
  ASSERT_TRUE(utc);
  EXPECT_EQ(parse_clock_start("2025-11-26T10:20", *utc).start,
            Timestamp::from_seconds(kVenueTenTwenty + 5 * 3600));
}

TEST(ClockStart, AnErrorQuotesTheBadTextAndShowsTheForm) {
  const agenda::TimeZone zone = karachi();
  for (const char* text : {"yesterday", "2025-11-31T10:20", "2025-11-26T25:00+05:00",
                           "2025-11-26T10:20+5", "", "2025-11-26"}) {
    const ClockStartParse parsed = parse_clock_start(text, zone);
    EXPECT_FALSE(parsed.start) << text;
    EXPECT_NE(parsed.error.find("--clock " + quoted(text)), std::string::npos) << parsed.error;
    EXPECT_NE(parsed.error.find("2025-11-26T10:20+05:00"), std::string::npos) << parsed.error;
    EXPECT_NE(parsed.error.find("Asia/Karachi"), std::string::npos) << parsed.error;
  }
}

TEST(ClockRate, AcceptsNumbersFromZero) {
  EXPECT_EQ(parse_clock_rate("0").rate, 0.0);
  EXPECT_EQ(parse_clock_rate("1").rate, 1.0);
  EXPECT_EQ(parse_clock_rate("60").rate, 60.0);
  EXPECT_EQ(parse_clock_rate("0.5").rate, 0.5);
}

TEST(ClockRate, AnErrorQuotesTheBadText) {
  for (const char* text : {"-1", "fast", "", "nan", "inf", "1e9", "60x", " 60"}) {
    const ClockRateParse parsed = parse_clock_rate(text);
    EXPECT_FALSE(parsed.rate) << text;
    EXPECT_NE(parsed.error.find("--clock-rate " + quoted(text)), std::string::npos) << parsed.error;
  }
}

}  // namespace
}  // namespace ijlas::live
