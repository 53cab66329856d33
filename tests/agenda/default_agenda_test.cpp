// The bundled agenda of the Islamabad conference: clean, bilingual, and marked as a sample.
#include <gtest/gtest.h>

#include <set>

#include "agenda_test_support.hpp"
#include "core/read_file.hpp"
#include "shared_files.hpp"

namespace ijlas::agenda {
namespace {

TEST(AgendaDefault, LoadsWithNoErrorsAndNoWarnings) {
  const LoadResult result = load_agenda_file(testing::default_agenda_path());
  ASSERT_TRUE(result.ok()) << testing::messages(result);
  EXPECT_EQ(result.format, AgendaFormat::kNative);
  EXPECT_EQ(result.diagnostics.items().size(), 0u) << testing::messages(result);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.conference().time_zone, "Asia/Karachi");
  EXPECT_TRUE(agenda.conference().is_sample);
  EXPECT_TRUE(agenda.conference().note.bilingual());
  EXPECT_EQ(agenda.conference().start_date, (Date{2025, 11, 26}));
  EXPECT_EQ(agenda.conference().end_date, (Date{2025, 11, 27}));
  EXPECT_EQ(agenda.days().size(), 2u);
  EXPECT_GE(agenda.rooms().size(), 2u);
  EXPECT_LE(agenda.rooms().size(), 3u);
  EXPECT_EQ(agenda.speakers().size(), 6u);
}

TEST(AgendaDefault, NamesTheSixPeopleOfThePressReleaseWithTheirRoles) {
  const LoadResult result = load_agenda_file(testing::default_agenda_path());
  ASSERT_TRUE(result.ok());
  const std::string release = read_file(shared_file("conference/press-release-ur.txt")).bytes;
  ASSERT_FALSE(release.empty());
  for (const Speaker& speaker : result.agenda->speakers()) {
    EXPECT_NE(release.find(speaker.name.ur), std::string::npos) << speaker.id;
    EXPECT_TRUE(speaker.name.bilingual()) << speaker.id;
    EXPECT_TRUE(speaker.role.bilingual()) << speaker.id;
    EXPECT_TRUE(speaker.organization.bilingual()) << speaker.id;
  }
  EXPECT_EQ(result.agenda->find_speaker("talal-chaudhry")->role.en,
            "Minister of State for Interior and Narcotics Control");
}

TEST(AgendaDefault, OpensAndClosesAsTheReleaseSays) {
  const LoadResult result = load_agenda_file(testing::default_agenda_path());
  ASSERT_TRUE(result.ok());
  const Agenda& agenda = *result.agenda;
  const Session* opening = agenda.find_session("opening");
  const Session* closing = agenda.find_session("closing");
  ASSERT_TRUE(opening && closing);
  EXPECT_EQ(opening->speakers.front(), "philip-oliver-gross");               // opening remarks
  EXPECT_EQ(closing->speakers, std::vector<std::string>{"talal-chaudhry"});  // closing address
  EXPECT_EQ(time::format_date_time(opening->start), "2025-11-26T09:30:00+05:00");
  EXPECT_EQ(agenda.sessions().back().id, "closing");
  std::set<std::string> used;
  for (const Session& session : agenda.sessions()) {
    EXPECT_TRUE(session.title.bilingual()) << session.id;
    used.insert(session.speakers.begin(), session.speakers.end());
  }
  EXPECT_EQ(used.size(), 6u);  // every speaker has a session
}

}  // namespace
}  // namespace ijlas::agenda
