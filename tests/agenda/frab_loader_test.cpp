// frab schedule.xml and schedule.json beyond the real files: day_change, missing dates, DTDs,
// malformed XML, and where each message points.
#include <gtest/gtest.h>

#include "agenda/agenda_queries.hpp"
#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

using testing::load_text;
using testing::messages;

constexpr std::string_view kNightSchedule = R"(<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <title>Night</title>
    <start>2025-11-26</start><end>2025-11-26</end>
    <day_change>04:00</day_change>
    <time_zone_name>Asia/Karachi</time_zone_name>
  </conference>
  <day index="1" date="2025-11-26">
    <room name="Hall">
      <event id="late"><start>01:30</start><duration>00:45</duration><room>Hall</room>
        <title>After midnight</title><persons><person id="7">Ada</person></persons></event>
      <event id="early"><start>22:00</start><duration>01:00</duration><room>Hall</room>
        <title>Before midnight</title></event>
    </room>
  </day>
</schedule>
)";

TEST(AgendaFrabXml, StartWithoutDateRespectsTheDayChange) {
  const LoadResult result = load_text(kNightSchedule, "night.xml");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  // 01:30 is before the 04:00 day change: it is the night after the 26th.
  EXPECT_EQ(time::format_date_time(agenda.find_session("late")->start),
            "2025-11-27T01:30:00+05:00");
  EXPECT_EQ(time::format_date_time(agenda.find_session("early")->start),
            "2025-11-26T22:00:00+05:00");
  ASSERT_EQ(agenda.days().size(), 1u);
  EXPECT_EQ(time::format_date_time(agenda.days()[0].start), "2025-11-26T04:00:00+05:00");
  EXPECT_EQ(sessions_of_day(agenda, 0).size(), 2u);
  EXPECT_EQ(agenda.find_speaker("7")->name.en, "Ada");
}

// A schedule saved as UTF-16 without a byte-order mark: its NUL bytes are half of its letters,
// not controls to remove, and libxml2 reads it.
TEST(AgendaFrabXml, AScheduleInUtf16WithoutAByteOrderMarkIsRead) {
  std::string wide;
  for (const char c : kNightSchedule) {  // from its <?xml declaration, which libxml2 looks for
    wide.push_back(c);
    wide.push_back('\0');
  }
  const LoadResult result = load_text(wide, "night-utf16.xml");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->find_session("late")->title.en, "After midnight");
  EXPECT_EQ(messages(result).find("control character"), std::string::npos) << messages(result);
}

TEST(AgendaFrabXml, ADtdIsRefusedBeforeAnyEntityIsExpanded) {
  const LoadResult result = load_text(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<schedule><conference><title>&b;</title>"
      "</conference></schedule>",
      "dtd.xml");
  EXPECT_EQ(result.status, LoadStatus::kInvalid);
  EXPECT_NE(messages(result).find("dtd.xml:2:1: error: DTDs are not accepted"), std::string::npos)
      << messages(result);
}

TEST(AgendaFrabXml, ExternalEntitiesAreNeverFetched) {
  const LoadResult result = load_text(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE s SYSTEM \"http://example.invalid/x.dtd\">\n"
      "<schedule/>",
      "net.xml");
  EXPECT_EQ(result.status, LoadStatus::kInvalid);
  EXPECT_NE(messages(result).find("DTDs are not accepted"), std::string::npos);
}

TEST(AgendaFrabXml, MalformedXmlNamesLineAndColumn) {
  const LoadResult result =
      load_text("<schedule>\n  <day date=\"2025-11-26\">\n  </dya>\n</schedule>", "bad.xml");
  EXPECT_EQ(result.status, LoadStatus::kInvalid);
  const std::string text = messages(result);
  EXPECT_EQ(text.rfind("bad.xml:3:", 0), 0u) << text;
  EXPECT_NE(text.find("the XML is not well-formed"), std::string::npos) << text;
}

TEST(AgendaFrabXml, ABadDurationPointsAtItsElement) {
  const LoadResult result = load_text(
      "<schedule>\n<day index=\"1\" date=\"2025-11-26\">\n<room name=\"Hall\">\n"
      "<event id=\"x\"><date>2025-11-26T09:00:00+05:00</date>   <duration>one hour</duration>"
      "<room>Hall</room><title>X</title></event>\n</room>\n</day>\n</schedule>\n",
      "dur.xml");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result), "dur.xml:4:56: error: duration " + quoted("one hour") + " of event " +
                                  quoted("x") + " is not a duration: write it as \"HH:MM\"\n");
}

// Positions come from the n-th start tag of the text, never from searching for the element's
// name: a prefixed name, a comment or CDATA holding "<duration" cannot mislead them.
TEST(AgendaFrabXml, PositionsHoldWithPrefixesCommentsAndCdata) {
  const LoadResult result = load_text(
      "<?xml version=\"1.0\"?>\n<schedule xmlns:p=\"urn:p\"><!-- <duration> --><day index=\"1\" "
      "date=\"2025-11-26\"><room name=\"Hall\"><event id=\"x\"><title><![CDATA[<duration>]]>"
      "</title><date>2025-11-26T09:00:00+05:00</date><p:duration>one hour</p:duration>"
      "<room>Hall</room></event></room></day></schedule>\n",
      "ns.xml");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result), "ns.xml:2:186: error: duration " + quoted("one hour") + " of event " +
                                  quoted("x") +
                                  " is not a duration: write it "
                                  "as \"HH:MM\"\n");
}

TEST(AgendaFrabXml, AnEventOutsideARoomIsNamedAndCounted) {
  const LoadResult result = load_text(
      "<schedule>\n<day index=\"1\" date=\"2025-11-26\">\n<event id=\"lost\"><title>L</title>"
      "</event>\n<room name=\"Hall\"><event id=\"x\"><date>2025-11-26T09:00:00+05:00</date>"
      "<duration>00:30</duration><room>Hall</room><title>X</title></event></room>\n</day>\n"
      "</schedule>\n",
      "stray.xml");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.events_in_file, 2u);
  EXPECT_EQ(result.events_kept, 1u);
  EXPECT_NE(messages(result).find("stray.xml:3:1: warning: event " + quoted("lost") +
                                  " is not inside "
                                  "<day><room>: it is left out; move it into the <room> of its "
                                  "<day>"),
            std::string::npos)
      << messages(result);
}

TEST(AgendaFrabXml, AnotherRootElementIsNotASchedule) {
  const LoadResult result = load_text("<html><body/></html>", "page.html");
  EXPECT_FALSE(result.ok());
  EXPECT_NE(messages(result).find("page.html:1:1: error: this XML is not a frab schedule"),
            std::string::npos)
      << messages(result);
}

TEST(AgendaFrabJson, ABadDatePointsAtItsValue) {
  const LoadResult result = load_text(R"({"schedule": {"conference": {"title": "T",
  "time_zone_name": "Europe/Berlin", "days": [{"index": 1, "date": "2019-08-21",
  "rooms": {"Curie": [{"id": 1, "date": "2019-08-21 11:00 CEST", "duration": "00:30",
  "room": "Curie", "title": "Opening"}]}}]}}})",
                                      "schedule.json");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result),
            "schedule.json:3:41: error: date " + quoted("2019-08-21 11:00 CEST") + " of event " +
                quoted("1") +
                " is not a date and time: write it as \"2025-02-01T09:30:00+01:00\"\n");
}

TEST(AgendaFrabXml, TheEventsUrlBecomesTheSessionsWebAddress) {
  const LoadResult result = load_text(R"(<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Demo</title><start>2025-11-26</start><end>2025-11-26</end>
    <time_zone_name>Asia/Karachi</time_zone_name></conference>
  <day index="1" date="2025-11-26">
    <room name="Hall">
      <event id="1"><date>2025-11-26T10:00:00+05:00</date><duration>00:30</duration>
        <room>Hall</room><title>Talk</title>
        <url>https://pretalx.example.org/demo/talk/ABC/</url></event>
      <event id="2"><date>2025-11-26T11:00:00+05:00</date><duration>00:30</duration>
        <room>Hall</room><title>Other</title><url>/demo/talk/DEF/</url></event>
    </room>
  </day>
</schedule>
)",
                                      "url.xml");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->find_session("1")->url, "https://pretalx.example.org/demo/talk/ABC/");
  EXPECT_EQ(result.agenda->find_session("2")->url, "");
  EXPECT_NE(messages(result).find("url.xml:11:"), std::string::npos) << messages(result);
}

}  // namespace
}  // namespace ijlas::agenda
