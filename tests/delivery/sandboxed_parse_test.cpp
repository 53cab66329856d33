// The child process that reads untrusted files, through the real ijlas binary: a normal agenda
// comes back equal to reading it in process; a reader that crashes, runs out of memory, of
// processor time or of wall-clock time is a rejection that says which, never a crash. Small
// limits keep the test quick; IJLAS_READER_TEST_HOOK makes the reader misbehave on purpose.
#include <gtest/gtest.h>

#include <poll.h>

#include <cstdlib>

#include "agenda/agenda_loader.hpp"
#include "delivery_test_support.hpp"
#include "live/sandboxed_parse.hpp"

namespace ijlas::delivery_testing {
namespace {

live::ReadOutcome read_in_child(const std::string& name, const std::string& bytes,
                                live::ReaderLimits limits = {}) {
  live::SandboxedParse reader(IJLAS_READ_BINARY,
                              {name, bytes, "Asia/Karachi", live::Timestamp{0}, ""}, limits);
  return reader.take();
}

std::string first_message(const live::ReadOutcome& outcome) {
  return outcome.diagnostics.items().empty() ? "" : outcome.diagnostics.items().front().message;
}

// Sets the hook for this test only.
struct Hook {
  explicit Hook(const std::string& value) { ::setenv("IJLAS_READER_TEST_HOOK", value.c_str(), 1); }
  ~Hook() { ::unsetenv("IJLAS_READER_TEST_HOOK"); }
};

TEST(SandboxedParse, ANormalAgendaComesBackEqualToReadingItInProcess) {
  const std::string bytes = three_day_agenda("Round trip");
  const live::ReadOutcome outcome = read_in_child("three-days.json", bytes);
  ASSERT_TRUE(outcome.agenda.ok()) << first_message(outcome);
  EXPECT_FALSE(outcome.reader_failed);
  EXPECT_EQ(outcome.format, "native");
  const agenda::LoadResult direct = agenda::load_agenda_bytes("three-days.json", bytes);
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(*outcome.agenda.agenda, *direct.agenda);
}

TEST(SandboxedParse, TheVenueZoneReadsTheFloatingTimesOfAFileWithoutOne) {
  const std::string csv = "date,start,end,room,title\n2025-11-26,09:30,10:30,Hall,Opening\n";
  live::SandboxedParse reader(
      IJLAS_READ_BINARY, {"programme.csv", csv, "UTC", live::Timestamp{0}, "Asia/Karachi"}, {});
  const live::ReadOutcome outcome = reader.take();
  ASSERT_TRUE(outcome.agenda.ok()) << first_message(outcome);
  EXPECT_EQ(outcome.agenda.agenda->conference().time_zone, "Asia/Karachi");
  // 09:30 in Karachi (UTC+5) is 04:30 UTC.
  EXPECT_EQ(outcome.agenda.agenda->sessions().front().start.utc_seconds, 1764131400);
}

TEST(SandboxedParse, ABadAgendaComesBackWithTheReadersDiagnostics) {
  std::string bytes = small_agenda("Bad", "Backwards");
  bytes.replace(bytes.find("T11:00:00"), 9, "T09:00:00");
  const live::ReadOutcome outcome = read_in_child("bad.json", bytes);
  EXPECT_FALSE(outcome.agenda.ok());
  EXPECT_FALSE(outcome.reader_failed);
  ASSERT_FALSE(outcome.diagnostics.items().empty());
  EXPECT_EQ(
      format_diagnostic(outcome.diagnostics.items().front()),
      format_diagnostic(agenda::load_agenda_bytes("bad.json", bytes).diagnostics.items().front()));
}

TEST(SandboxedParse, AWorkbooksDiagnosticsComeBackNamingTheirSheetCell) {
  const std::string bytes =
      read_file(std::string(IJLAS_TEST_DATA_DIR) + "/agenda/data/no-such-day.xlsx").bytes;
  const live::ReadOutcome outcome = read_in_child("no-such-day.xlsx", bytes);
  const agenda::LoadResult direct = agenda::load_agenda_bytes("no-such-day.xlsx", bytes);
  ASSERT_EQ(outcome.diagnostics.items().size(), direct.diagnostics.items().size());
  for (std::size_t i = 0; i < direct.diagnostics.items().size(); ++i) {
    EXPECT_EQ(format_diagnostic(outcome.diagnostics.items()[i]),
              format_diagnostic(direct.diagnostics.items()[i]));
  }
  // The errors are the cells' (Programme!A2, Programme!B3).
  EXPECT_EQ(outcome.diagnostics.items().back().position.sheet(), "Programme");
}

TEST(SandboxedParse, AnnouncementsAndOverridesComeBackAsTheyWereRead) {
  const std::string news = R"({"ijlas_announcements": 1, "announcements": [
    {"id": "tea", "text": {"ur": "چائے", "en": "Tea"}, "priority": "high",
     "from": "2025-11-26T10:00", "until": "2025-11-26T11:00"}]})";
  const live::ReadOutcome read = read_in_child("news.json", news);
  ASSERT_EQ(read.kind, live::DocumentKind::kAnnouncements);
  const auto zone = agenda::TimeZone::find("Asia/Karachi");
  EXPECT_EQ(read.announcements,
            live::parse_announcements("news.json", news, live::Timestamp{0}, *zone).announcements);

  const std::string changes = R"({"ijlas_overrides": 1, "overrides": [
    {"session": "keynote", "status": {"state": "moved", "room": "hall", "start": "2025-11-26T15:00:00+05:00"},
     "until": "2025-11-26T18:00:00+05:00"},
    {"session": "lunch", "status": {"state": "delayed", "minutes": 10}}]})";
  const live::ReadOutcome overrides = read_in_child("changes.json", changes);
  ASSERT_EQ(overrides.kind, live::DocumentKind::kOverrides) << first_message(overrides);
  const live::OverridesParse direct = live::parse_session_overrides("changes.json", changes, *zone);
  ASSERT_EQ(overrides.overrides.size(), direct.overrides.size());
  for (std::size_t i = 0; i < direct.overrides.size(); ++i) {
    EXPECT_EQ(overrides.overrides[i].session_id, direct.overrides[i].session_id);
    EXPECT_EQ(overrides.overrides[i].status, direct.overrides[i].status);
    EXPECT_EQ(overrides.overrides[i].until, direct.overrides[i].until);
    EXPECT_EQ(overrides.overrides[i].position.line, direct.overrides[i].position.line);
  }
}

TEST(SandboxedParse, AReaderThatCrashesIsARejectionNamingTheSignal) {
  Hook hook("crash:CRASH-HERE");
  const live::ReadOutcome outcome = read_in_child("crash.json", "{\"x\": \"CRASH-HERE\"}");
  EXPECT_TRUE(outcome.reader_failed);
  EXPECT_FALSE(outcome.agenda.ok());
  EXPECT_NE(first_message(outcome).find("the reader crashed (signal 11"), std::string::npos)
      << first_message(outcome);
  EXPECT_EQ(outcome.diagnostics.items().front().position.file(), "crash.json");
}

TEST(SandboxedParse, AReaderThatNeedsTooMuchMemoryIsARejectionSayingHowMuch) {
  if (!live::kReaderMemoryLimited) GTEST_SKIP() << "no address-space limit under sanitizers";
  Hook hook("allocate:HUNGRY");
  live::ReaderLimits limits;
  limits.memory_mib = 200;
  const live::ReadOutcome outcome = read_in_child("hungry.json", "HUNGRY", limits);
  EXPECT_TRUE(outcome.reader_failed);
  EXPECT_NE(first_message(outcome).find("needed more than 200 MiB of memory"), std::string::npos)
      << first_message(outcome);
}

TEST(SandboxedParse, AReaderPastItsDeadlineIsKilledAndTheLoopNeverWaitsForIt) {
  Hook hook("hang:SLOW");
  live::ReaderLimits limits;
  limits.deadline_ms = 700;
  live::SandboxedParse reader(IJLAS_READ_BINARY,
                              {"slow.json", "SLOW", "UTC", live::Timestamp{0}, ""}, limits);
  // Running: not finished, and its descriptor is not readable yet.
  pollfd done{reader.done_fd(), POLLIN, 0};
  EXPECT_EQ(::poll(&done, 1, 0), 0);
  EXPECT_FALSE(reader.finished());
  // It becomes readable by itself once the reader was killed.
  EXPECT_EQ(::poll(&done, 1, 10'000), 1);
  EXPECT_TRUE(reader.finished());
  const live::ReadOutcome outcome = reader.take();
  EXPECT_TRUE(outcome.reader_failed);
  EXPECT_NE(first_message(outcome).find("took longer than 700 ms to read"), std::string::npos)
      << first_message(outcome);
}

TEST(SandboxedParse, AReaderPastItsProcessorTimeIsARejectionSayingSo) {
  Hook hook("spin:BUSY");
  live::ReaderLimits limits;
  limits.cpu_seconds = 1;
  limits.deadline_ms = 15'000;
  const live::ReadOutcome outcome = read_in_child("busy.json", "BUSY", limits);
  EXPECT_TRUE(outcome.reader_failed);
  EXPECT_NE(first_message(outcome).find("needed more than 1 s of processor time"),
            std::string::npos)
      << first_message(outcome);
}

}  // namespace
}  // namespace ijlas::delivery_testing
