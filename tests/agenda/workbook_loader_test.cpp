// Workbooks (.xlsx, .ods): the c3voc template organizers are handed, and one small workbook per
// rule, made by tests/agenda/data/make_workbooks.py from hand-written XML.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "agenda_test_support.hpp"
#include "core/read_file.hpp"

namespace ijlas::agenda {
namespace {

using testing::messages;

// The venue of these sheets is in Pakistan: times without a zone are read there.
const LoadOptions kVenueInKarachi{"Asia/Karachi"};

LoadResult load_data(const std::string& name) {
  return load_agenda_bytes(
      name, read_file(std::string(IJLAS_TEST_DATA_DIR) + "/agenda/data/" + name).bytes,
      kVenueInKarachi);
}

LoadResult load_template(const std::string& extension) {
  const std::string name = "voc-deu-schedule-example." + extension;
  return load_agenda_bytes(name, read_file(testing::shared_schedule(name)).bytes, kVenueInKarachi);
}

bool mentions(const LoadResult& result, std::string_view text) {
  return messages(result).find(text) != std::string::npos;
}

// "2016-10-27 09:00": the wall time the organizer typed, whatever the zone it is read in.
std::string wall(const Instant& instant) {
  return time::format_date(time::local_date_of(instant)) + " " +
         time::format_clock_time(time::local_seconds_of_day(instant));
}

// Expected figures from an independent reading of the template (unzip -p of the sheet XML and
// a short Python script): 13 sessions on 2016-10-27, 09:00 to 16:45, in two rooms.
TEST(WorkbookLoader, TheC3vocTemplateImportsTheSameFromXlsxAndOds) {
  std::vector<std::tuple<std::string, std::string, std::string>> sessions[2];
  int index = 0;
  for (const std::string extension : {"xlsx", "ods"}) {
    const LoadResult result = load_template(extension);
    ASSERT_TRUE(result.ok()) << messages(result);
    EXPECT_EQ(format_name(*result.format), extension);
    const Agenda& agenda = *result.agenda;
    ASSERT_EQ(agenda.sessions().size(), 13u) << extension;
    EXPECT_EQ(wall(agenda.sessions().front().start), "2016-10-27 09:00") << extension;
    EXPECT_EQ(wall(agenda.sessions().back().start), "2016-10-27 16:45") << extension;
    std::set<std::string> rooms;
    for (const Room& room : agenda.rooms())
      rooms.insert(room.name.preferred());
    EXPECT_EQ(rooms, (std::set<std::string>{"Altes Rathaus", "Ratstrinkstube"})) << extension;
    const Session& first = agenda.sessions().front();
    EXPECT_EQ(first.title.en, "Offenheit, Partizipation und Digitalisierung");
    EXPECT_EQ(first.subtitle.en, "Impulse für eine moderne Kommune");
    EXPECT_EQ(first.duration_seconds(), 20 * 60);  // until the next session in its room
    EXPECT_EQ(agenda.sessions().back().speakers.size(), 2u);
    for (const Session& session : agenda.sessions())
      sessions[index].emplace_back(wall(session.start), session.room, session.title.en);
    ++index;
  }
  EXPECT_EQ(sessions[0], sessions[1]);
}

TEST(WorkbookLoader, TheTemplatesOdsRepeatsAnIdAndKeepsEverySession) {
  const LoadResult result = load_template("ods");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_TRUE(
      mentions(result, "session id " + quoted("1111") + " is used by 3 events (rows 3, 12 and 13)"))
      << messages(result);
  EXPECT_EQ(result.agenda->find_session("1111")->title.en,
            "Offenheit, Partizipation und Digitalisierung");
}

TEST(WorkbookLoader, XlsxCellTypesSharedStringsAndFormulas) {
  const LoadResult result = load_data("typed-cells.xlsx");
  ASSERT_TRUE(result.ok()) << messages(result);
  ASSERT_EQ(result.agenda->sessions().size(), 2u);
  const Session& opening = result.agenda->sessions()[0];
  EXPECT_EQ(wall(opening.start), "2025-11-26 09:30");  // a date cell and a time cell
  EXPECT_EQ(opening.duration_seconds(), 90 * 60);      // [h]:mm, elapsed time
  // Rich-text runs joined; the phonetic guide left out.
  EXPECT_EQ(opening.title, (LocalizedText{"افتتاحی اجلاس", "Opening session"}));
  EXPECT_EQ(opening.speakers.size(), 2u);
  const Session& tea = result.agenda->sessions()[1];
  EXPECT_EQ(wall(tea.start), "2025-11-26 11:00");  // date and time in one cell
  EXPECT_EQ(tea.duration_seconds(), 30 * 60);      // a plain number is minutes
  EXPECT_EQ(tea.title.en, "Tea break");            // an inline string
}

TEST(WorkbookLoader, TheSheetNamedLikeAProgrammeIsRead) {
  // typed-cells.xlsx and .ods have a "Notes" sheet first.
  EXPECT_TRUE(load_data("typed-cells.xlsx").ok());
  EXPECT_TRUE(load_data("typed-cells.ods").ok());
}

TEST(WorkbookLoader, The1904DateSystemIsHonoured) {
  const LoadResult result = load_data("date-1904.xlsx");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_EQ(wall(result.agenda->sessions()[0].start), "2025-11-26 09:00");
}

TEST(WorkbookLoader, ErrorsNameTheSheetCell) {
  const LoadResult result = load_data("no-such-day.xlsx");
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(mentions(result, "no-such-day.xlsx:2:1: error: Programme!A2: date " +
                                   quoted("1900-02-29, a day that never was") + " of " +
                                   quoted("Leap day") + " is not a date"))
      << messages(result);
  EXPECT_TRUE(mentions(result, "no-such-day.xlsx:3:2: error: Programme!B3: start " +
                                   quoted("nine") + " of " + quoted("Bad start") +
                                   " is not a time"))
      << messages(result);
}

TEST(WorkbookLoader, ValidatorMessagesNameTheSheetCellToo) {
  // Checked after the sheet was read (here: two sessions in one room at once), yet still told
  // as a spreadsheet names the place.
  const LoadResult result = load_data("overlapping-sessions.xlsx");
  ASSERT_TRUE(result.ok()) << messages(result);
  EXPECT_TRUE(mentions(result, "overlapping-sessions.xlsx:3:2: warning: Programme!B3: sessions "))
      << messages(result);
}

TEST(WorkbookLoader, OdsCellTypesRepeatsAndComments) {
  const LoadResult result = load_data("typed-cells.ods");
  ASSERT_TRUE(result.ok()) << messages(result);
  ASSERT_EQ(result.agenda->sessions().size(), 3u);  // the repeated row is two sessions
  const Session& opening = result.agenda->sessions()[0];
  EXPECT_EQ(wall(opening.start), "2025-11-26 09:30");
  EXPECT_EQ(opening.duration_seconds(), 90 * 60);
  EXPECT_EQ(opening.title.ur, "افتتاحی اجلاس");  // the comment is not the title
  EXPECT_EQ(opening.title.en, "Opening  session");
  EXPECT_EQ(opening.speakers.size(), 2u);  // one paragraph per name
  const Session& workshop = result.agenda->sessions()[1];
  EXPECT_EQ(wall(workshop.start), "2025-11-27 14:00");
  EXPECT_EQ(workshop.duration_seconds(), 45 * 60);
  // Rows are counted through the repeated empty ones.
  EXPECT_TRUE(mentions(result, "typed-cells.ods:6:1: warning: Schedule!A6: session id"))
      << messages(result);
}

TEST(WorkbookLoader, AZipBombIsRefusedAfter64MiB) {
  const LoadResult result = load_data("zip-bomb.xlsx");
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(mentions(result, "xl/worksheets/sheet1.xml unpacks to more than 64 MiB"))
      << messages(result);
}

TEST(WorkbookLoader, RowsRepeatedPastTheLimitAreRefused) {
  const LoadResult result = load_data("too-many-rows.ods");
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(mentions(result, "has more than 100000 rows or a million cells with content"))
      << messages(result);
}

TEST(WorkbookLoader, MalformedSheetXmlIsAnErrorNamingTheMember) {
  const LoadResult result = load_data("damaged.xlsx");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.format, AgendaFormat::kXlsx);
  EXPECT_TRUE(mentions(result,
                       "damaged.xlsx: error: the workbook is damaged: "
                       "xl/worksheets/sheet1.xml, line 1:"))
      << messages(result);
}

TEST(WorkbookLoader, AZipThatIsNoWorkbookIsNotTakenForOne) {
  const LoadResult result = load_data("text-document.odt");
  EXPECT_FALSE(result.ok());
  EXPECT_FALSE(result.format.has_value());
}

TEST(WorkbookLoader, AZipListingMoreThanTenThousandMembersIsNotOpened) {
  std::string zip =
      read_file(std::string(IJLAS_TEST_DATA_DIR) + "/agenda/data/typed-cells.xlsx").bytes;
  ASSERT_EQ(detect_format(zip), AgendaFormat::kXlsx);
  const std::size_t record = zip.rfind(std::string_view("PK\x05\x06", 4));
  ASSERT_NE(record, std::string::npos);
  zip[record + 10] = zip[record + 11] = '\xFF';  // members in the whole archive: 65,535
  EXPECT_FALSE(detect_format(zip).has_value());
}

}  // namespace
}  // namespace ijlas::agenda
