// Programme sheets as organizers write them, one small CSV per rule (tests/agenda/data): header
// aliases, 12-hour times, durations, day/month order, both languages, ids, UTF-16, lost Urdu.
#include <gtest/gtest.h>

#include <algorithm>

#include "agenda/spreadsheet_columns.hpp"
#include "agenda/spreadsheet_table.hpp"
#include "agenda/spreadsheet_values.hpp"
#include "agenda_test_support.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

using testing::messages;
using testing::utc;

// The venue of these sheets is in Pakistan: times without a zone are read there.
const LoadOptions kVenueInKarachi{"Asia/Karachi"};

std::string data_file(const std::string& name) {
  return read_file(std::string(IJLAS_TEST_DATA_DIR) + "/agenda/data/" + name).bytes;
}

LoadResult load_data(const std::string& name) {
  return load_agenda_bytes(name, data_file(name), kVenueInKarachi);
}

const Session* titled(const Agenda& agenda, std::string_view title) {
  for (const Session& session : agenda.sessions()) {
    if (session.title.en == title || session.title.ur == title) return &session;
  }
  return nullptr;
}

bool mentions(const LoadResult& result, std::string_view text) {
  return messages(result).find(text) != std::string::npos;
}

TEST(ProgrammeColumns, HeadersAreMatchedCaseFoldedWithAliasesAndLanguageTags) {
  EXPECT_EQ(programme_column("Start Time")->key, "start");
  EXPECT_EQ(programme_column("TIME_START")->key, "start");
  EXPECT_EQ(programme_column("Uhrzeit")->key, "start");
  EXPECT_EQ(programme_column("Beginn")->key, "start");
  EXPECT_EQ(programme_column("Ort")->key, "room");
  EXPECT_EQ(programme_column("Speaker(s)")->key, "speakers");
  EXPECT_EQ(programme_column("Referent 2")->key, "speakers");
  EXPECT_EQ(programme_column("LÄNGE")->key, "duration");
  EXPECT_EQ(*programme_column("Title (UR)"), (ProgrammeColumn{"title", TextLanguage::kUrdu}));
  EXPECT_EQ(*programme_column("english title"), (ProgrammeColumn{"title", TextLanguage::kEnglish}));
  EXPECT_EQ(*programme_column("room_en"), (ProgrammeColumn{"room", TextLanguage::kEnglish}));
  EXPECT_FALSE(programme_column("Date (UR)"));  // a date has no language
  EXPECT_FALSE(programme_column("Aufzeichnung?"));
}

TEST(ProgrammeValues, TwelveHourTimesAreRead) {
  EXPECT_EQ(read_time_of_day("2:00 p.m."), 14 * 3600);
  EXPECT_EQ(read_time_of_day("2pm"), 14 * 3600);
  EXPECT_EQ(read_time_of_day("2:00 PM"), 14 * 3600);
  EXPECT_EQ(read_time_of_day("12:15 a.m."), 15 * 60);
  EXPECT_EQ(read_time_of_day("12 noon"), std::nullopt);
  EXPECT_EQ(read_time_of_day("13:00 PM"), std::nullopt);
  EXPECT_EQ(read_time_of_day("14.30 Uhr"), 14 * 3600 + 30 * 60);
  EXPECT_EQ(read_time_of_day("14"), std::nullopt);  // a number, not a time
}

TEST(ProgrammeValues, DurationsAreMinutesOrHoursAndMinutes) {
  EXPECT_EQ(read_duration("45"), 45 * 60);
  EXPECT_EQ(read_duration("1:30"), 90 * 60);
  EXPECT_EQ(read_duration("90 Min."), 90 * 60);
  EXPECT_EQ(read_duration("1 h 30"), 90 * 60);
  EXPECT_EQ(read_duration("1,5 Std"), 90 * 60);
  EXPECT_EQ(read_duration("soon"), std::nullopt);
}

TEST(ProgrammeValues, ADateIsAmbiguousOnlyWhenDayAndMonthCanSwap) {
  EXPECT_EQ(read_written_date("27.10.2016")->fixed, (Date{2016, 10, 27}));
  EXPECT_EQ(read_written_date("Thu, 27 Oct 2016")->fixed, (Date{2016, 10, 27}));
  EXPECT_EQ(read_written_date("October 27, 2016")->fixed, (Date{2016, 10, 27}));
  EXPECT_EQ(read_written_date("27. März 2016")->fixed, (Date{2016, 3, 27}));
  const WrittenDate swappable = *read_written_date("05/06/2025");
  EXPECT_EQ(swappable.as(DateOrder::kDayFirst), (Date{2025, 6, 5}));
  EXPECT_EQ(swappable.as(DateOrder::kMonthFirst), (Date{2025, 5, 6}));
  EXPECT_FALSE(read_written_date("13/06/2025")->can_be(DateOrder::kMonthFirst));
  EXPECT_EQ(read_date_order("TT.MM.JJJJ"), DateOrder::kDayFirst);
  EXPECT_EQ(read_date_order("MM/DD/YYYY"), DateOrder::kMonthFirst);
  EXPECT_EQ(read_date_order("YYYY-MM-DD"), std::nullopt);
}

TEST(ProgrammeValues, WorkbookDayNumbersKeepExcelsLeapYearBug) {
  EXPECT_EQ(date_of_serial(1, false), (Date{1900, 1, 1}));
  EXPECT_EQ(date_of_serial(59, false), (Date{1900, 2, 28}));
  EXPECT_EQ(date_of_serial(60, false), std::nullopt);  // 1900-02-29 never was
  EXPECT_EQ(date_of_serial(61, false), (Date{1900, 3, 1}));
  EXPECT_EQ(date_of_serial(42670, false), (Date{2016, 10, 27}));
  EXPECT_EQ(date_of_serial(41208, true), (Date{2016, 10, 27}));
  EXPECT_EQ(cell_name(7, 3), "C7");
  EXPECT_EQ(cell_name(1, 27), "AA1");
}

TEST(ProgrammeSheet, GermanHeadersAreUnderstood) {
  const LoadResult result = load_data("german-headers.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  ASSERT_EQ(agenda.sessions().size(), 2u);
  const Session& opening = *titled(agenda, "Eröffnung");
  EXPECT_EQ(opening.room, "Großer Saal");
  EXPECT_EQ(opening.start.utc_seconds, utc("2025-11-26T09:30:00+05:00"));
  EXPECT_EQ(opening.duration_seconds(), 45 * 60);
  EXPECT_EQ(opening.abstract.en, "Begrüßung");
  EXPECT_EQ(titled(agenda, "Werkstatt")->speakers.size(), 2u);
  EXPECT_EQ(titled(agenda, "Werkstatt")->duration_seconds(), 90 * 60);
}

TEST(ProgrammeSheet, TwelveHourTimesInCells) {
  const LoadResult result = load_data("twelve-hour-times.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Session& lunch = *titled(*result.agenda, "After lunch");
  EXPECT_EQ(lunch.start.utc_seconds, utc("2025-11-26T14:00:00+05:00"));
  EXPECT_EQ(lunch.end.utc_seconds, utc("2025-11-26T15:00:00+05:00"));
  EXPECT_EQ(titled(*result.agenda, "Noon")->start.utc_seconds, utc("2025-11-26T12:30:00+05:00"));
  EXPECT_EQ(titled(*result.agenda, "Breakfast talk")->duration_seconds(), 45 * 60);
}

TEST(ProgrammeSheet, DurationsInMinutesOrHoursAndMinutes) {
  const LoadResult result = load_data("durations.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(titled(*result.agenda, "Minutes")->duration_seconds(), 45 * 60);
  EXPECT_EQ(titled(*result.agenda, "Hours and minutes")->duration_seconds(), 90 * 60);
  EXPECT_EQ(titled(*result.agenda, "Minutes with a unit")->duration_seconds(), 90 * 60);
}

TEST(ProgrammeSheet, ADateThatCanOnlyBeDayFirstDecidesTheOrderOfTheFile) {
  const LoadResult result = load_data("day-first-from-data.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(titled(*result.agenda, "Ambiguous alone")->start.utc_seconds,
            utc("2025-06-05T09:00:00+05:00"));
}

TEST(ProgrammeSheet, AnAmbiguousFileIsAnErrorNamingItsRowsAndTheFix) {
  const LoadResult result = load_data("ambiguous-dates.csv");
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(mentions(result, "ambiguous-dates.csv:2:1: error: dates such as " +
                                   quoted("05/06/2025") +
                                   " "
                                   "(lines 2, 3, 4) can be read day first or month first"))
      << messages(result);
  EXPECT_TRUE(mentions(result, "\"date_format: DD/MM/YYYY\"")) << messages(result);
}

TEST(ProgrammeSheet, ADateFormatNoteAboveTheHeaderSetsTheOrder) {
  const LoadResult result = load_data("date-format-note.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(titled(*result.agenda, "May the sixth")->start.utc_seconds,
            utc("2025-05-06T09:00:00+05:00"));
  EXPECT_EQ(titled(*result.agenda, "July the eighth")->start.utc_seconds,
            utc("2025-07-08T09:00:00+05:00"));
}

TEST(ProgrammeSheet, DatesInTwoOrdersAreAnError) {
  const LoadResult result = load_data("mixed-date-orders.csv");
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(mentions(result, "mixed-date-orders.csv:3:1: error: the dates mix two orders"))
      << messages(result);
}

TEST(ProgrammeSheet, UrduAndEnglishColumnsFillBothLanguages) {
  const LoadResult result = load_data("urdu-english-columns.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  const Session& opening = *titled(agenda, "Opening session");
  EXPECT_EQ(opening.title.ur, "افتتاحی اجلاس");
  EXPECT_EQ(opening.abstract, (LocalizedText{"خوش آمدید", "Welcome"}));
  EXPECT_EQ(agenda.find_room(opening.room)->name, (LocalizedText{"مرکزی ہال", "Main Hall"}));
  ASSERT_EQ(opening.speakers.size(), 2u);
  EXPECT_EQ(agenda.find_speaker(opening.speakers[1])->name,
            (LocalizedText{"سارہ خان", "Sara Khan"}));
  // The tea break has no Urdu title although the sheet has a column for it.
  EXPECT_TRUE(mentions(result,
                       "urdu-english-columns.csv:3:1: warning: the title has no Urdu "
                       "text in line 3: fill in the title_ur column"))
      << messages(result);
}

TEST(ProgrammeSheet, OneLanguageColumnsNeverWarnAboutTranslations) {
  const LoadResult result = load_data("one-language-columns.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(titled(*result.agenda, "چائے کا وقفہ")->title.ur, "چائے کا وقفہ");
  EXPECT_FALSE(mentions(result, "text")) << messages(result);
}

TEST(ProgrammeSheet, IdsWithoutAnIdColumnComeFromTheContentNotTheRow) {
  const std::string sheet = data_file("no-id-column.csv");
  const LoadResult first = load_agenda_bytes("no-id-column.csv", sheet, kVenueInKarachi);
  ASSERT_TRUE(first.ok()) << messages(first);
  // The same rows, sorted the other way and with a new row on top.
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < sheet.size();) {
    const std::size_t end = sheet.find('\n', at);
    lines.push_back(sheet.substr(at, end - at + 1));
    at = end + 1;
  }
  std::reverse(lines.begin() + 1, lines.end());
  lines.insert(lines.begin() + 1, "2025-11-25,08:00,09:00,Main Hall,Rehearsal\n");
  std::string resorted;
  for (const std::string& line : lines)
    resorted += line;
  const LoadResult second = load_agenda_bytes("no-id-column.csv", resorted, kVenueInKarachi);
  ASSERT_TRUE(second.ok()) << messages(second);
  for (const Session& session : first.agenda->sessions()) {
    const Session* same = second.agenda->find_session(session.id);
    ASSERT_NE(same, nullptr) << session.id;
    EXPECT_EQ(same->title, session.title);
  }
  EXPECT_TRUE(titled(*first.agenda, "Workshop")->id.starts_with("2025-11-27-0900-"));
}

TEST(ProgrammeSheet, TwoRowsThatDeriveOneIdAreBothKeptWithAWarning) {
  const LoadResult result = load_data("same-row-twice.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  ASSERT_EQ(result.agenda->sessions().size(), 2u);
  EXPECT_NE(result.agenda->sessions()[0].id, result.agenda->sessions()[1].id);
  EXPECT_TRUE(mentions(result, "is used by 2 events (lines 2 and 3): all are kept"))
      << messages(result);
}

TEST(ProgrammeSheet, AnIdColumnIsReadAndASharedIdKeepsEveryRow) {
  const LoadResult result = load_data("shared-ids.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->sessions().size(), 3u);
  EXPECT_EQ(result.agenda->find_session("1111")->title.en, "Opening");
  EXPECT_EQ(result.agenda->find_session("1102")->title.en, "Tea");
  EXPECT_TRUE(mentions(result, "shared-ids.csv:2:1: warning: session id " + quoted("1111") +
                                   " is used by 2 "
                                   "events (lines 2 and 4)"))
      << messages(result);
}

// Excel's "Save as: Unicode text" writes UTF-16 LE with a byte-order mark and tabs.
std::string excel_unicode_text(std::string_view utf8_text) {
  std::string bytes = "\xFF\xFE";
  for (std::size_t at = 0; at < utf8_text.size();) {
    char32_t code = utf8::decode(utf8_text, at);
    if (code >= 0x10000) {
      code -= 0x10000;
      const char32_t high = 0xD800 + (code >> 10), low = 0xDC00 + (code & 0x3FF);
      for (const char32_t unit : {high, low}) {
        bytes += static_cast<char>(unit & 0xFF);
        bytes += static_cast<char>(unit >> 8);
      }
      continue;
    }
    bytes += static_cast<char>(code & 0xFF);
    bytes += static_cast<char>(code >> 8);
  }
  return bytes;
}

TEST(ProgrammeSheet, ExcelUnicodeTextIsRead) {
  const std::string bytes = excel_unicode_text(
      "Date\tStart\tEnd\tRoom\tTitle (UR)\tTitle (EN)\r\n"
      "2025-11-26\t09:30\t10:30\tMain Hall\tافتتاحی اجلاس 🎤\tOpening session\r\n");
  const LoadResult result = load_agenda_bytes("programme.txt", bytes, kVenueInKarachi);
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.format, AgendaFormat::kCsv);
  EXPECT_EQ(result.agenda->sessions()[0].title.ur, "افتتاحی اجلاس 🎤");
}

TEST(ProgrammeSheet, BrokenUtf16IsAnErrorWithItsPlace) {
  std::string bytes = excel_unicode_text("Date\tStart\tEnd\tRoom\tTitle\r\nx");
  bytes += std::string("\x00\xD8", 2);  // a high surrogate with nothing after it
  const LoadResult result =
      load_agenda_bytes("programme.txt", bytes, AgendaFormat::kCsv, kVenueInKarachi);
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(mentions(result, "programme.txt:2:2: error: a broken UTF-16 character"))
      << messages(result);
}

TEST(ProgrammeSheet, RunsOfQuestionMarksSayTheFileLostItsUrdu) {
  const LoadResult result = load_data("lost-urdu.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_TRUE(mentions(result, "lost-urdu.csv:2:24: warning: 2 cells hold runs of \"?\" (first: " +
                                   quoted("????? ???") +
                                   "): the file lost its Urdu when it was saved"))
      << messages(result);
  EXPECT_TRUE(mentions(result, "\"CSV UTF-8\" or as .xlsx")) << messages(result);
}

TEST(ProgrammeSheet, TheC3vocTemplateLayoutIsRead) {
  const LoadResult result = load_data("c3voc-style-template.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  const Agenda& agenda = *result.agenda;
  EXPECT_TRUE(agenda.conference().title.empty());  // "<Veranstaltungsname>" is a placeholder
  ASSERT_EQ(agenda.sessions().size(), 4u);
  const Session& podium = *agenda.find_session("1003");
  EXPECT_EQ(podium.speakers.size(), 3u);
  EXPECT_EQ(agenda.find_session("1001")->speakers.size(), 2u);
  // No end or duration column: a session ends when the next one in its room begins, or after
  // an hour.
  EXPECT_EQ(agenda.find_session("1001")->duration_seconds(), 20 * 60);
  EXPECT_EQ(agenda.find_session("1002")->duration_seconds(), 60 * 60);
  EXPECT_EQ(agenda.find_session("1004")->duration_seconds(), 60 * 60);
  EXPECT_TRUE(mentions(result,
                       "c3voc-style-template.csv:2:1: warning: the header row has no end "
                       "or duration column (4 sessions)"))
      << messages(result);
}

TEST(ProgrammeSheet, ATitleRowAndANoteCellAboveTheHeader) {
  const LoadResult result = load_data("title-and-note-rows.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(result.agenda->conference().title.en, "Lahore Literature Festival 2025");
  const Session& morning = result.agenda->sessions()[0];
  EXPECT_EQ(morning.start.utc_seconds, utc("2025-06-05T09:00:00+05:00"));
  EXPECT_EQ(morning.room, "Hall 1");
}

TEST(ProgrammeSheet, ATimeRangeInOneCell) {
  const LoadResult result = load_data("time-ranges.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(titled(*result.agenda, "En dash range")->duration_seconds(), 90 * 60);
  EXPECT_EQ(titled(*result.agenda, "Twelve-hour range")->start.utc_seconds,
            utc("2025-11-26T14:00:00+05:00"));
}

TEST(ProgrammeSheet, DateAndTimeInOneCellNeedNoDateColumn) {
  const LoadResult result = load_data("date-and-time-cells.csv");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(titled(*result.agenda, "Dotted date")->start.utc_seconds,
            utc("2025-11-27T14:00:00+05:00"));
  EXPECT_EQ(titled(*result.agenda, "Date and time in one cell")->duration_seconds(), 3600);
}

}  // namespace
}  // namespace ijlas::agenda
