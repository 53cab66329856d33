// What agenda text may hold, the same in every format: controls removed, bidi embeddings and
// overrides removed, isolates balanced, lengths and the session count bounded; HTML read by
// libxml2.
#include <gtest/gtest.h>

#include "agenda/html_text.hpp"
#include "agenda/model_limits.hpp"
#include "agenda/text_sanitizer.hpp"
#include "agenda_test_support.hpp"
#include "core/json_value.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

using testing::load_text;
using testing::messages;

// One session, id "s1", in room "Hall" with the title put where "@" is.
struct FormatCase {
  const char* name;
  const char* file;
  bool json;  // the title is written as a JSON string (escapes for controls)
  // The format that cannot hold a NUL (XML and iCalendar), whose file loses it before it is
  // parsed, with a warning naming that format; nullptr: removed from the field.
  const char* nul_removed_from_file;
  const char* session_id;
  const char* document;
};

const FormatCase kFormats[] = {
    {"csv", "a.csv", false, nullptr, "s1",
     "id,date,start,end,room,title\ns1,2025-11-26,09:30,10:30,Hall,@\n"},
    {"native", "a.json", true, nullptr, "s1",
     R"({"conference": {"title": "M", "time_zone": "Asia/Karachi", "start": "2025-11-26",
         "end": "2025-11-26"}, "rooms": [{"id": "Hall", "name": "Hall"}],
         "sessions": [{"id": "s1", "title": "@", "start": "2025-11-26T09:30:00+05:00",
         "end": "2025-11-26T10:30:00+05:00", "room": "Hall"}]})"},
    {"frab-json", "a.json", true, nullptr, "s1",
     R"({"schedule": {"conference": {"title": "M", "time_zone_name": "Asia/Karachi",
         "start": "2025-11-26", "end": "2025-11-26", "days": [{"index": 1, "date": "2025-11-26",
         "rooms": {"Hall": [{"id": "s1", "date": "2025-11-26T09:30:00+05:00",
         "duration": "01:00", "room": "Hall", "title": "@"}]}}]}}})"},
    {"frab-xml", "a.xml", false, "XML", "s1",
     R"(<schedule><conference><title>M</title><start>2025-11-26</start><end>2025-11-26</end>
         <time_zone_name>Asia/Karachi</time_zone_name></conference>
         <day index="1" date="2025-11-26"><room name="Hall"><event id="s1">
         <date>2025-11-26T09:30:00+05:00</date><duration>01:00</duration><room>Hall</room>
         <title>@</title></event></room></day></schedule>)"},
    {"ical", "a.ics", false, "iCalendar", "s1",
     "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nX-WR-TIMEZONE:Asia/Karachi\r\n"
     "BEGIN:VEVENT\r\nUID:s1\r\nDTSTART:20251126T043000Z\r\nDURATION:PT1H\r\nLOCATION:Hall\r\n"
     "SUMMARY:@\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"},
    {"sessionize", "a.json", true, nullptr, "s1",
     R"({"sessions": [{"id": "s1", "title": "@", "startsAt": "2025-11-26T09:30:00",
         "endsAt": "2025-11-26T10:30:00", "roomId": 1, "speakers": [], "categoryItems": []}],
         "speakers": [], "categories": [], "rooms": [{"id": 1, "name": "Hall"}]})"},
    {"indico", "a.json", true, nullptr, "s1",
     R"({"results": [{"title": "E", "timezone": "Asia/Karachi", "contributions": [{"id": "s1",
         "title": "@", "room": "Hall",
         "startDate": {"date": "2025-11-26", "time": "09:30:00", "tz": "Asia/Karachi"},
         "endDate": {"date": "2025-11-26", "time": "10:30:00", "tz": "Asia/Karachi"}}]}]})"},
    {"opass", "a.json", true, nullptr, "s1",
     R"({"sessions": [{"id": "s1", "room": "Hall", "start": "2025-11-26T09:30:00+05:00",
         "end": "2025-11-26T10:30:00+05:00", "zh": {"title": "@"}, "en": {"title": ""},
         "speakers": [], "tags": []}], "session_types": [], "speakers": [],
         "rooms": [{"id": "Hall", "zh": {"name": "Hall"}}]})"},
};

class AgendaTextInEveryFormat : public ::testing::TestWithParam<FormatCase> {
 protected:
  LoadResult load_with_title(std::string_view title) const {
    const FormatCase& format = GetParam();
    std::string written(title);
    if (format.json) {
      written = json::quote(title);
      written = written.substr(1, written.size() - 2);
    }
    std::string document = format.document;
    document.replace(document.find('@'), 1, written);
    return load_text(document, format.file);
  }

  std::string title_after_loading(std::string_view title, std::string* diagnostics = nullptr) {
    const LoadResult result = load_with_title(title);
    EXPECT_TRUE(result.ok()) << GetParam().name << ": " << messages(result);
    if (diagnostics) *diagnostics = messages(result);
    if (!result.ok()) return {};
    const Session* session = result.agenda->find_session(GetParam().session_id);
    EXPECT_NE(session, nullptr) << GetParam().name;
    return session ? session->title.preferred() : std::string();
  }
};

TEST_P(AgendaTextInEveryFormat, AnOverrideCannotReorderTheTitle) {
  std::string diagnostics;
  const std::string title =
      title_after_loading("Keynote \u202ELLAH NIAM ni\u202C at 10:00", &diagnostics);
  EXPECT_EQ(title, "Keynote LLAH NIAM ni at 10:00") << GetParam().name;
  EXPECT_NE(diagnostics.find("bidi control U+202E at character 9 (and 1 more) removed"),
            std::string::npos)
      << GetParam().name << ": " << diagnostics;
}

TEST_P(AgendaTextInEveryFormat, AnUnclosedIsolateIsClosedAtTheFieldsEnd) {
  EXPECT_EQ(title_after_loading("Hall \u2067\u0628"), "Hall \u2067\u0628\u2069") << GetParam().name;
}

TEST_P(AgendaTextInEveryFormat, ControlCharactersAreRemovedWithAWarningNamingFieldAndPlace) {
  std::string diagnostics;
  EXPECT_EQ(title_after_loading("Open\x1B[2Jing\x07", &diagnostics), "Open[2Jing")
      << GetParam().name;
  if (std::string_view(GetParam().name) == "frab-xml") {
    // XML 1.0 cannot hold these controls: they leave the file before the XML parser reads it,
    // with the place of the first (the title's line, after "<title>Open").
    EXPECT_NE(diagnostics.find(":5:21: warning: control character U+001B (and 1 more) removed: "
                               "XML cannot hold it"),
              std::string::npos)
        << diagnostics;
    return;
  }
  EXPECT_NE(diagnostics.find("warning: the title of session " + quoted(GetParam().session_id) +
                             " (English): control character U+001B at character 5 (and 1 "
                             "more) removed"),
            std::string::npos)
      << GetParam().name << ": " << diagnostics;
}

TEST_P(AgendaTextInEveryFormat, ANulIsRemovedWithAWarningAndTheRestIsRead) {
  std::string diagnostics;
  EXPECT_EQ(title_after_loading(std::string_view("Open\0ing", 8), &diagnostics), "Opening")
      << GetParam().name;
  const std::string expected =
      GetParam().nul_removed_from_file
          ? std::string("warning: control character U+0000 removed: ") +
                GetParam().nul_removed_from_file + " cannot hold it"
          : "warning: the title of session " + quoted(GetParam().session_id) +
                " (English): control character U+0000 at character 5 removed";
  EXPECT_NE(diagnostics.find(expected), std::string::npos)
      << GetParam().name << ": " << diagnostics;
}

TEST_P(AgendaTextInEveryFormat, ALongTitleIsCutAtAGraphemeBoundaryWithAWarning) {
  // 499 letters, then "e" + combining acute: the 501st character would split the cluster.
  std::string long_title(kMaxTitleCharacters - 1, 'a');
  long_title += "e\u0301 and more";
  std::string diagnostics;
  const std::string title = title_after_loading(long_title, &diagnostics);
  EXPECT_EQ(title, std::string(kMaxTitleCharacters - 1, 'a')) << GetParam().name;
  EXPECT_NE(diagnostics.find("(English) is cut after 500 characters"), std::string::npos)
      << GetParam().name << ": " << diagnostics;
}

INSTANTIATE_TEST_SUITE_P(Formats, AgendaTextInEveryFormat, ::testing::ValuesIn(kFormats),
                         [](const ::testing::TestParamInfo<FormatCase>& info) {
                           std::string name = info.param.name;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(AgendaTextSanitizer, LineBreaksAreKeptWhereTheFieldHasLinesAndTabsBecomeSpaces) {
  const SanitizedText result = sanitize_text("one\r\ntwo\rthree\tfour", {true, 100});
  EXPECT_EQ(result.text, "one\ntwo\nthree four");
  EXPECT_TRUE(result.changes.empty());
  EXPECT_EQ(sanitize_text("Main\r\nHall\n2", {false, 100}).text, "Main Hall 2");
}

TEST(AgendaTextSanitizer, AStrayPopIsolateIsRemovedAndIsolatesEndWithTheirParagraph) {
  const SanitizedText stray = sanitize_text("a\u2069b", {false, 100});
  EXPECT_EQ(stray.text, "ab");
  ASSERT_EQ(stray.changes.size(), 1u);
  EXPECT_EQ(stray.changes[0].fix, TextFix::kIsolateBalanced);
  EXPECT_EQ(stray.changes[0].character, 2u);
  // A line break ends every isolate, so the PDI on the next line has nothing to close.
  EXPECT_EQ(sanitize_text("\u2066x\ny\u2069", {true, 100}).text, "\u2066x\ny");
}

TEST(AgendaTextSanitizer, CleanTextIsKeptAsIs) {
  const std::string text = "افتتاحی اجلاس — Opening \u2068Hall\u2069";
  const SanitizedText result = sanitize_text(text, {false, kMaxTitleCharacters});
  EXPECT_EQ(result.text, text);
  EXPECT_TRUE(result.changes.empty());
}

TEST(AgendaModelLimits, MoreSessionsThanTheLimitIsAnErrorSayingHowManyAndWhatToDo) {
  std::string csv = "date,start,end,room,title\n";
  for (std::size_t i = 0; i <= kMaxSessions; ++i)
    csv += "2025-11-26,09:30,10:30,Hall,T\n";
  const LoadResult result = load_text(csv, "big.csv");
  EXPECT_EQ(result.status, LoadStatus::kInvalid);
  EXPECT_NE(messages(result).find("big.csv:1:1: error: the file holds 20001 sessions, more than "
                                  "the 20000 ijlas shows: split it"),
            std::string::npos)
      << messages(result).substr(0, 400);
}

TEST(AgendaModelLimits, ALongSpeakerNameIsCutWithAWarningNamingTheSpeaker) {
  const std::string name(kMaxNameCharacters + 20, 'n');
  const LoadResult result = load_text(
      "date,start,end,room,title,speakers\n2025-11-26,09:30,10:30,Hall,T," + name + "\n", "s.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  ASSERT_EQ(result.agenda->speakers().size(), 1u);
  EXPECT_EQ(utf8::length(result.agenda->speakers()[0].name.en), kMaxNameCharacters);
  EXPECT_NE(messages(result).find("the name of speaker"), std::string::npos) << messages(result);
}

TEST(AgendaHtmlText, ParagraphsAndBreaksBecomeLinesAndEveryEntityIsDecoded) {
  EXPECT_EQ(html_to_text("<p>One &amp; two&nbsp;&eacute;&#x1F600;</p><p>Three<br>four</p>"),
            "One & two\u00A0\u00E9\U0001F600\n\nThree\nfour");
  EXPECT_EQ(html_to_text("<ul><li>a</li><li>b</li></ul>"), "a\nb");
  EXPECT_EQ(html_to_text("x<script>alert(1)</script><style>p{}</style>y"), "xy");
  EXPECT_EQ(html_to_text("<b>bold</b> <i>italic</i>"), "bold italic");
}

TEST(AgendaHtmlText, TextWithoutMarkupIsUnchanged) {
  EXPECT_EQ(html_to_text("plain  text,\nkept"), "plain  text,\nkept");
}

TEST(AgendaHtmlText, BrokenMarkupStillGivesItsText) {
  EXPECT_EQ(html_to_text("a < b && c <unclosed"), "a < b && c");
  EXPECT_EQ(html_to_text("&bogus; &amp;x"), "&bogus; &x");
}

}  // namespace
}  // namespace ijlas::agenda
