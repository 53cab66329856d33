// Issue 9, "time zones that are right": floating times are read in the venue's zone (the
// `time_zone` key of ijlas.toml) and the organizer is told which zone was used; UTC instants
// never contradict a declared zone.
#include <gtest/gtest.h>

#include "agenda_test_support.hpp"
#include "core/read_file.hpp"

namespace ijlas::agenda {
namespace {

using testing::load_data;
using testing::load_text;
using testing::messages;
using testing::shared_schedule;
using testing::utc;

const LoadOptions kKarachi{"Asia/Karachi"};

TEST(AgendaVenueZone, FloatingCalendarTimesAreReadInTheVenuesZone) {
  const LoadResult result = load_data("ical-floating-no-zone.ics", kKarachi);
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->conference().time_zone, "Asia/Karachi");
  EXPECT_EQ(result.agenda->sessions()[0].start.utc_seconds, utc("2025-11-26T09:30:00+05:00"));
  EXPECT_EQ(messages(result),
            "ical-floating-no-zone.ics:1:1: warning: 4 times have no zone (no TZID, no "
            "X-WR-TIMEZONE) and are read in " +
                quoted("Asia/Karachi") +
                ", the venue's zone (time_zone in "
                "ijlas.toml)\n");
}

TEST(AgendaVenueZone, WithoutAVenueZoneFloatingTimesAreReadAsUtcAndTheOrganizerIsTold) {
  const LoadResult result = load_data("ical-floating-no-zone.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->conference().time_zone, "UTC");
  EXPECT_EQ(result.agenda->sessions()[0].start.utc_seconds, utc("2025-11-26T09:30:00+00:00"));
  EXPECT_EQ(messages(result),
            "ical-floating-no-zone.ics:1:1: warning: 4 times have no zone (no TZID, no "
            "X-WR-TIMEZONE) and are read in " +
                quoted("UTC") +
                ": set time_zone in ijlas.toml to the venue's "
                "zone, or add X-WR-TIMEZONE to the calendar\n");
}

TEST(AgendaVenueZone, ACalendarOfUtcTimesIsShownInTheVenuesZone) {
  const std::string bytes = read_file(shared_schedule("pyconuk2015-schedule.ics")).bytes;
  const LoadResult shown = load_text(bytes, "pyconuk.ics", {"Europe/London"});
  ASSERT_TRUE(shown.ok()) << messages(shown);
  EXPECT_EQ(shown.agenda->conference().time_zone, "Europe/London");
  // 08:30Z is 09:30 in London in September: the instant is unchanged, the wall time follows.
  const Session& first = shown.agenda->sessions()[1];
  EXPECT_EQ(first.start.utc_seconds, 1442565000);
  EXPECT_EQ(time::format_date_time(first.start), "2015-09-18T09:30:00+01:00");
  EXPECT_EQ(messages(shown).find("shown in UTC"), std::string::npos) << messages(shown);

  const LoadResult utc_only = load_text(bytes, "pyconuk.ics");
  ASSERT_TRUE(utc_only.ok());
  EXPECT_EQ(utc_only.agenda->conference().time_zone, "UTC");
  EXPECT_NE(messages(utc_only).find("pyconuk.ics:1:1: warning: the calendar's times are in UTC "
                                    "and it names no zone: they are shown in UTC"),
            std::string::npos)
      << messages(utc_only);
}

TEST(AgendaVenueZone, ACsvWithoutAZoneColumnIsReadInTheVenuesZoneNeverSilentlyInKarachi) {
  const std::string csv = "date,start,end,room,title\n2025-02-01,09:30,10:00,Janson,Welcome\n";
  const LoadResult brussels = load_text(csv, "x.csv", {"Europe/Brussels"});
  ASSERT_TRUE(brussels.ok()) << messages(brussels);
  EXPECT_EQ(brussels.agenda->sessions()[0].start.utc_seconds, utc("2025-02-01T09:30:00+01:00"));
  EXPECT_EQ(messages(brussels),
            "x.csv:1:1: warning: the file has no time_zone column: its times are read in " +
                quoted("Europe/Brussels") + ", the venue's zone (time_zone in ijlas.toml)\n");

  const LoadResult unknown = load_text(csv, "x.csv");
  ASSERT_TRUE(unknown.ok()) << messages(unknown);
  EXPECT_EQ(unknown.agenda->conference().time_zone, "UTC");
  EXPECT_EQ(unknown.agenda->sessions()[0].start.utc_seconds, utc("2025-02-01T09:30:00+00:00"));
  EXPECT_NE(messages(unknown).find("its times are read in " + quoted("UTC") +
                                   "; set time_zone in ijlas.toml"),
            std::string::npos);
}

TEST(AgendaVenueZone, AScheduleWithoutAZoneIsShownInTheVenuesZone) {
  const LoadResult result =
      load_agenda_file(shared_schedule("31c3-schedule.xml"), {"Europe/Berlin"});
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->conference().time_zone, "Europe/Berlin");
  EXPECT_NE(messages(result).find("the schedule declares no time zone: it is shown in the venue's "
                                  "zone " +
                                  quoted("Europe/Berlin")),
            std::string::npos)
      << messages(result);
}

// A frab schedule that names no zone and writes local times (no offset) in `date` and `start`:
// both are read in the venue's zone, and the organizer is told which zone that is.
class FrabFloatingTimes : public ::testing::TestWithParam<std::string> {};

TEST_P(FrabFloatingTimes, AreReadInTheVenuesZone) {
  const LoadResult result = load_data(GetParam(), {"Europe/Brussels"});
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->conference().time_zone, "Europe/Brussels");
  EXPECT_EQ(result.agenda->find_session("11")->start.utc_seconds, utc("2025-02-01T09:30:00+01:00"));
  EXPECT_EQ(result.agenda->find_session("12")->start.utc_seconds, utc("2025-02-01T10:15:00+01:00"));
  EXPECT_NE(messages(result).find("declares no time zone: it is shown in the venue's zone " +
                                  quoted("Europe/Brussels") +
                                  " (time_zone in ijlas.toml); times with an offset keep it, "
                                  "times without one are read in that zone"),
            std::string::npos)
      << messages(result);
}

TEST_P(FrabFloatingTimes, WithoutAVenueZoneAreReadAsUtcAndTheOrganizerIsTold) {
  const LoadResult result = load_data(GetParam());
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->find_session("11")->start.utc_seconds, utc("2025-02-01T09:30:00+00:00"));
  EXPECT_NE(messages(result).find("declares no time zone: times are shown at +00:00 (UTC)"),
            std::string::npos)
      << messages(result);
}

INSTANTIATE_TEST_SUITE_P(XmlAndJson, FrabFloatingTimes,
                         ::testing::Values("frab-floating-no-zone.xml",
                                           "frab-floating-no-zone.json"));

TEST(AgendaVenueZone, UtcInstantsNeverDisagreeWithTheDeclaredZone) {
  // wafer writes every time as +00:00 or Z with Asia/Kolkata declared; only +01:00 contradicts.
  const LoadResult result = load_data("wafer-utc-instants.xml");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->conference().time_zone, "Asia/Kolkata");
  EXPECT_EQ(result.agenda->find_session("101")->start.utc_seconds,
            utc("2025-11-26T10:00:00+05:30"));
  EXPECT_EQ(result.agenda->find_session("102")->start.utc_seconds,
            utc("2025-11-26T13:00:00+05:30"));
  EXPECT_EQ(messages(result),
            "wafer-utc-instants.xml:36:9: warning: 2025-11-26T10:00:00+01:00 says +01:00, but the "
            "declared time zone " +
                quoted("Asia/Kolkata") +
                " is at +05:30 then (1 time): the offsets in the "
                "data are used; correct the time zone if it is wrong\n");
}

TEST(AgendaVenueZone, AnUnknownVenueZoneIsSaidAndNotUsed) {
  const LoadResult result = load_data("ical-floating-no-zone.ics", {"Mars/Olympus"});
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->conference().time_zone, "UTC");
  EXPECT_NE(
      messages(result).find("ical-floating-no-zone.ics: warning: the venue's time zone " +
                            quoted("Mars/Olympus") + " is unknown: it is not used for this file"),
      std::string::npos)
      << messages(result);
}

}  // namespace
}  // namespace ijlas::agenda
