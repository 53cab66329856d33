// The five real exports of ../shared/schedules import, and what they say comes through exactly.
// Every expected value below was read from the file itself (see SOURCES.md); epoch seconds were
// computed with `date -d … +%s`.
#include <gtest/gtest.h>

#include <algorithm>

#include "agenda/agenda_queries.hpp"
#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

using testing::messages;
using testing::shared_schedule;

struct Expected {
  std::string_view id;
  std::string_view start;  // as written, with its offset
  std::int64_t utc_seconds;
  std::int64_t minutes;
  std::string_view room;
  std::string_view title;
};

void expect_session(const Agenda& agenda, const Expected& expected) {
  const Session* session = agenda.find_session(expected.id);
  ASSERT_NE(session, nullptr) << expected.id;
  EXPECT_EQ(time::format_date_time(session->start), expected.start) << expected.id;
  EXPECT_EQ(session->start.utc_seconds, expected.utc_seconds) << expected.id;
  EXPECT_EQ(session->duration_seconds(), expected.minutes * 60) << expected.id;
  EXPECT_EQ(session->room, expected.room) << expected.id;
  EXPECT_EQ(session->title.preferred(), expected.title) << expected.id;
}

LoadResult load(std::string_view name) {
  LoadResult result = load_agenda_file(shared_schedule(name));
  EXPECT_TRUE(result.ok()) << messages(result);
  return result;
}

TEST(AgendaRealSchedules, Fosdem2025) {
  const LoadResult result = load("fosdem-2025-schedule.xml");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.format, AgendaFormat::kFrabXml);
  EXPECT_EQ(result.diagnostics.error_count(), 0);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.sessions().size(), 1105u);
  EXPECT_EQ(agenda.rooms().size(), 35u);
  EXPECT_EQ(agenda.days().size(), 2u);
  EXPECT_EQ(agenda.speakers().size(), 1193u);  // distinct person ids
  EXPECT_EQ(agenda.conference().time_zone, "Europe/Brussels");
  EXPECT_EQ(agenda.conference().day_change_seconds, 9 * 3600);
  EXPECT_EQ(agenda.conference().title.en, "FOSDEM 2025");
  expect_session(agenda, {"6712", "2025-02-01T09:30:00+01:00", 1738398600, 20, "Janson",
                          "Welcome to FOSDEM 2025"});
  expect_session(agenda, {"6713", "2025-02-02T17:50:00+01:00", 1738515000, 25, "Janson",
                          "Closing FOSDEM 2025"});
  expect_session(agenda, {"6588", "2025-02-02T16:25:00+01:00", 1738509900, 25, "UD6.215",
                          "Building Apps and Extensions with MIT App Inventor"});
  EXPECT_EQ(sessions_of_day(agenda, 0).size(), 543u);
  EXPECT_EQ(sessions_of_day(agenda, 1).size(), 562u);
  const Session* welcome = agenda.find_session("6712");
  ASSERT_NE(welcome, nullptr);
  EXPECT_EQ(welcome->speakers, (std::vector<std::string>{"2", "1324"}));
  EXPECT_EQ(agenda.find_speaker("1324")->name.en, "Richard \"RichiH\" Hartmann");
  EXPECT_EQ(welcome->track, "keynote");
  EXPECT_EQ(agenda.find_track("keynote")->name.en, "Keynotes");
  // The abstract's HTML (<p>…</p>) arrives as plain paragraphs.
  EXPECT_EQ(welcome->abstract.en,
            "FOSDEM welcome and opening talk.\n\nJoin us for the opening of our 25th event.");
}

TEST(AgendaRealSchedules, ChaosCommunicationCongress31) {
  const LoadResult result = load("31c3-schedule.xml");
  ASSERT_TRUE(result.ok());
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.sessions().size(), 138u);
  EXPECT_EQ(agenda.rooms().size(), 4u);
  EXPECT_EQ(agenda.days().size(), 4u);
  EXPECT_EQ(agenda.speakers().size(), 198u);
  // No time_zone_name: the offset of the data (+01:00) is used, and the organizer is told.
  EXPECT_EQ(agenda.conference().time_zone, "Etc/GMT-1");
  EXPECT_NE(messages(result).find("declares no time zone"), std::string::npos);
  expect_session(agenda,
                 {"6571", "2014-12-27T11:30:00+01:00", 1419676200, 60, "Saal 1", "31C3 Keynote"});
  expect_session(agenda,
                 {"6581", "2014-12-28T00:00:00+01:00", 1419721200, 135, "Saal 1", "Citizenfour"});
  expect_session(
      agenda, {"6109", "2014-12-29T00:15:00+01:00", 1419808500, 90, "Saal 1", "Fnord News Show"});
  // Past midnight still belongs to the day before: day 1 runs to 04:00 on the 28th.
  const auto day_one = sessions_of_day(agenda, 0);
  EXPECT_EQ(day_one.size(), 35u);
  EXPECT_EQ(day_one.back()->id, "6581");
  EXPECT_EQ(sessions_of_day(agenda, 1).size(), 45u);
  EXPECT_EQ(sessions_of_day(agenda, 2).size(), 40u);
  EXPECT_EQ(sessions_of_day(agenda, 3).size(), 18u);
  EXPECT_EQ(agenda.find_session("6109")->language, "de");
}

TEST(AgendaRealSchedules, FrabCamp2019Json) {
  const LoadResult result = load("c3voc-example-frab-camp2019.json");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.format, AgendaFormat::kFrabJson);
  EXPECT_EQ(result.diagnostics.warning_count(), 0) << messages(result);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.sessions().size(), 79u);
  EXPECT_EQ(agenda.rooms().size(), 2u);
  EXPECT_EQ(agenda.days().size(), 5u);
  EXPECT_EQ(agenda.speakers().size(), 90u);
  EXPECT_EQ(agenda.conference().time_zone, "Europe/Berlin");
  expect_session(
      agenda, {"10386", "2019-08-21T11:00:00+02:00", 1566378000, 30, "Curie", "Opening Ceremony"});
  expect_session(
      agenda, {"10387", "2019-08-25T18:00:00+02:00", 1566748800, 30, "Curie", "Closing ceremony"});
  EXPECT_EQ(agenda.find_session("10386")->speakers, (std::vector<std::string>{"7797", "4827"}));
  EXPECT_EQ(agenda.find_speaker("7797")->name.en, "jinxx");
}

TEST(AgendaRealSchedules, PretalxDemoconJson) {
  const LoadResult result = load("c3voc-example-pretalx-democon.json");
  ASSERT_TRUE(result.ok());
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.sessions().size(), 36u);
  EXPECT_EQ(agenda.rooms().size(), 2u);
  EXPECT_EQ(agenda.days().size(), 3u);
  EXPECT_EQ(agenda.speakers().size(), 27u);
  EXPECT_EQ(agenda.conference().time_zone, "UTC");
  // The file says UTC but every time carries +01:00: the offset wins, with one warning.
  expect_session(agenda, {"25", "2020-12-14T09:00:00+01:00", 1607932800, 30, "Gray Room",
                          "Focused 5thgeneration hardware"});
  expect_session(agenda, {"62", "2020-12-16T15:00:00+01:00", 1608127200, 30, "Gray Room",
                          "Seamless real-time installation"});
  EXPECT_EQ(result.diagnostics.warning_count(), 1);
  EXPECT_NE(messages(result).find("c3voc-example-pretalx-democon.json:40:25: warning: "
                                  "2020-12-14T09:00:00+01:00 says +01:00, but the declared time "
                                  "zone " +
                                  quoted("UTC") + " is at +00:00 then (36 times)"),
            std::string::npos)
      << messages(result);
  EXPECT_NE(agenda.find_speaker("26")->biography.en.find("Break through direction."),
            std::string::npos);
}

TEST(AgendaRealSchedules, PyConUk2015Ics) {
  const LoadResult result = load("pyconuk2015-schedule.ics");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.format, AgendaFormat::kICal);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.sessions().size(), 162u);
  EXPECT_EQ(agenda.rooms().size(), 11u);
  EXPECT_EQ(agenda.days().size(), 4u);
  EXPECT_EQ(agenda.speakers().size(), 0u);
  EXPECT_EQ(agenda.conference().time_zone, "UTC");
  EXPECT_EQ(agenda.conference().title.en, "PyCon UK 2015 Schedule");
  const std::string worker = "@testing-worker-linux-docker-3ee836b9-3394-linux-5";
  expect_session(agenda, {"20160417T070217Z-17774" + worker, "2015-09-18T08:30:00+00:00",
                          1442565000, 60, "PythonAnywhere Room (CC1.3)", "Opening Plenary"});
  // Folded UID and escaped comma in SUMMARY.
  expect_session(
      agenda, {"20160417T070217Z-1650" + worker, "2015-09-18T09:30:00+00:00", 1442565000 + 3600, 60,
               "PythonAnywhere Room (CC1.3)", "Keynote: Van Lindberg, PSF Chair"});
  // The file gives this UID to two different events; the second is kept as "<UID>-2".
  expect_session(agenda, {"20160417T070217Z-58703" + worker + "-2", "2015-09-20T10:30:00+00:00",
                          1442745000, 30, "The Software Sustainability Institute Room (CC2.1)",
                          "Power: Python in Astronomy (talk by Tomas James)"});
  // No DTEND and no DURATION: the event ends when it starts (RFC 5545 §3.6.1).
  EXPECT_EQ(agenda.find_session("20160417T070217Z-52366" + worker)->duration_seconds(), 0);
  EXPECT_EQ(sessions_in_room(agenda, "PythonAnywhere Room (CC1.3)").size(), 49u);
}

// Figures read from each file by an independent parser (Python's xml.etree and json, and
// grep/sed over the unfolded .ics), not from ijlas: events, earliest and latest start, rooms.
struct Span {
  std::string_view file;
  std::size_t events;
  std::int64_t first_start;
  std::int64_t last_start;
  std::size_t rooms;
};

TEST(AgendaRealSchedules, EveryEventOfEveryExportIsKept) {
  const Span spans[] = {
      {"fosdem-2025-schedule.xml", 1105, 1738398600, 1738515000, 35},
      {"31c3-schedule.xml", 138, 1419674400, 1419960600, 4},
      {"c3voc-example-frab-camp2019.json", 79, 1566378000, 1566748800, 2},
      {"c3voc-example-pretalx-democon.json", 36, 1607932800, 1608127200, 2},
      {"pyconuk2015-schedule.ics", 162, 1442559600, 1442851200, 11},
  };
  for (const Span& span : spans) {
    const LoadResult result = load(span.file);
    ASSERT_TRUE(result.ok()) << span.file;
    const Agenda& agenda = *result.agenda;
    EXPECT_EQ(result.events_in_file, span.events) << span.file;
    EXPECT_EQ(result.events_kept, span.events) << span.file;
    EXPECT_EQ(agenda.sessions().size(), span.events) << span.file;
    EXPECT_EQ(agenda.rooms().size(), span.rooms) << span.file;
    std::int64_t first = agenda.sessions().front().start.utc_seconds;
    std::int64_t last = first;
    for (const Session& session : agenda.sessions()) {
      first = std::min(first, session.start.utc_seconds);
      last = std::max(last, session.start.utc_seconds);
    }
    EXPECT_EQ(first, span.first_start) << span.file;
    EXPECT_EQ(last, span.last_start) << span.file;
  }
}

}  // namespace
}  // namespace ijlas::agenda
