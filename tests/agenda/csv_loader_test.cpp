// CSV from a spreadsheet: header names, BOM, quoted fields, CRLF, Urdu, and precise errors.
#include <gtest/gtest.h>

#include "agenda/csv_reader.hpp"
#include "agenda_test_support.hpp"

namespace ijlas::agenda {
namespace {

using testing::load_text;
using testing::messages;

TEST(AgendaCsvReader, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  const CsvTable table = read_csv(
      "\xEF\xBB\xBF"
      "a,b\r\n\"x, y\",\"say \"\"hi\"\"\r\nagain\"\r\n");
  ASSERT_FALSE(table.error);
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.records[1].fields[0].text, "x, y");
  EXPECT_EQ(table.records[1].fields[1].text, "say \"hi\"\nagain");
  EXPECT_EQ(table.records[1].fields[1].position, (TextPosition{2, 8}));
}

TEST(AgendaCsvReader, NamesTheUnclosedQuote) {
  const CsvTable table = read_csv("a,b\n1,\"never closed\n");
  ASSERT_TRUE(table.error);
  EXPECT_EQ(table.error->position, (TextPosition{2, 3}));
}

TEST(AgendaCsvReader, TakesSemicolonsFromTheHeader) {
  const CsvTable table = read_csv("date;start;title\n2025-11-26;09:30;\"a;b\"\n");
  ASSERT_FALSE(table.error);
  ASSERT_EQ(table.records[1].fields.size(), 3u);
  EXPECT_EQ(table.records[1].fields[2].text, "a;b");
}

TEST(AgendaCsvReader, StopsAfterAMillionCells) {
  std::string csv = "date,start,end,room,title\n";
  for (int line = 0; line < 4000; ++line)
    csv += std::string(255, ',') + "\n";  // 256 empty cells a line
  const CsvTable table = read_csv(csv);
  ASSERT_TRUE(table.error);
  EXPECT_EQ(table.error->message, "more than a million cells: that is not a programme");
  EXPECT_EQ(table.error->position.line, 3908);  // 5 + 3,906 × 256 cells fill lines 1 to 3,907
}

constexpr std::string_view kProgramme =
    "\xEF\xBB\xBF"
    "Date,Start,End,Room,Title (UR),Title (EN),Speakers,Track,Status\r\n"
    "2025-11-26,09:30,10:30,Main Hall,افتتاحی اجلاس,Opening session,\"Gross, Philip; Munir\","
    "Plenary,\r\n"
    "2025-11-26,23:00,01:00,Main Hall,شام,\"Evening, late\",,,delayed 15\r\n"
    "2025-11-27,10:00,11:00,Room 2,,\"Multi\nline\",,,cancelled\r\n";

TEST(AgendaCsvLoader, ImportsASpreadsheetProgramme) {
  const LoadResult result = load_text(kProgramme, "programme.csv", {"Asia/Karachi"});
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.format, AgendaFormat::kCsv);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.conference().time_zone, "Asia/Karachi");
  EXPECT_EQ(agenda.sessions().size(), 3u);
  EXPECT_EQ(agenda.rooms().size(), 2u);
  EXPECT_EQ(agenda.days().size(), 2u);
  const Session& opening = agenda.sessions()[0];
  EXPECT_TRUE(opening.id.starts_with("2025-11-26-0930-")) << opening.id;
  EXPECT_EQ(opening.title.ur, "افتتاحی اجلاس");
  EXPECT_EQ(opening.title.en, "Opening session");
  EXPECT_EQ(opening.start.utc_seconds, 1764131400);
  EXPECT_EQ(opening.speakers, (std::vector<std::string>{"gross-philip", "munir"}));
  EXPECT_EQ(agenda.find_speaker("gross-philip")->name.en, "Gross, Philip");
  EXPECT_EQ(opening.track, "Plenary");
  // 23:00–01:00 runs past midnight.
  const Session& evening = agenda.sessions()[1];
  EXPECT_EQ(evening.title.en, "Evening, late");
  EXPECT_EQ(evening.duration_seconds(), 2 * 3600);
  EXPECT_EQ(evening.status.state, SessionState::kDelayed);
  EXPECT_EQ(evening.status.delay_minutes, 15);
  EXPECT_EQ(agenda.sessions()[2].title.en, "Multi\nline");
  EXPECT_EQ(agenda.sessions()[2].status.state, SessionState::kCancelled);
}

TEST(AgendaCsvLoader, ATimeZoneColumnSetsTheZone) {
  const LoadResult result = load_text(
      "date,start,end,room,title,time_zone\n2025-02-01,09:30,10:00,Janson,Welcome,Europe/"
      "Brussels\n",
      "x.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->conference().time_zone, "Europe/Brussels");
  EXPECT_EQ(result.agenda->sessions()[0].start.utc_seconds, 1738398600);
}

TEST(AgendaCsvLoader, ErrorsPointAtTheCell) {
  const LoadResult result = load_text(
      "id,date,start,end,room,title\na,2025-11-26,10:30,10:00,Hall,Opening\nb,2025-11-26,nine,"
      "10:00,Hall,X\n",
      "programme.csv");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result),
            "programme.csv:1:1: warning: the file has no time_zone column: its times are read in " +
                quoted("UTC") +
                "; set time_zone in ijlas.toml to the venue's zone, or add a time_zone column\n"
                "programme.csv:3:14: error: start " +
                quoted("nine") + " of session " + quoted("b") +
                " is not a time: write it "
                "as \"HH:MM\" or \"2:00 PM\"\n"
                "programme.csv:2:20: error: session " +
                quoted("a") +
                " ends (10:00) before it starts (10:30): "
                "correct the end\n");
}

TEST(AgendaCsvLoader, AHeaderWithoutARoomColumnSaysSo) {
  const LoadResult result = load_text("date,start,end,title\n2025-11-26,10:00,11:00,x\n", "p.csv");
  EXPECT_FALSE(result.ok());
  EXPECT_NE(messages(result).find("p.csv:1:1: error: the header row has no room column"),
            std::string::npos)
      << messages(result);
}

}  // namespace
}  // namespace ijlas::agenda
