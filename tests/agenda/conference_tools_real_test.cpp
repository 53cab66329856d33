// The three real exports of the conference tools in ../shared/schedules import exactly. Every
// expected figure was read from the file by python3 (json + datetime.fromisoformat, Sessionize's
// floating times in Asia/Karachi), not from ijlas.
#include <gtest/gtest.h>

#include <algorithm>

#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

using testing::messages;
using testing::shared_schedule;

// The venue of these sheets is in Pakistan: times without a zone are read there.
const LoadOptions kVenueInKarachi{"Asia/Karachi"};

LoadResult load(std::string_view name) {
  LoadResult result = load_agenda_file(shared_schedule(name), kVenueInKarachi);
  EXPECT_TRUE(result.ok()) << messages(result);
  return result;
}

std::int64_t last_end(const Agenda& agenda) {
  std::int64_t last = 0;
  for (const Session& session : agenda.sessions())
    last = std::max(last, session.end.utc_seconds);
  return last;
}

std::vector<std::string> room_names(const Agenda& agenda) {
  std::vector<std::string> names;
  for (const Room& room : agenda.rooms())
    names.push_back(room.name.preferred());
  return names;
}

TEST(AgendaConferenceTools, GlobalAzureBootcamp2022Sessionize) {
  const LoadResult result = load("gab2022-sessionize-all.json");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.format, AgendaFormat::kSessionize);
  EXPECT_EQ(result.diagnostics.error_count(), 0);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.sessions().size(), 13u);
  EXPECT_EQ(agenda.speakers().size(), 12u);
  EXPECT_EQ(room_names(agenda), (std::vector<std::string>{"Saal 9", "Saal 12", "Saal 13"}));
  EXPECT_EQ(agenda.days().size(), 1u);
  const Session& first = agenda.sessions().front();
  EXPECT_EQ(first.id, "11");
  EXPECT_EQ(first.title.en, "Welcome");
  EXPECT_EQ(first.start.utc_seconds, 1746849600);  // 2025-05-10T09:00:00 at +05:00
  EXPECT_EQ(agenda.sessions().back().start.utc_seconds, 1746869100);  // 14:25
  EXPECT_EQ(last_end(agenda), 1746871800);
  EXPECT_EQ(agenda.find_session("9")->title.en, "Let’s build an AI agent");
}

TEST(AgendaConferenceTools, XdcIndico2021) {
  const LoadResult result = load("xdc2021-indico-export.json");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.format, AgendaFormat::kIndico);
  EXPECT_EQ(result.diagnostics.error_count(), 0);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.conference().title.en, "X.Org Developer Conference 2021");
  EXPECT_EQ(agenda.conference().time_zone, "Europe/Warsaw");
  EXPECT_EQ(agenda.sessions().size(), 37u);
  EXPECT_EQ(agenda.speakers().size(), 33u);  // distinct person ids of speakers, else authors
  EXPECT_EQ(room_names(agenda), (std::vector<std::string>{"Whole venue"}));  // no room given
  EXPECT_EQ(agenda.days().size(), 3u);
  EXPECT_EQ(agenda.tracks().size(), 3u);  // the timetable's blocks
  const Session& first = agenda.sessions().front();
  EXPECT_EQ(first.id, "33");
  EXPECT_EQ(first.title.en, "Opening Session");
  EXPECT_EQ(first.start.utc_seconds, 1631703600);
  EXPECT_EQ(time::format_date_time(first.start), "2021-09-15T13:00:00+02:00");
  const Session& last = agenda.sessions().back();
  EXPECT_EQ(last.id, "40");
  EXPECT_EQ(last.title.en, "Closing session");
  EXPECT_EQ(last.start.utc_seconds, 1631899500);
  EXPECT_EQ(last_end(agenda), 1631900100);
}

TEST(AgendaConferenceTools, Sitcon2022Opass) {
  const LoadResult result = load("sitcon2022-opass-session.json");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.format, AgendaFormat::kOpass);
  EXPECT_EQ(result.diagnostics.error_count(), 0);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.sessions().size(), 50u);
  EXPECT_EQ(agenda.speakers().size(), 48u);  // three entries share the id "#NAME?"
  EXPECT_EQ(room_names(agenda), (std::vector<std::string>{"R0", "R1", "R2", "R3", "S"}));
  EXPECT_EQ(agenda.days().size(), 1u);
  const Session& first = agenda.sessions().front();
  EXPECT_EQ(first.id, "c4d370");
  EXPECT_EQ(first.title.en, "入場時間");
  EXPECT_EQ(first.start.utc_seconds, 1662251400);
  EXPECT_EQ(time::format_date_time(first.start), "2022-09-04T08:30:00+08:00");
  const Session& last = agenda.sessions().back();
  EXPECT_EQ(last.id, "f78a07");
  EXPECT_EQ(last.title.en, "閉幕");
  EXPECT_EQ(last.start.utc_seconds, 1662284100);
  EXPECT_EQ(last_end(agenda), 1662284700);
  EXPECT_EQ(agenda.find_session("d2e248")->title.en, "高效能遊戲圖形，從零開始的 Renderer");
}

}  // namespace
}  // namespace ijlas::agenda
