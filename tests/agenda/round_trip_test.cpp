// Convert to the native format and back: the model comes back equal, for every real export,
// the bundled agenda, and statuses and bilingual fields the real files do not have.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "agenda/native_json_writer.hpp"
#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

void expect_round_trip(const LoadResult& original) {
  ASSERT_TRUE(original.ok()) << testing::messages(original);
  const std::string native = write_native_json(*original.agenda);
  const LoadResult again = load_agenda_bytes("converted.json", native);
  ASSERT_TRUE(again.ok()) << testing::messages(again);
  EXPECT_EQ(again.format, AgendaFormat::kNative);
  EXPECT_EQ(again.diagnostics.error_count(), 0);
  EXPECT_TRUE(again.agenda->data() == original.agenda->data());
  // Field by field as well, so that a failure says which part differs.
  EXPECT_EQ(again.agenda->conference(), original.agenda->conference());
  EXPECT_EQ(again.agenda->data().days, original.agenda->data().days);
  EXPECT_EQ(again.agenda->data().rooms, original.agenda->data().rooms);
  EXPECT_EQ(again.agenda->data().tracks, original.agenda->data().tracks);
  EXPECT_EQ(again.agenda->data().speakers, original.agenda->data().speakers);
  ASSERT_EQ(again.agenda->sessions().size(), original.agenda->sessions().size());
  for (std::size_t i = 0; i < again.agenda->sessions().size(); ++i) {
    ASSERT_EQ(again.agenda->sessions()[i], original.agenda->sessions()[i])
        << original.agenda->sessions()[i].id;
  }
  // Writing the reloaded agenda gives the same text.
  EXPECT_EQ(write_native_json(*again.agenda), native);
}

class AgendaRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(AgendaRoundTrip, RealExportsSurviveConversion) {
  expect_round_trip(load_agenda_file(testing::shared_schedule(GetParam())));
}

INSTANTIATE_TEST_SUITE_P(
    SharedSchedules, AgendaRoundTrip,
    ::testing::Values("fosdem-2025-schedule.xml", "31c3-schedule.xml",
                      "c3voc-example-frab-camp2019.json", "c3voc-example-pretalx-democon.json",
                      "pyconuk2015-schedule.ics", "gab2022-sessionize-all.json",
                      "xdc2021-indico-export.json", "sitcon2022-opass-session.json"));

TEST(AgendaRoundTripNative, TheDefaultAgendaSurvivesConversion) {
  expect_round_trip(load_agenda_file(testing::default_agenda_path()));
}

TEST(AgendaRoundTripNative, StatusesSurviveConversion) {
  expect_round_trip(testing::load_text(R"({"conference": {"title": "M",
    "time_zone": "Asia/Karachi", "start": "2025-11-26", "end": "2025-11-26", "day_change": "04:30"},
    "rooms": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    "tracks": [{"id": "t", "name": "T", "color": "#12AB9f"}],
    "sessions": [
      {"id": "1", "title": "One", "room": "a", "start": "2025-11-26T09:00", "end": "10:00",
       "status": {"state": "delayed", "minutes": 20}, "track": "t"},
      {"id": "2", "title": "Two", "room": "a", "start": "2025-11-26T10:00", "end": "11:00",
       "status": "cancelled"},
      {"id": "3", "title": "Three", "room": "a", "start": "2025-11-26T11:00", "end": "12:00",
       "status": {"state": "moved", "room": "b", "start": "2025-11-26T13:00:00+05:00"}}]})"));
}

// The reader writes its answer in pieces: a large agenda is never held whole as text.
TEST(AgendaNativeWriter, ALargeAgendaIsWrittenInPiecesThatMakeUpTheWholeText) {
  const LoadResult fosdem = load_agenda_file(testing::shared_schedule("fosdem-2025-schedule.xml"));
  ASSERT_TRUE(fosdem.ok()) << testing::messages(fosdem);
  std::vector<std::string> pieces;
  EXPECT_TRUE(write_native_json(*fosdem.agenda, [&](std::string_view piece) {
    pieces.emplace_back(piece);
    return true;
  }));
  std::string joined;
  std::size_t largest = 0;
  for (const std::string& piece : pieces) {
    joined += piece;
    largest = std::max(largest, piece.size());
  }
  EXPECT_EQ(joined, write_native_json(*fosdem.agenda));
  EXPECT_GT(pieces.size(), 10u);
  EXPECT_LT(largest, joined.size() / 10);
}

TEST(AgendaNativeWriter, APieceRefusedStopsTheWriting) {
  const LoadResult fosdem = load_agenda_file(testing::shared_schedule("fosdem-2025-schedule.xml"));
  ASSERT_TRUE(fosdem.ok()) << testing::messages(fosdem);
  int offered = 0;
  EXPECT_FALSE(write_native_json(*fosdem.agenda, [&](std::string_view) {
    ++offered;
    return offered < 2;
  }));
  EXPECT_EQ(offered, 2);
}

}  // namespace
}  // namespace ijlas::agenda
