// The announcements and session-overrides formats: what they accept, how they say what is wrong
// (with line and column), and how they come and go on the venue's clock.
#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "live/announcements.hpp"
#include "live/live_document.hpp"
#include "live/session_overrides.hpp"
#include "live_test_support.hpp"

namespace ijlas::live {
namespace {

using testing::at;

agenda::TimeZone karachi() {
  return *agenda::TimeZone::find("Asia/Karachi");
}

std::string first_error(const DiagnosticList& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    if (diagnostic.severity == Severity::kError) return format_diagnostic(diagnostic);
  }
  return "";
}

TEST(LiveDocument, IsToldByItsMarkerMemberNotByItsName) {
  EXPECT_EQ(classify_document(R"({"ijlas_announcements": 1, "announcements": []})"),
            DocumentKind::kAnnouncements);
  EXPECT_EQ(classify_document(R"({"overrides": [], "ijlas_overrides": 1})"),
            DocumentKind::kOverrides);
  EXPECT_EQ(classify_document(R"({"ijlas_agenda": 1, "sessions": []})"), DocumentKind::kAgenda);
  // The marker inside a session's text is not the marker of the file.
  EXPECT_EQ(classify_document(R"({"ijlas_agenda": 1, "note": {"en": "\"ijlas_overrides\""}})"),
            DocumentKind::kAgenda);
  EXPECT_EQ(classify_document("BEGIN:VCALENDAR\r\n"), DocumentKind::kAgenda);
  EXPECT_EQ(classify_document(""), DocumentKind::kAgenda);
  // Broken JSON that names our marker is ours: its own reader reports the syntax error.
  EXPECT_EQ(classify_document(R"({"ijlas_overrides": 1, "overrides": [)"),
            DocumentKind::kOverrides);
}

TEST(Announcements, ReadsTextPriorityAndTimesWithDefaults) {
  const auto parsed = parse_announcements("news.json", R"({
  "ijlas_announcements": 1,
  "announcements": [
    {"id": "lunch", "text": {"ur": "کھانا", "en": "Lunch"}, "from": "2025-11-26T12:30:00+05:00",
     "until": "2025-11-26T13:30"},
    {"text": "Fire drill at 15:00", "priority": "high"}
  ]
})",
                                          at("2025-11-26T10:00+05:00"), karachi());
  ASSERT_FALSE(parsed.diagnostics.has_errors()) << first_error(parsed.diagnostics);
  ASSERT_EQ(parsed.announcements.size(), 2u);
  const Announcement& lunch = parsed.announcements[0];
  EXPECT_EQ(lunch.id, "lunch");
  EXPECT_EQ(lunch.text.ur, "کھانا");
  EXPECT_FALSE(lunch.high_priority);
  EXPECT_EQ(lunch.from, at("2025-11-26T12:30+05:00"));
  EXPECT_EQ(lunch.until, at("2025-11-26T13:30+05:00"));  // floating: read in the venue's zone
  const Announcement& drill = parsed.announcements[1];
  EXPECT_EQ(drill.id, "news.json#2");
  EXPECT_EQ(drill.text.en, "Fire drill at 15:00");
  EXPECT_TRUE(drill.high_priority);
  EXPECT_EQ(drill.from, at("2025-11-26T10:00+05:00"));   // when the file arrived
  EXPECT_EQ(drill.until, at("2025-11-26T22:00+05:00"));  // twelve hours later
}

TEST(Announcements, ComeAndGoOnTheVenueClockHighPriorityFirst) {
  const auto parsed = parse_announcements("news.json", R"({"ijlas_announcements": 1,
  "announcements": [
    {"id": "a", "text": "A", "from": "2025-11-26T10:00+05:00", "until": "2025-11-26T11:00+05:00"},
    {"id": "b", "text": "B", "priority": "high", "from": "2025-11-26T10:30+05:00",
     "until": "2025-11-26T12:00+05:00"}]})",
                                          at("2025-11-26T09:00+05:00"), karachi());
  ASSERT_FALSE(parsed.diagnostics.has_errors()) << first_error(parsed.diagnostics);
  auto ids = [&](const char* when) {
    std::string out;
    for (const Announcement& a : active_announcements(parsed.announcements, at(when)))
      out += a.id;
    return out;
  };
  EXPECT_EQ(ids("2025-11-26T09:59+05:00"), "");
  EXPECT_EQ(ids("2025-11-26T10:15+05:00"), "a");
  EXPECT_EQ(ids("2025-11-26T10:45+05:00"), "ba");
  EXPECT_EQ(ids("2025-11-26T11:00+05:00"), "b");  // until is not included
  EXPECT_EQ(ids("2025-11-26T12:00+05:00"), "");
  EXPECT_EQ(next_announcement_change(parsed.announcements, at("2025-11-26T10:15+05:00")),
            at("2025-11-26T10:30+05:00"));
  EXPECT_EQ(next_announcement_change(parsed.announcements, at("2025-11-26T12:00+05:00")).utc_ms,
            std::numeric_limits<std::int64_t>::max());
}

TEST(Announcements, MistakesAreNamedWithTheirPlace) {
  const live::Timestamp now = at("2025-11-26T09:00+05:00");
  auto error_of = [&](std::string_view text) {
    const auto parsed = parse_announcements("news.json", text, now, karachi());
    EXPECT_TRUE(parsed.announcements.empty());
    return first_error(parsed.diagnostics);
  };
  EXPECT_EQ(error_of(R"({"ijlas_announcements": 1, "announcements": [{"text": "A",
    "priority": "urgent"}]})"),
            "news.json:2:17: error: priority " + quoted("urgent") +
                " of announcement 1: use normal or high");
  EXPECT_EQ(error_of(R"({"ijlas_announcements": 1, "announcements": [{"id": "x"}]})"),
            "news.json:1:46: error: announcement 1 has no \"text\": add it, as a string or "
            "{\"ur\": …, \"en\": …}");
  EXPECT_EQ(error_of(R"({"ijlas_announcements": 1, "announcements": [{"text": "A",
 "until": "tomorrow"}]})"),
            "news.json:2:11: error: " + quoted("tomorrow") +
                " is not a date-time: write it as \"2025-11-26T12:30:00+05:00\"");
  EXPECT_EQ(error_of(R"({"ijlas_announcements": 2, "announcements": []})"),
            "news.json:1:25: error: \"ijlas_announcements\" must be 1, the only version there is");
  EXPECT_EQ(error_of(R"({"ijlas_announcements": 1, "announcements": [)"),
            "news.json:1:46: error: unexpected end of input: expected a value");
  EXPECT_NE(error_of(R"({"ijlas_announcements": 1, "announcements": [{"text": "A",
    "from": "2025-11-26T12:00+05:00", "until": "2025-11-26T11:00+05:00"}]})"),
            "");
}

// Two sessions on 26 November (a day that ends at midnight) and one on the 27th.
std::shared_ptr<const agenda::Agenda> two_days() {
  using namespace testing;
  agenda::AgendaData data =
      conference({day(1, "2025-11-26", "2025-11-26T00:00+05:00", "2025-11-27T00:00+05:00"),
                  day(2, "2025-11-27", "2025-11-27T00:00+05:00", "2025-11-28T00:00+05:00")});
  data.sessions = {session("opening", "a", "2025-11-26T09:30+05:00", "2025-11-26T10:30+05:00"),
                   session("panel", "b", "2025-11-26T11:00+05:00", "2025-11-26T12:00+05:00"),
                   session("closing", "a", "2025-11-27T16:00+05:00", "2025-11-27T17:00+05:00")};
  return std::make_shared<const agenda::Agenda>(std::move(data));
}

const char* kOverrides = R"({"ijlas_overrides": 1, "overrides": [
  {"session": "opening", "status": {"state": "delayed", "minutes": 15}},
  {"session": "panel", "status": "cancelled", "until": "2025-11-26T10:00+05:00"},
  {"session": "closing", "status": {"state": "moved", "room": "b"}},
  {"session": "ghost", "status": "cancelled"}
]})";

TEST(SessionOverrides, ApplyOnACopyAndEndOnTheirOwn) {
  const auto parsed = parse_session_overrides("changes.json", kOverrides, karachi());
  ASSERT_FALSE(parsed.diagnostics.has_errors()) << first_error(parsed.diagnostics);
  ASSERT_EQ(parsed.overrides.size(), 4u);
  const auto base = two_days();

  const auto morning =
      apply_session_overrides(base, parsed.overrides, at("2025-11-26T09:00+05:00"));
  ASSERT_NE(morning.agenda, base);
  const agenda::Session* opening = morning.agenda->find_session("opening");
  EXPECT_EQ(opening->status.state, agenda::SessionState::kDelayed);
  EXPECT_EQ(opening->status.delay_minutes, 15);
  EXPECT_EQ(morning.agenda->find_session("panel")->status.state, agenda::SessionState::kCancelled);
  EXPECT_EQ(morning.agenda->find_session("closing")->status.moved_to_room, "b");
  EXPECT_EQ(base->find_session("opening")->status.state, agenda::SessionState::kScheduled);
  EXPECT_EQ(morning.next_change, at("2025-11-26T10:00+05:00"));  // the panel's until
  ASSERT_EQ(morning.diagnostics.items().size(), 1u);
  EXPECT_EQ(
      format_diagnostic(morning.diagnostics.items()[0]),
      "changes.json:5:3: warning: no session " + quoted("ghost") + " in the agenda: check the id");

  // After its until the cancellation is gone; the delay lasts until the end of its day.
  const auto later = apply_session_overrides(base, parsed.overrides, at("2025-11-26T10:00+05:00"));
  EXPECT_EQ(later.agenda->find_session("panel")->status.state, agenda::SessionState::kScheduled);
  EXPECT_EQ(later.agenda->find_session("opening")->status.state, agenda::SessionState::kDelayed);
  EXPECT_EQ(later.next_change, at("2025-11-27T00:00+05:00"));
  const auto next_day =
      apply_session_overrides(base, parsed.overrides, at("2025-11-27T09:00+05:00"));
  EXPECT_EQ(next_day.agenda->find_session("opening")->status.state,
            agenda::SessionState::kScheduled);
  EXPECT_EQ(next_day.agenda->find_session("closing")->status.state, agenda::SessionState::kMoved);
  const auto over = apply_session_overrides(base, parsed.overrides, at("2025-11-28T00:00+05:00"));
  EXPECT_EQ(over.agenda, base);  // nothing in force: the accepted agenda itself
}

TEST(SessionOverrides, MistakesAreNamedWithTheirPlace) {
  auto error_of = [&](std::string_view text) {
    const auto parsed = parse_session_overrides("changes.json", text, karachi());
    EXPECT_TRUE(parsed.overrides.empty());
    return first_error(parsed.diagnostics);
  };
  EXPECT_EQ(error_of(R"({"ijlas_overrides": 1, "overrides": [
  {"session": "a", "status": "postponed"}]})"),
            "changes.json:2:30: error: unknown status " + quoted("postponed") +
                " of override 1: use scheduled, cancelled, delayed or moved");
  EXPECT_EQ(error_of(R"({"ijlas_overrides": 1, "overrides": [
  {"session": "a", "status": {"state": "delayed", "minutes": -5}}]})"),
            "changes.json:2:62: error: a delay of override 1 needs \"minutes\", a whole number "
            "from 1 to 1440: {\"state\": \"delayed\", \"minutes\": 15}");
  EXPECT_EQ(error_of(R"({"ijlas_overrides": 1, "overrides": [{"status": "cancelled"}]})"),
            "changes.json:1:38: error: override 1 has no \"session\": add it");
  EXPECT_EQ(error_of(R"({"ijlas_overrides": 1, "overrides": [
  {"session": "a", "status": {"state": "moved"}}]})"),
            "changes.json:2:30: error: a move of override 1 needs a \"room\", a \"start\" or "
            "both: {\"state\": \"moved\", \"room\": \"…\"}");
  EXPECT_EQ(error_of(R"({"ijlas_overrides": 1})"),
            "changes.json:1:1: error: the overrides file has no \"overrides\": add it as an "
            "array");
}

}  // namespace
}  // namespace ijlas::live
