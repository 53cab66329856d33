// The scripted visits of README.md, through the kiosk's own replay: what each step shows.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "app/kiosk_setup.hpp"
#include "app/replay_script.hpp"
#include "app/screen_shots.hpp"
#include "app_test_support.hpp"
#include "core/diagnostic.hpp"
#include "core/read_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas::app {
namespace {

namespace fs = std::filesystem;

// Runs a script in `dir` and returns the names of the shots it wrote in dir/shots, in order.
std::vector<std::string> replay(const fs::path& dir, const std::string& script,
                                const std::string& language = "ur") {
  const fs::path file = dir / "script.txt";
  std::ofstream(file) << script;
  CommandLine line = testing::shot_command(dir / "shots", language, 1920, 1080);
  line.replay = file.string();
  std::string error;
  auto setup = set_up_kiosk(line, error);
  EXPECT_TRUE(setup) << error;
  if (!setup) return {};
  EXPECT_EQ(run_replay(*setup, line), 0);
  std::vector<std::string> shots;
  for (int i = 0;; ++i) {
    const std::string prefix = (i < 10 ? "step-0" : "step-") + std::to_string(i) + "-";
    bool found = false;
    for (const auto& entry : fs::directory_iterator(dir / "shots")) {
      const std::string file_name = entry.path().filename().string();
      if (file_name.rfind(prefix, 0) == 0 && entry.path().extension() == ".png") {
        shots.push_back(entry.path().stem().string());
        found = true;
      }
    }
    if (!found) break;
  }
  return shots;
}

TEST(Replay, TapASessionOpensItsDetailAndTheSpeakerChipOpensTheSpeaker) {
  const TemporaryFolder dir("replay-tap");
  const auto shots =
      replay(dir, "tap session:opening\ntap speaker:philip-oliver-gross\ntap back\ntap back\n");
  EXPECT_EQ(shots,
            (std::vector<std::string>{"step-00-now-next", "step-01-session", "step-02-speaker",
                                      "step-03-session", "step-04-now-next"}));
  const std::string detail = read_file(dir / "shots/step-01-session.json").bytes;
  EXPECT_NE(detail.find("افتتاحی اجلاس"), std::string::npos) << "the opening's title on its page";
}

TEST(Replay, SwipeMovesToTheNextDayAndIdleReturnsHome) {
  const TemporaryFolder folder("replay-swipe");
  const auto shots = replay(folder, "tap tab:agenda\nswipe right\nwait 61\n");
  ASSERT_EQ(shots.size(), 4u);
  EXPECT_EQ(shots[1], "step-01-agenda");
  const fs::path dir = folder / "shots";
  // Day 2's first session appears only after the swipe (Urdu: the finger moves right).
  const std::string day_two = "متاثرہ افراد کا تحفظ";
  EXPECT_EQ(read_file(dir / "step-01-agenda.json").bytes.find(day_two), std::string::npos);
  EXPECT_NE(read_file(dir / "step-02-agenda.json").bytes.find(day_two), std::string::npos);
  EXPECT_EQ(shots[3], "step-03-now-next");
}

TEST(Replay, TheLanguageToggleSwitchesEveryLabel) {
  const TemporaryFolder folder("replay-language");
  replay(folder, "tap language\n");
  const fs::path dir = folder / "shots";
  const std::string before = read_file(dir / "step-00-now-next.json").bytes;
  const std::string after = read_file(dir / "step-01-now-next.json").bytes;
  EXPECT_NE(before.find("اب اور اگلا"), std::string::npos);
  EXPECT_EQ(after.find("اب اور اگلا"), std::string::npos);
  EXPECT_NE(after.find("Now & Next"), std::string::npos);
}

TEST(ReplayScript, MistakesNameTheLineAndColumn) {
  const ReplayScript script =
      parse_replay_script("visit.txt", "tap back\n\nswipe up\nkey f13\nfly\n");
  ASSERT_EQ(script.diagnostics.error_count(), 3);
  EXPECT_EQ(format_diagnostic(script.diagnostics.items()[0]),
            "visit.txt:3:7: error: swipe " + quoted("up") + ": use left or right");
  EXPECT_EQ(script.diagnostics.items()[1].position.line, 4);
  EXPECT_EQ(script.diagnostics.items()[1].position.column, 5);
  EXPECT_EQ(script.diagnostics.items()[2].position.line, 5);
  EXPECT_EQ(script.steps.size(), 1u);
}

TEST(ReplayScript, ATapOnAnUnknownActionIsAMistakeOfTheScript) {
  const ReplayScript script = parse_replay_script("visit.txt", "tap back\ntap tab:sessions\n");
  ASSERT_EQ(script.diagnostics.error_count(), 1);
  EXPECT_EQ(script.diagnostics.items()[0].position.line, 2);
  EXPECT_EQ(script.diagnostics.items()[0].position.column, 5);
  EXPECT_NE(format_diagnostic(script.diagnostics.items()[0]).find(quoted("tab:sessions")),
            std::string::npos);
  EXPECT_EQ(script.steps.size(), 1u);
}

TEST(ReplayScript, ReadsEveryKindOfStep) {
  const ReplayScript script = parse_replay_script(
      "s",
      "# a visit\ntap 10 20\ntap day:1\nswipe left\ndrag -300\nkey escape\nwheel 2\nwait 1.5\n"
      "clock 2025-11-27T09:00+05:00\n");
  EXPECT_FALSE(script.diagnostics.has_errors());
  ASSERT_EQ(script.steps.size(), 8u);
  EXPECT_EQ(script.steps[0].kind, ReplayStep::Kind::kTapAt);
  EXPECT_EQ(script.steps[0].y, 20);
  EXPECT_EQ(script.steps[1].action, ui::UiAction{ui::ShowDay{1}});
  EXPECT_EQ(script.steps[3].y, -300);
  EXPECT_DOUBLE_EQ(script.steps[6].seconds, 1.5);
  EXPECT_EQ(script.steps[7].line, 9);
}

TEST(CommandLine, BadValuesAreNamed) {
  EXPECT_EQ(parse_command_line({"--rotate", "45"}).error,
            "--rotate " + quoted("45") + ": use 0, 90, 180 or 270");
  EXPECT_NE(parse_command_line({"--size", "big"}).error.find("--size " + quoted("big")),
            std::string::npos);
  EXPECT_NE(parse_command_line({"--replay", "x"}).error.find("--shot"), std::string::npos);
  const auto ok = parse_command_line({"--shot", "out", "--size", "1080x1920", "--lang", "en"});
  ASSERT_TRUE(ok.command_line);
  EXPECT_EQ(ok.command_line->width, 1080);
  EXPECT_EQ(ok.command_line->language, "en");
}

TEST(CommandLine, AMissingValueOrAnUnknownOptionIsNamed) {
  EXPECT_EQ(parse_command_line({"--agenda", "--lang", "en"}).error, "--agenda needs a file");
  EXPECT_EQ(parse_command_line({"--window", "--frobnicate"}).error,
            "unknown option " + quoted("--frobnicate"));
  EXPECT_EQ(parse_command_line({"agenda.json"}).error, "unknown option " + quoted("agenda.json"));
  const auto ok = parse_command_line({"--lang", "en", "-h", "--window"});
  ASSERT_TRUE(ok.command_line);
  EXPECT_EQ(ok.command_line->given, (std::set<std::string>{"--lang", "-h", "--window"}));
  EXPECT_TRUE(ok.command_line->help);
  EXPECT_TRUE(ok.command_line->windowed);
}

TEST(KioskSetup, ABadAgendaIsReportedWithItsPosition) {
  const TemporaryFolder dir("bad-agenda");
  std::ofstream(dir / "agenda.csv")
      << "date,start,end,room,title_en\n2025-11-26,10:30,10:00,Hall,X\n";
  CommandLine line;
  line.agenda = (dir / "agenda.csv").string();
  std::string error;
  EXPECT_EQ(set_up_kiosk(line, error), nullptr);
  EXPECT_NE(error.find("agenda.csv:2:18: error:"), std::string::npos) << error;
}

// An --agenda other than the bundled one is read by the reader program, never by the kiosk: a
// reader that crashes on it is a refusal naming the file, and the kiosk itself goes on.
TEST(KioskSetup, AGivenAgendaIsReadByTheReaderProgram) {
  const TemporaryFolder dir("given-agenda");
  std::ofstream(dir / "agenda.csv")
      << "date,start,end,room,title_en\n2025-11-26,09:00,10:00,Hall,CRASH-THE-READER\n";
  CommandLine line;
  line.agenda = (dir / "agenda.csv").string();
  ::setenv("IJLAS_READER_TEST_HOOK", "crash:CRASH-THE-READER", 1);
  std::string error;
  const auto setup = set_up_kiosk(line, error);
  ::unsetenv("IJLAS_READER_TEST_HOOK");
  EXPECT_EQ(setup, nullptr);
  EXPECT_NE(error.find("agenda.csv: error: the reader crashed"), std::string::npos) << error;
}

}  // namespace
}  // namespace ijlas::app
