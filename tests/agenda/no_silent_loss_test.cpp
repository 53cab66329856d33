// Issue 9, "never a silent loss": every event of a file is shown, or the diagnostics say which
// one was left out and where; a file with nothing to show is an error, never an empty agenda.
#include <gtest/gtest.h>

#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

using testing::load_data;
using testing::load_text;
using testing::messages;
using testing::utc;

TEST(AgendaNoSilentLoss, AScheduleJsonOfVersionTwoIsRead) {
  const LoadResult result = load_data("hub-schedule2.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.format, AgendaFormat::kFrabJson);
  EXPECT_EQ(result.diagnostics.warning_count(), 0) << messages(result);
  const Agenda& agenda = *result.agenda;
  ASSERT_EQ(agenda.sessions().size(), 3u);
  EXPECT_EQ(agenda.rooms().size(), 2u);
  EXPECT_EQ(agenda.days().size(), 2u);
  EXPECT_EQ(agenda.conference().time_zone, "Europe/Berlin");
  const Session* opening = agenda.find_session("7d3e1c2a-0001-5f1b-89ed-456a9eecf001");
  ASSERT_NE(opening, nullptr);
  EXPECT_EQ(opening->start.utc_seconds, utc("2025-12-27T10:30:00+01:00"));
  EXPECT_EQ(opening->duration_seconds(), 30 * 60);  // from "end", version 2 has no duration
  EXPECT_EQ(opening->room, "Saal 1");
  EXPECT_EQ(opening->track, "science");
  EXPECT_EQ(agenda.find_track("science")->color, "#00A356");  // "colors": {"light": …}
  EXPECT_EQ(opening->speakers, (std::vector<std::string>{"5a1c0000-0000-4000-8000-000000000001"}));
  EXPECT_EQ(agenda.find_speaker("5a1c0000-0000-4000-8000-000000000001")->biography.en,
            "Writes the first programs.");
  // A room given by guid alone is found in conference.rooms; an abstract in two languages
  // gives its English text.
  const Session* late = agenda.find_session("7d3e1c2a-0002-5f1b-89ed-456a9eecf002");
  ASSERT_NE(late, nullptr);
  EXPECT_EQ(late->room, "Stage HUFF");
  EXPECT_EQ(late->abstract.en, "After midnight.");
  EXPECT_EQ(late->duration_seconds(), 40 * 60);
}

TEST(AgendaNoSilentLoss, AFileWithoutSessionsIsAnErrorInEveryFormat) {
  const struct {
    std::string name;
    std::string text;
    std::string message;
  } cases[] = {
      {"agenda.json",
       R"({"conference": {"title": "x", "time_zone": "Asia/Karachi", "start": "2025-11-26",
           "end": "2025-11-26"}, "rooms": [], "sessions": []})",
       "agenda.json:1:1: error: the agenda has no sessions: add them to \"sessions\"\n"},
      {"schedule.xml",
       "<?xml version=\"1.0\"?>\n<schedule><conference><title>x</title></conference>\n"
       "<day date=\"2025-11-26\" index=\"1\"><room name=\"Hall\"/></day></schedule>\n",
       "schedule.xml:1:1: error: the schedule has no <event> inside <day><room>: export the full "
       "schedule\n"},
      {"schedule.json",
       R"({"schedule": {"version": "2", "conference": {"title": "x", "days": []}, "events": []}})",
       "schedule.json:1:1: error: the schedule has no events (under "
       "schedule.conference.days[].rooms in version 1, schedule.events in version 2): export the "
       "full schedule\n"},
      {"empty.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n",
       "empty.ics:1:1: error: the calendar has no VEVENT: export the calendar with its events\n"},
      {"header.csv", "date,start,end,room,title,time_zone\n",
       "header.csv:1:1: error: the file has a header but no rows: add one row per session\n"},
  };
  for (const auto& c : cases) {
    const LoadResult result = load_text(c.text, c.name);
    EXPECT_FALSE(result.ok()) << c.name;
    EXPECT_EQ(messages(result), c.message) << c.name;
  }
}

TEST(AgendaNoSilentLoss, AWorkshopInTwoSlotsWithOneIdKeepsBothSlots) {
  const LoadResult result = load_data("frab-workshop-two-slots.xml");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  ASSERT_EQ(agenda.sessions().size(), 3u);
  EXPECT_EQ(result.events_in_file, 3u);
  EXPECT_EQ(result.events_kept, 3u);
  ASSERT_NE(agenda.find_session("4711"), nullptr);
  ASSERT_NE(agenda.find_session("4711-2"), nullptr);
  EXPECT_EQ(agenda.find_session("4711")->start.utc_seconds, utc("2025-11-26T10:00:00+05:00"));
  EXPECT_EQ(agenda.find_session("4711-2")->start.utc_seconds, utc("2025-11-26T14:00:00+05:00"));
  EXPECT_EQ(messages(result), "frab-workshop-two-slots.xml:15:7: warning: session id " +
                                  quoted("4711") +
                                  " is used by 2 events "
                                  "(lines 15 and 25): all are kept, the later ones as " +
                                  quoted("4711-2") +
                                  "; give each event its "
                                  "own id so that changes reach the right one\n");
}

TEST(AgendaNoSilentLoss, ACalendarThatGivesEveryEventOneUidKeepsThemAll) {
  // Two of the three even share their start: nothing may tell them apart but their order.
  const LoadResult result = load_data("ical-same-uid.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  ASSERT_EQ(agenda.sessions().size(), 3u);
  EXPECT_EQ(result.events_in_file, 3u);
  EXPECT_EQ(agenda.sessions()[0].id, "agenda-export@example.org");
  EXPECT_EQ(agenda.sessions()[1].id, "agenda-export@example.org-2");
  EXPECT_EQ(agenda.sessions()[2].id, "agenda-export@example.org-3");
  EXPECT_EQ(agenda.sessions()[2].title.en, "Workshop");
  EXPECT_EQ(messages(result),
            "ical-same-uid.ics:6:1: warning: session id " + quoted("agenda-export@example.org") +
                " is used by "
                "3 events (lines 6, 13 and 20): all are kept, the later ones as " +
                quoted("agenda-export@example.org-2") + ", " +
                quoted("agenda-export@example.org-3") +
                "; give each event its "
                "own id so that changes reach the right one\n");
}

TEST(AgendaNoSilentLoss, RepeatedIdsInAScheduleJsonAndACsvAreKeptTheSameWay) {
  const LoadResult json = load_text(
      R"({"schedule": {"version": "1", "conference": {"title": "x", "time_zone_name": "UTC",
  "days": [{"index": 1, "date": "2025-11-26", "rooms": {"Hall": [
    {"id": 7, "date": "2025-11-26T09:00:00+00:00", "duration": "00:30", "room": "Hall", "title": "A"},
    {"id": 7, "date": "2025-11-26T10:00:00+00:00", "duration": "00:30", "room": "Hall", "title": "A"}
  ]}}]}}})",
      "schedule.json");
  ASSERT_TRUE(json.ok()) << messages(json);
  EXPECT_NE(json.agenda->find_session("7-2"), nullptr);
  EXPECT_EQ(json.diagnostics.warning_count(), 1) << messages(json);

  const LoadResult csv = load_text(
      "id,date,start,end,room,title,time_zone\n"
      "w1,2025-11-26,09:00,10:00,Lab,Soldering,Asia/Karachi\n"
      "w1,2025-11-26,14:00,15:00,Lab,Soldering,\n",
      "programme.csv");
  ASSERT_TRUE(csv.ok()) << messages(csv);
  EXPECT_EQ(csv.agenda->sessions().size(), 2u);
  EXPECT_NE(csv.agenda->find_session("w1-2"), nullptr);
  EXPECT_EQ(messages(csv), "programme.csv:2:1: warning: session id " + quoted("w1") +
                               " is used by 2 events (lines 2 and 3): "
                               "all are kept, the later ones as " +
                               quoted("w1-2") +
                               "; give each event its own id so that changes "
                               "reach the right one\n");
}

TEST(AgendaNoSilentLoss, ADerivedIdNeverTakesAnIdTheFileUses) {
  const LoadResult result = load_text(
      "id,date,start,end,room,title,time_zone\n"
      "a,2025-11-26,09:00,10:00,Lab,One,UTC\n"
      "a-2,2025-11-26,10:00,11:00,Lab,Two,\n"
      "a,2025-11-26,11:00,12:00,Lab,Three,\n",
      "programme.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->find_session("a-2")->title.en, "Two");
  EXPECT_EQ(result.agenda->find_session("a-3")->title.en, "Three");
}

TEST(AgendaNoSilentLoss, TheResultCountsTheEventsHeldAndKept) {
  // An RRULE describes several events; an EXDATE removes one on purpose.
  const LoadResult result = load_text(
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nX-WR-TIMEZONE:Asia/Karachi\r\n"
      "BEGIN:VEVENT\r\nUID:daily\r\nDTSTART:20251126T040000Z\r\nDTEND:20251126T050000Z\r\n"
      "RRULE:FREQ=DAILY;COUNT=3\r\nEXDATE:20251127T040000Z\r\nLOCATION:Hall\r\nSUMMARY:Yoga\r\n"
      "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:once\r\nDTSTART:20251126T060000Z\r\n"
      "DTEND:20251126T070000Z\r\nLOCATION:Hall\r\nSUMMARY:Talk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "yoga.ics");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.events_in_file, 3u);
  EXPECT_EQ(result.events_kept, 3u);
  EXPECT_EQ(result.diagnostics.warning_count(), 0) << messages(result);
}

}  // namespace
}  // namespace ijlas::agenda
