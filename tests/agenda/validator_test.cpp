// Warnings that do not stop an agenda from showing, and errors that do.
#include <gtest/gtest.h>

#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

using testing::load_text;
using testing::messages;

std::string agenda_with_sessions(std::string_view sessions) {
  return std::string(R"({"conference": {"title": {"ur": "اجلاس", "en": "Meeting"},
  "time_zone": "Asia/Karachi", "start": "2025-11-26", "end": "2025-11-26"},
  "rooms": [{"id": "hall", "name": {"ur": "ہال", "en": "Hall"}}],
  "speakers": [{"id": "s1", "name": {"ur": "ایک", "en": "One"}}],
  "sessions": [)") +
         std::string(sessions) + "]}";
}

TEST(AgendaValidator, OverlapsInOneRoomAreWarnings) {
  const LoadResult result = load_text(agenda_with_sessions(
      R"({"id": "a", "title": {"ur": "الف", "en": "A"}, "room": "hall",
          "start": "2025-11-26T09:00", "end": "10:00"},
         {"id": "b", "title": {"ur": "ب", "en": "B"}, "room": "hall",
          "start": "2025-11-26T09:30", "end": "10:30"},
         {"id": "c", "title": {"ur": "ج", "en": "C"}, "room": "hall",
          "start": "2025-11-26T10:30", "end": "11:00"},
         {"id": "d", "title": {"ur": "د", "en": "D"}, "room": "hall", "status": "cancelled",
          "start": "2025-11-26T10:30", "end": "11:00"})"));
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(messages(result), "agenda.json:8:20: warning: sessions " + quoted("a") +
                                  " (09:00–10:00) and " + quoted("b") +
                                  " (09:30–10:30) overlap in room " + quoted("hall") + "\n");
}

TEST(AgendaValidator, UnknownRoomsAndSpeakersAreWarnings) {
  const LoadResult result = load_text(agenda_with_sessions(
      R"({"id": "a", "title": {"ur": "الف", "en": "A"}, "room": "garden", "speakers": ["s1", "s9"],
          "start": "2025-11-26T09:00", "end": "10:00"})"));
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(messages(result), "agenda.json:5:71: warning: session " + quoted("a") + " is in room " +
                                  quoted("garden") +
                                  ", which is not in \"rooms\": add it there\n"
                                  "agenda.json:5:100: warning: session " +
                                  quoted("a") + " names speaker " + quoted("s9") +
                                  ", who is not in \"speakers\": add them there\n");
}

TEST(AgendaValidator, AMissingTranslationIsAWarningInABilingualAgenda) {
  const LoadResult result = load_text(agenda_with_sessions(
      R"({"id": "a", "title": {"en": "Only English"}, "room": "hall",
          "start": "2025-11-26T09:00", "end": "10:00"})"));
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(messages(result), "agenda.json:5:16: warning: the title of session " + quoted("a") +
                                  " has no Urdu text: add \"ur\"\n");
}

TEST(AgendaValidator, ARepeatedSessionIdIsKeptApartWithOneWarning) {
  const LoadResult result = load_text(agenda_with_sessions(
      R"({"id": "a", "title": {"ur": "الف", "en": "A"}, "room": "hall",
          "start": "2025-11-26T09:00", "end": "10:00"},
{"id": "a", "title": {"ur": "الف", "en": "A"}, "room": "hall",
          "start": "2025-11-26T11:00", "end": "12:00"})"));
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(messages(result), "agenda.json:5:16: warning: session id " + quoted("a") +
                                  " is used by 2 events (lines 5 and 7): all "
                                  "are kept, the later ones as " +
                                  quoted("a-2") +
                                  "; give each event its own id so that changes "
                                  "reach the right one\n");
  ASSERT_EQ(result.agenda->sessions().size(), 2u);
  EXPECT_EQ(result.agenda->sessions()[1].id, "a-2");
  EXPECT_EQ(result.agenda->sessions()[1].start.utc_seconds,
            testing::utc("2025-11-26T11:00:00+05:00"));
}

}  // namespace
}  // namespace ijlas::agenda
