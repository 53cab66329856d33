// The native JSON format: what it accepts, and the messages organizers get when it is wrong.
#include <gtest/gtest.h>

#include "agenda/model_limits.hpp"
#include "agenda/native_json_writer.hpp"
#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

using testing::load_text;
using testing::messages;

// Line 14 holds the opening session's end, its value starting at column 22.
constexpr std::string_view kBackwardsSession = R"({
  "conference": {
    "title": {"ur": "اجلاس", "en": "Meeting"},
    "time_zone": "Asia/Karachi",
    "start": "2025-11-26",
    "end": "2025-11-26"
  },
  "rooms": [{"id": "hall", "name": {"ur": "ہال", "en": "Hall"}}],
  "sessions": [
    {
      "id": "opening",
      "title": {"ur": "افتتاح", "en": "Opening"},
      "start": "2025-11-26T10:30:00+05:00",
      "end":         "10:00",
      "room": "hall"
    }
  ]
})";

TEST(AgendaNativeFormat, SessionEndingBeforeItStartsIsAnErrorAtTheEnd) {
  const LoadResult result = load_text(kBackwardsSession);
  EXPECT_EQ(result.status, LoadStatus::kInvalid);
  EXPECT_FALSE(result.agenda);
  EXPECT_EQ(result.diagnostics.error_count(), 1);
  EXPECT_EQ(messages(result).rfind("agenda.json:14:22: error: session " + quoted("opening") +
                                       " ends (10:00) before it starts (10:30)",
                                   0),
            0u)
      << messages(result);
}

std::string minimal_with_session(std::string_view session_members) {
  return std::string(R"({"conference": {"title": "Meeting", "time_zone": "Asia/Karachi",
    "start": "2025-11-26", "end": "2025-11-27"},
    "rooms": [{"id": "hall", "name": "Hall"}],
    "speakers": [{"id": "s1", "name": "Speaker One"}],
    "sessions": [{"id": "a", "title": "A", "room": "hall", )") +
         std::string(session_members) + "}]}";
}

TEST(AgendaNativeFormat, FloatingTimesTakeTheConferenceZone) {
  const LoadResult result =
      load_text(minimal_with_session(R"("start": "2025-11-26T09:30", "duration": "00:45")"));
  ASSERT_TRUE(result.ok()) << messages(result);
  const Session& session = result.agenda->sessions()[0];
  EXPECT_EQ(session.start.utc_seconds, 1764131400);  // 2025-11-26T09:30:00+05:00
  EXPECT_EQ(session.start.offset_seconds, 5 * 3600);
  EXPECT_EQ(session.duration_seconds(), 45 * 60);
  EXPECT_EQ(result.diagnostics.warning_count(), 0) << messages(result);
}

TEST(AgendaNativeFormat, AnExplicitOffsetWinsOverTheZoneWithAWarning) {
  const LoadResult result = load_text(minimal_with_session(
      R"("start": "2025-11-26T09:30:00+04:00", "end": "2025-11-26T10:00:00+04:00")"));
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->sessions()[0].start.utc_seconds, 1764131400 + 3600);
  EXPECT_EQ(result.diagnostics.warning_count(), 1);
  EXPECT_NE(messages(result).find("says +04:00, but the declared time zone " +
                                  quoted("Asia/Karachi") + " is at +05:00"),
            std::string::npos)
      << messages(result);
}

TEST(AgendaNativeFormat, ReadsEveryStatus) {
  const auto status_of = [](std::string_view status) {
    const LoadResult result = load_text(minimal_with_session(
        std::string(R"("start": "2025-11-26T09:30", "end": "10:30", "status": )") +
        std::string(status)));
    EXPECT_TRUE(result.ok()) << messages(result);
    return result.ok() ? result.agenda->sessions()[0].status : SessionStatus{};
  };
  EXPECT_EQ(status_of(R"("cancelled")").state, SessionState::kCancelled);
  const SessionStatus delayed = status_of(R"({"state": "delayed", "minutes": 15})");
  EXPECT_EQ(delayed.state, SessionState::kDelayed);
  EXPECT_EQ(delayed.delay_minutes, 15);
  const SessionStatus moved =
      status_of(R"({"state": "moved", "room": "hall", "start": "2025-11-26T11:00"})");
  EXPECT_EQ(moved.state, SessionState::kMoved);
  EXPECT_EQ(moved.moved_to_room, "hall");
  ASSERT_TRUE(moved.moved_to_start);
  EXPECT_EQ(moved.moved_to_start->utc_seconds, 1764131400 + 90 * 60);
}

TEST(AgendaNativeFormat, PlainStringsGoToTheLanguageOfTheirScript) {
  const LoadResult result = load_text(
      minimal_with_session(R"("start": "2025-11-26T09:30", "end": "10:30", "subtitle": "ذیلی")"));
  ASSERT_TRUE(result.ok()) << messages(result);
  const Session& session = result.agenda->sessions()[0];
  EXPECT_EQ(session.title.en, "A");
  EXPECT_EQ(session.subtitle.ur, "ذیلی");
  EXPECT_TRUE(session.subtitle.en.empty());
}

TEST(AgendaNativeFormat, ErrorsQuoteTheOffendingTextAndItsPlace) {
  const LoadResult bad_start =
      load_text(minimal_with_session(R"("start": "26/11/2025 09:30", "end": "10:30")"));
  EXPECT_FALSE(bad_start.ok());
  EXPECT_NE(messages(bad_start).find(":5:69: error: \"start\" of session " + quoted("a") + " " +
                                     quoted("26/11/2025 09:30") + " is not a date and time"),
            std::string::npos)
      << messages(bad_start);

  const LoadResult bad_zone = load_text(R"({"conference": {"title": "M",
    "time_zone": "Asia/Karachii", "start": "2025-11-26", "end": "2025-11-26"}})");
  EXPECT_EQ(messages(bad_zone), "agenda.json:2:18: error: unknown time zone " +
                                    quoted("Asia/Karachii") +
                                    ": use an IANA name such as \"Asia/Karachi\"\n");

  const LoadResult syntax = load_text("{\"conference\": {\"title\": \"M\",}}");
  EXPECT_EQ(messages(syntax),
            "agenda.json:1:30: error: unexpected character '}': expected a member name\n");
}

// Found by fuzz_agenda_native_json: a start date without an end date once crashed the loader.
TEST(AgendaNativeFormat, AConferenceWithoutAnEndDateIsAnErrorNotACrash) {
  const LoadResult result =
      load_text(R"({"conference": {"title": "M", "time_zone": "UTC", "start": "2025-11-26"}})");
  EXPECT_EQ(messages(result),
            "agenda.json:1:16: error: the conference has no \"end\" date: add it as "
            "\"YYYY-MM-DD\"\n");
}

TEST(AgendaNativeFormat, AConferenceEndingBeforeItStartsIsAnError) {
  const LoadResult result = load_text(
      R"({"conference": {"title": "M", "time_zone": "UTC", "start": "2025-11-26", "end": "2025-11-25"}})");
  EXPECT_EQ(messages(result),
            "agenda.json:1:81: error: the conference ends (2025-11-25) before it starts "
            "(2025-11-26)\n");
}

TEST(AgendaNativeFormat, MisspeltMembersAreWarnedAbout) {
  const LoadResult result = load_text(
      minimal_with_session(R"("start": "2025-11-26T09:30", "end": "10:30", "titel": "x")"));
  ASSERT_TRUE(result.ok());
  EXPECT_NE(messages(result).find("warning: unknown member " + quoted("titel") +
                                  " in a session is ignored"),
            std::string::npos);
}

TEST(AgendaNativeFormat, DaysAreDerivedFromSessionsWhenNotGiven) {
  const LoadResult result =
      load_text(minimal_with_session(R"("start": "2025-11-26T23:30", "end": "2025-11-27T00:30")"));
  ASSERT_TRUE(result.ok()) << messages(result);
  ASSERT_EQ(result.agenda->days().size(), 1u);
  const Day& day = result.agenda->days()[0];
  EXPECT_EQ(day.date, (Date{2025, 11, 26}));
  EXPECT_EQ(time::format_date_time(day.start), "2025-11-26T00:00:00+05:00");
  EXPECT_EQ(time::format_date_time(day.end), "2025-11-27T00:00:00+05:00");
}

TEST(AgendaNativeFormat, AWebAddressIsKeptAndAnythingElseIsWarnedAboutAndLeftOut) {
  constexpr std::string_view kWithUrls = R"json({
  "conference": {"title": "Meeting", "time_zone": "Asia/Karachi",
                 "start": "2025-11-26", "end": "2025-11-26"},
  "rooms": [{"id": "hall", "name": "Hall"}],
  "sessions": [
    {"id": "opening", "title": "Opening", "start": "2025-11-26T10:00:00+05:00",
     "end": "10:30", "room": "hall", "url": "https://example.org/meeting/opening"},
    {"id": "lunch", "title": "Lunch", "start": "2025-11-26T12:00:00+05:00",
     "end": "13:00", "room": "hall", "url": "javascript:alert(1)"}
  ]
})json";
  const LoadResult result = load_text(kWithUrls);
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->find_session("opening")->url, "https://example.org/meeting/opening");
  EXPECT_EQ(result.agenda->find_session("lunch")->url, "");
  EXPECT_NE(messages(result).find("agenda.json:9:"), std::string::npos) << messages(result);
  EXPECT_NE(messages(result).find("javascript:alert(1)"), std::string::npos);
  // The normalized file the intake hands on keeps the address.
  const LoadResult again = load_text(write_native_json(*result.agenda));
  ASSERT_TRUE(again.ok()) << messages(again);
  EXPECT_EQ(again.agenda->find_session("opening")->url, "https://example.org/meeting/opening");
}

TEST(AgendaNativeFormat, APhotoLeadingOutOfTheAgendasFolderIsWarnedAboutAndLeftOut) {
  constexpr std::string_view kWithPhotos = R"json({
  "conference": {"title": "Meeting", "time_zone": "Asia/Karachi",
                 "start": "2025-11-26", "end": "2025-11-26"},
  "rooms": [{"id": "hall", "name": "Hall"}],
  "speakers": [
    {"id": "amna", "name": "Amna", "photo": "photos/amna.jpg"},
    {"id": "bilal", "name": "Bilal", "photo": "../../../../etc/passwd"},
    {"id": "sara", "name": "Sara", "photo": "/etc/shadow"}
  ],
  "sessions": [
    {"id": "opening", "title": "Opening", "start": "2025-11-26T10:00:00+05:00",
     "end": "10:30", "room": "hall", "speakers": ["amna", "bilal", "sara"]}
  ]
})json";
  const LoadResult result = load_text(kWithPhotos);
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->find_speaker("amna")->photo, "photos/amna.jpg");
  EXPECT_EQ(result.agenda->find_speaker("bilal")->photo, "");
  EXPECT_EQ(result.agenda->find_speaker("sara")->photo, "");
  EXPECT_EQ(result.diagnostics.warning_count(), 2) << messages(result);
  EXPECT_NE(messages(result).find("agenda.json:7:"), std::string::npos) << messages(result);
  EXPECT_NE(messages(result).find(quoted("../../../../etc/passwd")), std::string::npos);
  EXPECT_NE(messages(result).find("agenda.json:8:"), std::string::npos) << messages(result);
}

// The members of one agenda in the order ijlas writes them, and with days and sessions first.
constexpr std::string_view kConferenceFirst = R"({
  "conference": {"title": "Meeting", "time_zone": "Asia/Karachi", "day_change": "04:00",
                 "start": "2025-11-26", "end": "2025-11-26"},
  "days": [{"date": "2025-11-26"}],
  "rooms": [{"id": "hall", "name": "Hall"}],
  "sessions": [{"id": "a", "title": "A", "room": "hall", "start": "2025-11-26T09:30",
                "end": "10:00", "titel": "misspelt"}]
})";
constexpr std::string_view kConferenceLast = R"({
  "sessions": [{"id": "a", "title": "A", "room": "hall", "start": "2025-11-26T09:30",
                "end": "10:00", "titel": "misspelt"}],
  "days": [{"date": "2025-11-26"}],
  "rooms": [{"id": "hall", "name": "Hall"}],
  "conference": {"title": "Meeting", "time_zone": "Asia/Karachi", "day_change": "04:00",
                 "start": "2025-11-26", "end": "2025-11-26"}
})";

TEST(AgendaNativeFormat, DaysAndSessionsBeforeTheConferenceAreReadInItsZoneAndDayChange) {
  const LoadResult first = load_text(kConferenceFirst);
  const LoadResult last = load_text(kConferenceLast);
  ASSERT_TRUE(last.ok()) << messages(last);
  ASSERT_TRUE(first.ok()) << messages(first);
  EXPECT_EQ(last.agenda->sessions()[0].start.utc_seconds, 1764131400);  // 09:30 at +05:00
  ASSERT_EQ(last.agenda->days().size(), 1u);
  EXPECT_EQ(time::format_date_time(last.agenda->days()[0].start), "2025-11-26T04:00:00+05:00");
  EXPECT_EQ(write_native_json(*last.agenda), write_native_json(*first.agenda));
  // The misspelt member is reported at its own place in either order.
  EXPECT_EQ(messages(last), "agenda.json:3:33: warning: unknown member " + quoted("titel") +
                                " in a session is ignored\n");
  EXPECT_EQ(messages(first), "agenda.json:7:33: warning: unknown member " + quoted("titel") +
                                 " in a session is ignored\n");
}

TEST(AgendaNativeFormat, SessionsWithoutAConferenceAreNotReadAndTheConferenceIsAskedFor) {
  const LoadResult result =
      load_text(R"({"ijlas_agenda": 1, "sessions": [{"id": "a", "titel": "A"}]})");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result),
            "agenda.json:1:1: error: the agenda has no \"conference\": add it as an object\n");
}

TEST(AgendaNativeFormat, AMemberGivenTwiceIsReadOnceAndTheSecondIsNamed) {
  const LoadResult result = load_text(R"({
  "conference": {"title": "First", "time_zone": "Asia/Karachi",
                 "start": "2025-11-26", "end": "2025-11-26"},
  "rooms": [{"id": "hall", "name": "Hall"}],
  "sessions": [{"id": "a", "title": "A", "room": "hall", "start": "2025-11-26T09:30",
                "end": "10:00"}],
  "conference": {"title": "Second"},
  "sessions": [{"id": "b", "title": "B", "room": "hall", "start": "2025-11-26T10:30",
                "end": "11:00"}, 7]
})");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->conference().title.en, "First");
  ASSERT_EQ(result.agenda->sessions().size(), 1u);
  EXPECT_EQ(result.agenda->sessions()[0].id, "a");
  EXPECT_EQ(messages(result),
            "agenda.json:7:3: warning: \"conference\" is given twice in the agenda: this one is "
            "ignored, the first (line 2, column 3) is read; keep one of them\n"
            "agenda.json:8:3: warning: \"sessions\" is given twice in the agenda: this one is "
            "ignored, the first (line 5, column 3) is read; keep one of them\n");
}

TEST(AgendaNativeFormat, ASyntaxErrorAfterSessionsLeavesNoAgendaAndIsTheOneMessage) {
  std::string text(kConferenceFirst);
  text.insert(text.rfind('}'), ",\n  \"tracks\": [}");
  const LoadResult result = load_text(text);
  EXPECT_EQ(result.status, LoadStatus::kInvalid);
  EXPECT_FALSE(result.agenda);
  EXPECT_EQ(messages(result),
            "agenda.json:9:14: error: unexpected character '}': expected a value\n");
  // What was said before the file was read stays.
  const LoadResult in_a_venue = load_text(text, "agenda.json", LoadOptions{"Asia/Atlantis"});
  EXPECT_EQ(messages(in_a_venue), "agenda.json: warning: the venue's time zone " +
                                      quoted("Asia/Atlantis") +
                                      " is unknown: it is not used for this file\n"
                                      "agenda.json:9:14: error: unexpected character '}': "
                                      "expected a value\n");
}

TEST(AgendaNativeFormat, OnlyHttpAndHttpsAddressesWithAHostAreWebAddresses) {
  EXPECT_TRUE(is_web_address("https://pretalx.com/democon/talk/ABC123/"));
  EXPECT_TRUE(is_web_address("http://example.org"));
  for (const char* text : {"", "example.org", "ftp://example.org/x", "https:///x",
                           "https://exa mple.org", "https://example.org/\n"}) {
    EXPECT_FALSE(is_web_address(text)) << text;
  }
  EXPECT_FALSE(is_web_address("https://example.org/" + std::string(kMaxUrlBytes, 'a')));
}

}  // namespace
}  // namespace ijlas::agenda
