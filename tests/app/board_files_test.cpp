// The kiosk's side of the board's files: `ijlas --check-config` for the scripts that apply a
// person's settings, the notice ijlas-board-setup leaves for the screen, and the status file the
// USB stick's report copies.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/agenda_delivery.hpp"
#include "app/app_test_support.hpp"
#include "app/board_notice.hpp"
#include "app/configuration_check.hpp"
#include "app/kiosk_setup.hpp"
#include "app/kiosk_status.hpp"
#include "temporary_folder.hpp"

namespace ijlas::app {
namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ConfigurationCheck, AUsableFileGivesTheBoardsValuesOneALine) {
  const TemporaryFolder dir("check-good");
  std::ofstream(dir / "ijlas.toml") << "[display]\nroom = \"main-hall\"\n[board]\n"
                                       "wifi_ssid = \"Serena Hall\"\nwifi_country = \"PK\"\n";
  std::ostringstream values, errors;
  EXPECT_EQ(check_configuration(dir / "ijlas.toml", values, errors), 0);
  EXPECT_EQ(values.str(), "wifi_ssid=Serena Hall\nwifi_passphrase=\nwifi_country=PK\n");
  EXPECT_EQ(errors.str(), "");
}

TEST(ConfigurationCheck, ABadFileGivesEveryMistakeInTheFilesOrderAndNoValues) {
  const TemporaryFolder dir("check-bad");
  std::ofstream(dir / "ijlas.toml") << "[display]\nrotation = 45\n[board]\nwifi_country = \"x\"\n";
  std::ostringstream values, errors;
  EXPECT_EQ(check_configuration(dir / "ijlas.toml", values, errors), 1);
  EXPECT_EQ(values.str(), "");
  const std::string path = (dir / "ijlas.toml").string();
  EXPECT_EQ(errors.str(), path + ":2:12: error: display.rotation must be 0, 90, 180 or 270\n" +
                              path +
                              ":4:16: error: board.wifi_country must be the country's two "
                              "capital letters, e.g. \"PK\", or \"\"\n");
}

TEST(ConfigurationCheck, AMissingFileIsAMistakeToo) {
  std::ostringstream values, errors;
  const TemporaryFolder dir("check-none");
  EXPECT_EQ(check_configuration(dir / "ijlas.toml", values, errors), 1);
  EXPECT_NE(errors.str().find("ijlas.toml: error: the configuration file cannot be opened"),
            std::string::npos)
      << errors.str();
}

TEST(BoardNotice, TheFirstLineIsShownInUrduAndEnglish) {
  const TemporaryFolder dir("board-notice");
  std::ofstream(dir / "board-notice.txt")
      << "ijlas.toml:2:12: error: display.rotation must be 0, 90, 180 or 270 (the file was not "
         "used: correct it on the boot partition)\nWi-Fi country PK could not be set\n";
  const std::string notice = read_board_notice(dir / "board-notice.txt");
  EXPECT_TRUE(notice.starts_with("بورڈ کی ترتیبات لاگو نہیں ہوئیں\nBoard settings: ")) << notice;
  EXPECT_NE(notice.find("ijlas.toml:2:12: error: display.rotation must be"), std::string::npos);
  EXPECT_EQ(notice.find("Wi-Fi"), std::string::npos);
}

TEST(BoardNotice, NoFileOrAnEmptyOneIsNoNotice) {
  const TemporaryFolder dir("board-notice-none");
  EXPECT_EQ(read_board_notice(dir / "board-notice.txt"), "");
  std::ofstream(dir / "board-notice.txt") << "\n";
  EXPECT_EQ(read_board_notice(dir / "board-notice.txt"), "");
}

TEST(BoardNotice, ALongLineIsCutAtACharacterBoundary) {
  const TemporaryFolder dir("board-notice-long");
  std::string line = "ijlas.toml:1:1: ";
  for (int i = 0; i < 300; ++i)
    line += "ب";
  std::ofstream(dir / "board-notice.txt") << line << "\n";
  const std::string notice = read_board_notice(dir / "board-notice.txt");
  EXPECT_TRUE(notice.ends_with("…"));
  const std::string english = notice.substr(notice.find("Board settings: "));
  EXPECT_LE(english.size(), kBoardNoticeBytes);
  EXPECT_GT(english.size(), kBoardNoticeBytes - 8);
}

struct RunningKiosk {
  std::unique_ptr<KioskSetup> setup;
  std::unique_ptr<AgendaDelivery> delivery;
};

RunningKiosk running_kiosk() {
  CommandLine line;
  line.clock = testing::kFirstMorning;
  line.clock_rate = 0;
  std::string error;
  RunningKiosk kiosk;
  kiosk.setup = set_up_kiosk(line, error);
  EXPECT_TRUE(kiosk.setup) << error;
  Configuration settings;
  settings.inbox.clear();
  settings.state_dir.clear();
  kiosk.delivery = std::make_unique<AgendaDelivery>(*kiosk.setup, settings);
  return kiosk;
}

TEST(KioskStatus, SaysTheVersionTheAgendaItsLoadAndTheClock) {
  RunningKiosk kiosk = running_kiosk();
  const std::vector<std::string> lines =
      kiosk_status_lines(*kiosk.setup, *kiosk.delivery, "software", "the clock is trusted");
  ASSERT_GE(lines.size(), 5u);
  EXPECT_EQ(lines[0], std::string("ijlas ") + program_version() + " - renderer software");
  EXPECT_EQ(lines[1], "agenda: " + bundled_agenda_path());
  EXPECT_TRUE(lines[2].starts_with("status: showing islamabad-2025.json")) << lines[2];
  EXPECT_TRUE(lines[3].starts_with("agenda age: ")) << lines[3];
  EXPECT_TRUE(lines[4].starts_with("last load: ok, 0 errors")) << lines[4];
  EXPECT_EQ(lines.back(), "clock: the clock is trusted");
}

TEST(KioskStatus, TheFileIsRewrittenWholeOnlyWhenItChanges) {
  const TemporaryFolder dir("status-file");
  StatusFile status(dir / "status.txt");
  ASSERT_TRUE(status.update({"ijlas 1", "agenda: a.json"}));
  EXPECT_EQ(read_all(dir / "status.txt"), "ijlas 1\nagenda: a.json\n");
  std::filesystem::remove(dir / "status.txt");
  ASSERT_TRUE(status.update({"ijlas 1", "agenda: a.json"}));  // unchanged: not written again
  EXPECT_FALSE(std::filesystem::exists(dir / "status.txt"));
  ASSERT_TRUE(status.update({"ijlas 1", "agenda: b.json"}));
  EXPECT_EQ(read_all(dir / "status.txt"), "ijlas 1\nagenda: b.json\n");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);  // no temporary
  EXPECT_FALSE(StatusFile(dir / "missing" / "status.txt").update({"x"}));
}

TEST(KioskStatus, ALastingNoticeOutlivesTheTimedOnes) {
  RunningKiosk kiosk = running_kiosk();
  kiosk.delivery->poll(1);
  kiosk.delivery->show_lasting_notice("Board settings: ijlas.toml:2:12: error: …");
  kiosk.delivery->show_notice("Set aside: talks.json");
  kiosk.delivery->poll(2);
  kiosk.delivery->poll(Configuration{}.notice_seconds * 1000LL + 10'000);
  const std::string status = kiosk.delivery->status();
  EXPECT_NE(status.find("Board settings: ijlas.toml:2:12"), std::string::npos) << status;
  EXPECT_EQ(status.find("Set aside"), std::string::npos) << status;
}

}  // namespace
}  // namespace ijlas::app
