// iCalendar through libical: zones, durations, floating times and recurrence.
#include <gtest/gtest.h>

#include "agenda/agenda_draft.hpp"
#include "agenda_test_support.hpp"
#include "core/read_file.hpp"

namespace ijlas::agenda {
namespace {

using testing::load_data;
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

// Events are parsed one at a time, after the calendar's own lines: a VTIMEZONE written after
// the events that name it is theirs all the same.
TEST(AgendaIcalLoader, ATzidFindsAVtimezoneWrittenAfterTheEvent) {
  const LoadResult result = load_text(
      calendar("BEGIN:VEVENT\r\nUID:opening\r\nDTSTART;TZID=Venue Time:20251126T093000\r\n"
               "DURATION:PT45M\r\nLOCATION:Main Hall\r\nSUMMARY:Opening\r\nEND:VEVENT\r\n" +
               std::string(kVenueZone)),
      "late-zone.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(messages(result).find("has no VTIMEZONE"), std::string::npos) << messages(result);
  EXPECT_EQ(result.agenda->sessions()[0].start.utc_seconds, 1764131400);
  EXPECT_EQ(result.agenda->sessions()[0].start.offset_seconds, 5 * 3600);
}

// An event's nested components (VALARM) and its folded lines stay the event's; the lines of
// the next event are its own.
TEST(AgendaIcalLoader, AnEventsAlarmAndFoldedLinesDoNotShiftTheNextEventsLines) {
  const LoadResult result = load_text(
      calendar("X-WR-TIMEZONE:Asia/Karachi\r\n"
               "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20251126T040000Z\r\nDURATION:PT1H\r\n"
               "DESCRIPTION:A long description that the exporter folded at seventy-five\r\n"
               "  octets, as RFC 5545 asks\r\nLOCATION:Hall\r\nSUMMARY:First\r\n"
               "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT10M\r\nEND:VALARM\r\n"
               "END:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20251126T060000Z\r\nDTEND:soon\r\n"
               "LOCATION:Hall\r\nSUMMARY:Second\r\nEND:VEVENT\r\n"),
      "alarm.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->find_session("a")->abstract.en,
            "A long description that the exporter folded at seventy-five octets, as RFC 5545 "
            "asks");
  EXPECT_EQ(messages(result), "alarm.ics:21:1: warning: the value of DTEND of event " +
                                  quoted("b") + " cannot be read (" + quoted("soon") +
                                  "): the property is ignored\n");
}

// libical closes whatever is open at each END: an event without its END takes the calendar's,
// and the calendar, never closed, is not read.
TEST(AgendaIcalLoader, AnEventWithoutItsEndLeavesTheCalendarUnclosed) {
  const LoadResult result =
      load_text(calendar("BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20251126T040000Z\r\nDURATION:PT1H\r\n"
                         "LOCATION:Hall\r\nSUMMARY:First\r\n"
                         "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20251126T060000Z\r\nDURATION:PT1H\r\n"
                         "LOCATION:Hall\r\nSUMMARY:Second\r\nEND:VEVENT\r\n"),
                "unclosed.ics");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result),
            "unclosed.ics:1:1: error: this is not an iCalendar file: it must start with "
            "BEGIN:VCALENDAR and end with END:VCALENDAR\n");
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

TEST(AgendaIcalLoader, AnEventWithoutLocationGoesToTheWholeVenueRoom) {
  const LoadResult result = load_data("ical-registration-without-location.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  ASSERT_EQ(agenda.sessions().size(), 3u);
  EXPECT_EQ(agenda.sessions()[0].room, kWholeVenueRoomId);
  EXPECT_EQ(agenda.sessions()[1].room, "Hall A");
  EXPECT_EQ(agenda.sessions()[2].room, kWholeVenueRoomId);
  const Room* venue = agenda.find_room(kWholeVenueRoomId);
  ASSERT_NE(venue, nullptr);
  EXPECT_EQ(venue->name.en, "Whole venue");
  EXPECT_EQ(venue->name.ur, "پورا مقام");
  // One warning with the count, and no "missing translation" noise from the bilingual name.
  EXPECT_EQ(messages(result),
            "ical-registration-without-location.ics:5:1: warning: 2 events have no LOCATION (the "
            "first here): shown in the room \"Whole venue\"; add LOCATION:… to place them in a "
            "room\n");
}

TEST(AgendaIcalLoader, LinesAreUnfoldedBeforeUtf8IsChecked) {
  // The exporter folded SUMMARY and DESCRIPTION in the middle of a two-byte Urdu letter.
  const LoadResult result = load_data("ical-folded-inside-urdu.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.diagnostics.warning_count(), 0) << messages(result);
  EXPECT_EQ(result.agenda->sessions()[0].title.ur, "افتتاحی اجلاس");
  EXPECT_EQ(result.agenda->sessions()[0].abstract.ur, "کانفرنس کا آغاز اور خوش آمدید");
}

TEST(AgendaIcalLoader, ABadByteInAFoldedLineIsPlacedOnItsOwnLine) {
  // Latin-1 "é" (one byte, 0xE9) on the continuation line 8, after the fold's space.
  const LoadResult result =
      load_text(calendar("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20251126T093000Z\r\nSUMMARY:Caf\r\n "
                         "\xE9 talk\r\nLOCATION:Hall\r\nEND:VEVENT\r\n"),
                "latin1.ics");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result),
            "latin1.ics:8:2: error: this byte is not UTF-8, the encoding iCalendar requires: "
            "export the calendar again as UTF-8\n");
}

TEST(AgendaIcalLoader, UnreadableLinesBecomeWarningsAtTheirLines) {
  const LoadResult result = load_text(
      calendar("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20251126T093000Z\r\nDTEND:tomorrow\r\n"
               "LOCATION:Hall\r\nthis line lost its fold\r\nSUMMARY:Opening\r\nEND:VEVENT\r\n"),
      "broken.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(
      messages(result),
      "broken.ics:7:1: warning: the value of DTEND of event " + quoted("x") +
          " cannot be read "
          "(" +
          quoted("tomorrow") +
          "): the property is ignored\n"
          "broken.ics:9:1: warning: this line of event " +
          quoted("x") + " is not a property (" + quoted("this line lost its fold") +
          "): it is ignored; a line that continues the one above must start with a "
          "space\n"
          "broken.ics:1:1: warning: the calendar's times are in UTC and it names no zone: they "
          "are shown in UTC; set time_zone in ijlas.toml to show the venue's time\n");
}

TEST(AgendaIcalLoader, AnUnreadableLineOfTheCalendarItselfIsSaidAtItsLine) {
  const LoadResult result = load_text(
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nX-WR-TIMEZONE:Asia/Karachi\r\n"
      "exported by hand\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20251126T040000Z\r\n"
      "DTEND:20251126T050000Z\r\nLOCATION:Hall\r\nSUMMARY:Opening\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n",
      "hand.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(messages(result),
            "hand.ics:5:1: warning: this line of the calendar is not a property (" +
                quoted("exported by hand") +
                "): it is ignored; a line that continues the one above must start with a "
                "space\n");
}

// A fuzz finding (issue 15): 3,288 unreadable lines in one event used to be matched against
// every property name of that event; now each is placed by one lookup.
TEST(AgendaIcalLoader, ManyUnreadableLinesInOneEventAreReportedBrieflyAndInPlace) {
  const std::string kept = std::string(IJLAS_TEST_DATA_DIR) + "/fuzz/regressions/ical/";
  const LoadResult result = load_agenda_bytes("ical-slow-xlicerror.ics",
                                              read_file(kept + "ical-slow-xlicerror.ics").bytes);
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->sessions().size(), 162u);
  EXPECT_EQ(result.events_in_file, 162u);
  const std::string text = messages(result);
  const std::string owner =
      "event " + quoted("20160417T070217Z-79752@testing-worker-linux-docker-3ee836b9-3394-linux-5");
  EXPECT_NE(text.find("ical-slow-xlicerror.ics:664:1: warning: the value of DTEND of " + owner +
                      " cannot be read"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ical-slow-xlicerror.ics:685:1: warning: this line of " + owner +
                      " is not a property (" + quoted("&lt") + ")"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ical-slow-xlicerror.ics:782:1: warning: 3279 more unreadable lines of " +
                      owner + " are ignored, the first here"),
            std::string::npos)
      << text;
  EXPECT_LT(result.diagnostics.warning_count(), 30);
}

}  // namespace
}  // namespace ijlas::agenda
