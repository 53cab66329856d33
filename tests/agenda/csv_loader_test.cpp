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
  EXPECT_EQ(table.records[1].fields[1].line, 2);
  EXPECT_EQ(table.records[1].fields[1].column, 8);
}

TEST(AgendaCsvReader, NamesTheUnclosedQuote) {
  const CsvTable table = read_csv("a,b\n1,\"never closed\n");
  ASSERT_TRUE(table.error);
  EXPECT_EQ(table.error->line, 2);
  EXPECT_EQ(table.error->column, 3);
}

TEST(AgendaCsvReader, TakesSemicolonsFromTheHeader) {
  const CsvTable table = read_csv("date;start;title\n2025-11-26;09:30;\"a;b\"\n");
  ASSERT_FALSE(table.error);
  ASSERT_EQ(table.records[1].fields.size(), 3u);
  EXPECT_EQ(table.records[1].fields[2].text, "a;b");
}

constexpr std::string_view kProgramme =
    "\xEF\xBB\xBF"
    "Date,Start,End,Room,Title (UR),Title (EN),Speakers,Track,Status\r\n"
    "2025-11-26,09:30,10:30,Main Hall,افتتاحی اجلاس,Opening session,\"Gross, Philip; Munir\","
    "Plenary,\r\n"
    "2025-11-26,23:00,01:00,Main Hall,شام,\"Evening, late\",,,delayed 15\r\n"
    "2025-11-27,10:00,11:00,Room 2,,\"Multi\nline\",,,cancelled\r\n";

TEST(AgendaCsvLoader, ImportsASpreadsheetProgramme) {
  const LoadResult result = load_text(kProgramme, "programme.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.format, AgendaFormat::kCsv);
  const Agenda& agenda = *result.agenda;
  EXPECT_EQ(agenda.conference().time_zone, "Asia/Karachi");
  EXPECT_EQ(agenda.sessions().size(), 3u);
  EXPECT_EQ(agenda.rooms().size(), 2u);
  EXPECT_EQ(agenda.days().size(), 2u);
  const Session& opening = agenda.sessions()[0];
  EXPECT_EQ(opening.id, "row-2");
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
      "date,start,end,room,title\n2025-11-26,10:30,10:00,Hall,Opening\n2025-11-26,9.30,10:00,Hall,"
      "X\n",
      "programme.csv");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(messages(result), "programme.csv:3:12: error: start " + quoted("9.30") +
                                  " of session " + quoted("row-3") +
                                  " is not a time: write it as \"HH:MM\"\n"
                                  "programme.csv:2:18: error: session " +
                                  quoted("row-2") +
                                  " ends (10:00) before it starts (10:30): correct the end\n");
}

TEST(AgendaCsvLoader, AHeaderWithoutRequiredColumnsSaysWhichAreMissing) {
  const LoadResult result = load_text("date,start,title\n2025-11-26,10:00,x\n", "p.csv");
  EXPECT_FALSE(result.ok());
  EXPECT_NE(messages(result).find("p.csv:1:1: error: the header row has no end or duration column"),
            std::string::npos);
  EXPECT_NE(messages(result).find("no room column"), std::string::npos);
}

}  // namespace
}  // namespace ijlas::agenda
