// iCalendar through libical: zones, durations, floating times and recurrence.
#include <gtest/gtest.h>

#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

using testing::load_text;
using testing::messages;

std::string calendar(std::string_view body) {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ijlas//test//EN\r\n" + std::string(body) +
         "END:VCALENDAR\r\n";
}

// A zone of the file's own making: ICU has never heard of "Venue Time".
constexpr std::string_view kVenueZone =
    "BEGIN:VTIMEZONE\r\nTZID:Venue Time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0500\r\nTZOFFSETTO:+0500\r\nTZNAME:PKT\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

TEST(AgendaIcalLoader, ReadsTzidThroughTheFilesVtimezone) {
  const LoadResult result = load_text(
      calendar(std::string(kVenueZone) +
               "BEGIN:VEVENT\r\nUID:opening\r\nDTSTART;TZID=Venue Time:20251126T093000\r\n"
               "DURATION:PT45M\r\nLOCATION:Main Hall\r\nSUMMARY:Opening\r\nEND:VEVENT\r\n"),
      "a.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Session& session = result.agenda->sessions()[0];
  EXPECT_EQ(session.start.utc_seconds, 1764131400);
  EXPECT_EQ(session.start.offset_seconds, 5 * 3600);
  EXPECT_EQ(session.duration_seconds(), 45 * 60);
  EXPECT_EQ(session.room, "Main Hall");
}

TEST(AgendaIcalLoader, ReadsAnIanaTzidWithoutVtimezoneAndFloatingTimes) {
  const LoadResult result = load_text(
      calendar(
          "X-WR-TIMEZONE:Asia/Karachi\r\n"
          "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Europe/Brussels:20250201T093000\r\n"
          "DTEND;TZID=Europe/Brussels:20250201T095000\r\nLOCATION:Janson\r\nSUMMARY:Welcome\r\n"
          "END:VEVENT\r\n"
          "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20251126T093000\r\nDTEND:20251126T100000\r\n"
          "LOCATION:Hall\r\nSUMMARY:Floating\r\nEND:VEVENT\r\n"),
      "b.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.conference().time_zone, "Asia/Karachi");
  EXPECT_EQ(agenda.find_session("a")->start.utc_seconds, 1738398600);
  EXPECT_EQ(agenda.find_session("a")->start.offset_seconds, 3600);
  EXPECT_EQ(agenda.find_session("a")->duration_seconds(), 20 * 60);
  EXPECT_EQ(agenda.find_session("b")->start.utc_seconds, 1764131400);
  EXPECT_EQ(agenda.find_session("b")->start.offset_seconds, 5 * 3600);
}

TEST(AgendaIcalLoader, ExpandsRecurrenceWithExdateAndOverride) {
  const LoadResult result = load_text(
      calendar(
          "BEGIN:VEVENT\r\nUID:standup\r\nDTSTART:20251124T040000Z\r\nDTEND:20251124T041500Z\r\n"
          "RRULE:FREQ=DAILY;COUNT=5\r\nEXDATE:20251125T040000Z\r\nLOCATION:Hall\r\n"
          "SUMMARY:Stand-up\r\nEND:VEVENT\r\n"
          "BEGIN:VEVENT\r\nUID:standup\r\nRECURRENCE-ID:20251126T040000Z\r\n"
          "DTSTART:20251126T050000Z\r\nDTEND:20251126T051500Z\r\nLOCATION:Room 2\r\n"
          "SUMMARY:Stand-up (moved)\r\nEND:VEVENT\r\n"),
      "c.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  ASSERT_EQ(agenda.sessions().size(), 4u);  // five occurrences, one excluded
  EXPECT_EQ(agenda.find_session("standup/2025-11-25T04:00:00+00:00"), nullptr);
  const Session* moved = agenda.find_session("standup/2025-11-26T04:00:00+00:00");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->room, "Room 2");
  EXPECT_EQ(time::format_date_time(moved->start), "2025-11-26T05:00:00+00:00");
  EXPECT_NE(agenda.find_session("standup/2025-11-28T04:00:00+00:00"), nullptr);
}

TEST(AgendaIcalLoader, CapsRecurrenceThatNeverEnds) {
  const LoadResult result = load_text(
      calendar(
          "BEGIN:VEVENT\r\nUID:forever\r\nDTSTART:20250101T090000Z\r\nDURATION:PT1H\r\n"
          "RRULE:FREQ=DAILY\r\nLOCATION:Hall\r\nSUMMARY:Every day\r\nEND:VEVENT\r\n"
          "BEGIN:VEVENT\r\nUID:many\r\nDTSTART:20250101T120000Z\r\nDURATION:PT1H\r\n"
          "RRULE:FREQ=DAILY;COUNT=100000\r\nLOCATION:Room 2\r\nSUMMARY:Many\r\nEND:VEVENT\r\n"),
      "d.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  // One year of the rule without an end, and kMaxOccurrencesPerEvent of the other.
  EXPECT_EQ(result.agenda->sessions().size(), 366u + 500u);
  EXPECT_NE(messages(result).find("has no COUNT or UNTIL"), std::string::npos);
  EXPECT_NE(messages(result).find("has more than 500 occurrences"), std::string::npos);
}

TEST(AgendaIcalLoader, AnEventWithoutLocationIsAnErrorAtItsLine) {
  const LoadResult result =
      load_text(calendar("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20251126T093000Z\r\nSUMMARY:Nowhere\r\n"
                         "END:VEVENT\r\n"),
                "e.ics");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result), "e.ics:4:1: error: event " + quoted("x") +
                                  " has no LOCATION: add the room as LOCATION:…\n");
}

}  // namespace
}  // namespace ijlas::agenda
