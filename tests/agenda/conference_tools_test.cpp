// The exports of the tools organizers use (Sessionize, Indico, OPass), on small files written
// in their style, and how a JSON file that is none of the formats is answered. Epoch seconds
// were computed with python3's datetime.fromisoformat(…).timestamp().
#include <gtest/gtest.h>

#include "agenda/indico_loader.hpp"
#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

using testing::agenda_test_data;
using testing::messages;

// The venue of these sheets is in Pakistan: times without a zone are read there.
const LoadOptions kVenueInKarachi{"Asia/Karachi"};

LoadResult load_data(std::string_view name) {
  return load_agenda_file(agenda_test_data(name), kVenueInKarachi);
}

TEST(AgendaSessionize, SessionsSpeakersRoomsAndCategoriesAreLinkedById) {
  const LoadResult result = load_data("sessionize-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.format, AgendaFormat::kSessionize);
  const Agenda& agenda = *result.agenda;
  ASSERT_EQ(agenda.sessions().size(), 2u);
  const Session* keynote = agenda.find_session("101");
  ASSERT_NE(keynote, nullptr);
  EXPECT_EQ(keynote->title.en, "Opening keynote");
  EXPECT_EQ(keynote->room, "11");
  EXPECT_EQ(agenda.find_room("11")->name.en, "Hall A");
  // The "Track" category wins over the "Level" one listed first.
  EXPECT_EQ(keynote->track, "6002");
  EXPECT_EQ(agenda.find_track("6002")->name.en, "Infrastructure");
  ASSERT_EQ(keynote->speakers.size(), 1u);
  const Speaker* speaker = agenda.find_speaker(keynote->speakers[0]);
  ASSERT_NE(speaker, nullptr);
  EXPECT_EQ(speaker->name.en, "Ayesha Siddiqa");
  EXPECT_EQ(speaker->role.en, "Lead Architect, Example Org");
  EXPECT_EQ(agenda.find_session("sz-lunch")->type, "break");
}

TEST(AgendaSessionize, FloatingTimesAreReadInTheVenueZoneWhichAWarningNames) {
  const LoadResult result = load_data("sessionize-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Session* keynote = result.agenda->find_session("101");
  ASSERT_NE(keynote, nullptr);
  EXPECT_EQ(keynote->start.utc_seconds, 1764131400);  // 09:30 at +05:00
  EXPECT_EQ(keynote->duration_seconds(), 45 * 60);
  EXPECT_EQ(result.agenda->conference().time_zone, "Asia/Karachi");
  EXPECT_NE(messages(result).find("no time zone: they are read in " + quoted("Asia/Karachi")),
            std::string::npos)
      << messages(result);
}

TEST(AgendaSessionize, AnUnscheduledSessionIsLeftOutWithAWarningNamingIt) {
  const LoadResult result = load_data("sessionize-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->find_session("103"), nullptr);
  EXPECT_NE(messages(result).find("sessionize-small.json:31:5: warning: session " + quoted("103") +
                                  " has no "
                                  "time yet"),
            std::string::npos)
      << messages(result);
}

TEST(AgendaIndico, EachTimeIsReadInItsOwnZoneAndShownInTheEventZone) {
  const LoadResult result = load_data("indico-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.format, AgendaFormat::kIndico);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.conference().title.en, "Graphics Summit 2025");
  EXPECT_EQ(agenda.conference().time_zone, "Asia/Karachi");
  const Session* talk = agenda.find_session("21");
  ASSERT_NE(talk, nullptr);
  EXPECT_EQ(talk->start.utc_seconds, 1764133200);  // 05:00 UTC
  EXPECT_EQ(time::format_date_time(talk->start), "2025-11-26T10:00:00+05:00");
  const Session* closing = agenda.find_session("22");
  ASSERT_NE(closing, nullptr);
  EXPECT_EQ(closing->start.utc_seconds, 1764158400);  // 17:00 in Asia/Karachi
  EXPECT_EQ(closing->duration_seconds(), 30 * 60);
  // Exact instants agree with the event's zone: no offset warning.
  EXPECT_EQ(messages(result).find("says +00:00"), std::string::npos) << messages(result);
}

TEST(AgendaIndico, HtmlIsDecodedAndTheBlockIsTheTrack) {
  const LoadResult result = load_data("indico-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Session* talk = result.agenda->find_session("21");
  ASSERT_NE(talk, nullptr);
  EXPECT_EQ(talk->title.en, "Shaders &amp; drivers");  // titles are plain text in Indico
  EXPECT_EQ(talk->abstract.en, "Drivers & shaders\u00A0\u2014 a tour.\n\nSecond\u2026");
  EXPECT_EQ(talk->room, "Hall B");
  EXPECT_EQ(talk->track, "Main Track");
}

TEST(AgendaIndico, SpeakersOrElseAuthorsPresent) {
  const LoadResult result = load_data("indico-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  const Session* talk = agenda.find_session("21");
  ASSERT_EQ(talk->speakers.size(), 1u);
  EXPECT_EQ(agenda.find_speaker(talk->speakers[0])->name.en, "Imran Qureshi");
  EXPECT_EQ(agenda.find_speaker(talk->speakers[0])->organization.en, "Example University");
  const Session* closing = agenda.find_session("22");
  ASSERT_EQ(closing->speakers.size(), 1u);
  EXPECT_EQ(agenda.find_speaker(closing->speakers[0])->name.en, "Sara Khan");
}

TEST(AgendaIndico, AContributionWithoutRoomGoesToTheVenueRowWithOneWarning) {
  const LoadResult result = load_data("indico-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Session* closing = result.agenda->find_session("22");
  ASSERT_NE(closing, nullptr);
  EXPECT_EQ(closing->room, kIndicoVenueRoomId);
  EXPECT_EQ(result.agenda->find_room(kIndicoVenueRoomId)->name.en, "Whole venue");
  EXPECT_NE(messages(result).find("1 contribution has no room"), std::string::npos)
      << messages(result);
}

TEST(AgendaOpass, ChineseTextComesThroughByteForByte) {
  const LoadResult result = load_data("opass-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.format, AgendaFormat::kOpass);
  const Agenda& agenda = *result.agenda;
  const Session* keynote = agenda.find_session("a1b2c3");
  ASSERT_NE(keynote, nullptr);
  EXPECT_EQ(keynote->title.en, "返校十年：資訊教育經驗談");
  EXPECT_EQ(keynote->abstract.en, "第一段。\n\n第二段。");  // only CR LF became LF
  EXPECT_EQ(keynote->language, "漢語");
  EXPECT_EQ(agenda.find_room("R0")->name.en, "國際會議廳");
  EXPECT_EQ(agenda.find_speaker("sp01")->name.en, "怡升");
  EXPECT_EQ(agenda.find_track("tech")->name.en, "技術分享");
}

TEST(AgendaOpass, EnglishStandsInWhereChineseIsEmpty) {
  const LoadResult result = load_data("opass-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->find_session("d4e5f6")->title.en, "break");
  EXPECT_EQ(result.agenda->find_speaker("sp02")->name.en, "Lin Mei");
}

TEST(AgendaOpass, TimesKeepTheirOffsetAndTypesTheirEnglishName) {
  const LoadResult result = load_data("opass-small.json");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Session* keynote = result.agenda->find_session("a1b2c3");
  EXPECT_EQ(keynote->start.utc_seconds, 1764119400);
  EXPECT_EQ(time::format_date_time(keynote->start), "2025-11-26T09:10:00+08:00");
  EXPECT_EQ(keynote->duration_seconds(), 50 * 60);
  EXPECT_EQ(keynote->type, "Keynote");
  EXPECT_EQ(keynote->track, "tech");
  EXPECT_EQ(keynote->speakers, (std::vector<std::string>{"sp01", "sp02"}));
}

TEST(AgendaFormatDetection, AJsonFileOfNoKnownFormatListsTheFormatsIjlasReads) {
  const LoadResult result =
      testing::load_text(R"({"events": [{"name": "Opening", "when": "09:30"}]})", "export.json");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.format, std::nullopt);
  const std::string text = messages(result);
  EXPECT_EQ(text.rfind("export.json:1:1: error: this JSON file is none of the agenda formats", 0),
            0u)
      << text;
  for (const char* format :
       {"native JSON", "schedule.json", "iCalendar", "CSV", "Sessionize", "Indico", "OPass"}) {
    EXPECT_NE(text.find(format), std::string::npos) << format << " in " << text;
  }
  EXPECT_EQ(text.find("conference"), std::string::npos) << text;
}

TEST(AgendaFormatDetection, EachToolIsKnownByItsTopLevelMembers) {
  EXPECT_EQ(detect_format(R"({"sessions": [], "speakers": [], "categories": [], "rooms": []})"),
            AgendaFormat::kSessionize);
  EXPECT_EQ(detect_format(R"({"sessions": [], "session_types": [], "rooms": []})"),
            AgendaFormat::kOpass);
  EXPECT_EQ(detect_format(R"({"_type": "HTTPAPIResult", "results": []})"), AgendaFormat::kIndico);
  EXPECT_EQ(detect_format(R"({"ijlas_agenda": 1})"), AgendaFormat::kNative);
  EXPECT_EQ(detect_format(R"({"schedule": {}})"), AgendaFormat::kFrabJson);
  EXPECT_EQ(detect_format(R"({"sessions": []})"), std::nullopt);
  EXPECT_EQ(format_name(AgendaFormat::kSessionize), "sessionize");
  EXPECT_EQ(format_name(AgendaFormat::kIndico), "indico");
  EXPECT_EQ(format_name(AgendaFormat::kOpass), "opass");
}

}  // namespace
}  // namespace ijlas::agenda
