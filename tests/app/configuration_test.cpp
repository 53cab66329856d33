// The settings file: every key with its default, the bundled file equal to the defaults, and
// every mistake named with its key and line.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/configuration.hpp"
#include "core/diagnostic.hpp"
#include "temporary_folder.hpp"

namespace ijlas::app {
namespace {

std::string errors_of(std::string_view text) {
  const ConfigurationParse parsed = parse_configuration("ijlas.toml", text);
  EXPECT_FALSE(parsed.configuration);
  std::string all;
  for (const Diagnostic& diagnostic : parsed.diagnostics.items())
    all += format_diagnostic(diagnostic) + "\n";
  return all;
}

TEST(Configuration, TheBundledFileListsEveryKeyWithItsDefault) {
  const ConfigurationParse parsed =
      load_configuration(std::string(IJLAS_ASSET_DIR) + "/config/ijlas.toml");
  ASSERT_TRUE(parsed.configuration) << format_diagnostic(parsed.diagnostics.items().front());
  EXPECT_EQ(*parsed.configuration, Configuration{});
  EXPECT_TRUE(parsed.diagnostics.items().empty());
}

TEST(Configuration, ReadsEveryKey) {
  const ConfigurationParse parsed = parse_configuration("ijlas.toml", R"(
[display]
language = "en"
rotation = 270
room = "main-hall"
screen_off = "22:30-07:00"
time_zone = "Asia/Karachi"
[timeouts]
idle_seconds = 30
attract_seconds = 90
notice_seconds = 120
[sources]
inbox = "/media/inbox"
url = "https://pretalx.example/conf/schedule/export/schedule.xml"
poll_seconds = 60
timeout_seconds = 10
[state]
dir = "/srv/ijlas"
)");
  ASSERT_TRUE(parsed.configuration) << format_diagnostic(parsed.diagnostics.items().front());
  const Configuration& c = *parsed.configuration;
  EXPECT_EQ(c.language, "en");
  EXPECT_EQ(c.rotation, 270);
  EXPECT_EQ(c.room, "main-hall");
  EXPECT_EQ(c.screen_off.text(), "22:30-07:00");
  EXPECT_TRUE(c.screen_off.off_at(23 * 3600));
  EXPECT_FALSE(c.screen_off.off_at(7 * 3600));
  EXPECT_EQ(c.time_zone, "Asia/Karachi");
  EXPECT_EQ(c.idle_seconds, 30);
  EXPECT_EQ(c.attract_seconds, 90);
  EXPECT_EQ(c.notice_seconds, 120);
  EXPECT_EQ(c.inbox, "/media/inbox");
  EXPECT_EQ(c.url, "https://pretalx.example/conf/schedule/export/schedule.xml");
  EXPECT_EQ(c.poll_seconds, 60);
  EXPECT_EQ(c.timeout_seconds, 10);
  EXPECT_EQ(c.state_dir, "/srv/ijlas");
}

TEST(Configuration, MistakesNameTheKeyAndTheLine) {
  EXPECT_EQ(errors_of("[display]\nlanguage = \"ur\"\nrotaton = 90\n"),
            "ijlas.toml:3:1: error: unknown key " + quoted("rotaton") +
                " in [display]: the keys are language, "
                "rotation, room, screen_off, time_zone, clock, clock_rate\n");
  EXPECT_EQ(errors_of("[display]\nrotation = 45\n"),
            "ijlas.toml:2:12: error: display.rotation must be 0, 90, 180 or 270\n");
  EXPECT_EQ(errors_of("[display]\nlanguage = \"de\"\n"),
            "ijlas.toml:2:12: error: display.language must be \"ur\" or \"en\"\n");
  EXPECT_EQ(errors_of("[display]\nscreen_off = \"22-7\"\n"),
            "ijlas.toml:2:14: error: display.screen_off must be \"HH:MM-HH:MM\" in venue time "
            "(e.g. \"22:00-07:00\") or \"\"\n");
  EXPECT_EQ(errors_of("\n[timeouts]\nidle_seconds = \"60\"\n"),
            "ijlas.toml:3:16: error: timeouts.idle_seconds must be a whole number of seconds "
            "from 5 to 86400\n");
  EXPECT_EQ(errors_of("[timeouts]\nidle_seconds = 200\n"),
            "ijlas.toml:2:16: error: timeouts.attract_seconds (180) must be longer than "
            "timeouts.idle_seconds (200)\n");
  EXPECT_EQ(errors_of("[sources]\nurl = \"ftp://example.org/x\"\n"),
            "ijlas.toml:2:7: error: sources.url must start with http:// or https://, or be \"\" "
            "for no URL\n");
  EXPECT_EQ(errors_of("[state]\ndir = \"state\"\n"),
            "ijlas.toml:2:7: error: state.dir must be an absolute folder path\n");
  EXPECT_EQ(errors_of("[venue]\nbroker = \"http://hub:1883\"\n"),
            "ijlas.toml:2:10: error: venue.broker must start with mqtt:// or mqtts://, e.g. "
            "\"mqtt://192.168.1.10:1883\", or be \"\" for no venue broker\n");
  EXPECT_EQ(errors_of("[venue]\nscreen_id = \"lobby/1\"\n"),
            "ijlas.toml:2:13: error: venue.screen_id must be letters, digits, '-', '_' or '.' (at "
            "most 64), e.g. \"lobby-1\", or \"\" for the machine's id\n");
  EXPECT_EQ(errors_of("[network]\nproxy = \"x\"\n"),
            "ijlas.toml:1:2: error: unknown table [network]: the tables are [display], "
            "[timeouts], [sources], [state], [venue] and [board]\n");
  EXPECT_EQ(errors_of("language = \"ur\"\n"),
            "ijlas.toml:1:1: error: unknown key " + quoted("language") +
                " outside a table: the tables are "
                "[display], [timeouts], [sources], [state], [venue] and [board]\n");
  EXPECT_EQ(errors_of("[display\n"),
            "ijlas.toml:1:9: error: Error while parsing table header: expected ']', saw '\\n'\n");
}

TEST(Configuration, TheBoardSectionHoldsTheWifiNetwork) {
  const ConfigurationParse parsed = parse_configuration("ijlas.toml", R"(
[board]
wifi_ssid = "Serena Hall"
wifi_passphrase = "shamiana-2025"
wifi_country = "PK"
)");
  ASSERT_TRUE(parsed.configuration) << format_diagnostic(parsed.diagnostics.items().front());
  EXPECT_EQ(parsed.configuration->wifi_ssid, "Serena Hall");
  EXPECT_EQ(parsed.configuration->wifi_passphrase, "shamiana-2025");
  EXPECT_EQ(parsed.configuration->wifi_country, "PK");
}

TEST(Configuration, AWifiSettingTheBoardCannotUseIsNamedWithItsLine) {
  EXPECT_EQ(errors_of("[board]\nwifi_ssid = \"hall\"\nwifi_passphrase = \"1234567\"\n"),
            "ijlas.toml:3:19: error: board.wifi_passphrase must be the Wi-Fi password, 8 to 63 "
            "letters, digits or signs (no accents), or \"\" for an open network\n");
  EXPECT_EQ(errors_of("[board]\nwifi_ssid = \"a\\nb\"\n"),
            "ijlas.toml:2:13: error: board.wifi_ssid must be the network's name, at most 32 "
            "bytes without control characters, or \"\" for no Wi-Fi\n");
  EXPECT_EQ(errors_of("[board]\nwifi_ssid = \"" + std::string(33, 'x') + "\"\n").substr(0, 39),
            "ijlas.toml:2:13: error: board.wifi_ssid");
  EXPECT_EQ(errors_of("[board]\nwifi_country = \"pk\"\n"),
            "ijlas.toml:2:16: error: board.wifi_country must be the country's two capital "
            "letters, e.g. \"PK\", or \"\"\n");
  EXPECT_EQ(errors_of("[board]\nwifi_passphrase = \"shamiana-2025\"\n"),
            "ijlas.toml:2:19: error: board.wifi_passphrase is given without board.wifi_ssid: "
            "name the network\n");
}

TEST(Configuration, TheDisplayClockStartsARehearsalUnlessTheCommandLineGivesOne) {
  const ConfigurationParse parsed = parse_configuration(
      "ijlas.toml", "[display]\nclock = \"2025-11-26T10:15:00+05:00\"\nclock_rate = 0\n");
  ASSERT_TRUE(parsed.configuration) << format_diagnostic(parsed.diagnostics.items().front());
  Configuration settings = *parsed.configuration;
  CommandLine line;
  merge_command_line(line, settings);
  EXPECT_EQ(line.clock, "2025-11-26T10:15:00+05:00");
  EXPECT_EQ(line.clock_rate, 0);
  CommandLine given;
  given.clock = "2025-11-27T09:00+05:00";
  given.given = {"--clock"};
  merge_command_line(given, settings);
  EXPECT_EQ(given.clock, "2025-11-27T09:00+05:00");
  CommandLine rehearsal;  // a file without a clock leaves the command line's alone
  rehearsal.clock = "2025-11-28T09:00+05:00";
  rehearsal.clock_rate = 0;
  Configuration without_clock;
  merge_command_line(rehearsal, without_clock);
  EXPECT_EQ(rehearsal.clock, "2025-11-28T09:00+05:00");
  EXPECT_EQ(rehearsal.clock_rate, 0);
  EXPECT_EQ(errors_of("[display]\nclock = \"yesterday\"\n"),
            "ijlas.toml:2:9: error: display.clock must be the start of a rehearsal clock such as "
            "\"2025-11-26T10:15:00+05:00\", or \"\" for the real clock\n");
  EXPECT_EQ(errors_of("[display]\nclock_rate = -1\n"),
            "ijlas.toml:2:14: error: display.clock_rate must be a number from 0 (the clock stands "
            "still) to 86400\n");
}

TEST(Configuration, TheBoardsFileWinsOverTheSystemsAndNeitherMeansNone) {
  const TemporaryFolder dir("config-default");
  const std::string board = (dir / "run.toml").string(), system = (dir / "etc.toml").string();
  EXPECT_EQ(default_configuration_path(board, system), "");
  std::ofstream(system) << "";
  EXPECT_EQ(default_configuration_path(board, system), system);
  std::ofstream(board) << "";
  EXPECT_EQ(default_configuration_path(board, system), board);
}

TEST(Configuration, AMistakeLeavesTheDefaultForItsKeyAndKeepsTheOthers) {
  const ConfigurationParse parsed = parse_configuration(
      "ijlas.toml",
      "[display]\nlanguage = \"de\"\nrotation = 90\n[sources]\nreader_seconds = 99\n");
  EXPECT_FALSE(parsed.configuration);
  EXPECT_EQ(parsed.usable.language, Configuration{}.language);
  EXPECT_EQ(parsed.usable.rotation, 90);
  EXPECT_EQ(parsed.usable.reader_seconds, Configuration{}.reader_seconds);
  EXPECT_EQ(parsed.diagnostics.error_count(), 2);
}

TEST(Configuration, OnlyARegularFileOfAtMostOneMebibyteIsRead) {
  const TemporaryFolder dir("config-files");
  std::ofstream(dir / "big.toml") << std::string(kMaxConfigurationBytes + 1, '#');
  std::filesystem::create_symlink(dir / "big.toml", dir / "link.toml");
  EXPECT_NE(format_diagnostic(load_configuration(dir / "big.toml").diagnostics.items().at(0))
                .find("larger than 1 MiB"),
            std::string::npos);
  EXPECT_NE(format_diagnostic(load_configuration(dir / "link.toml").diagnostics.items().at(0))
                .find("symbolic link"),
            std::string::npos);
  EXPECT_NE(format_diagnostic(load_configuration(dir).diagnostics.items().at(0))
                .find("not a regular file"),
            std::string::npos);
}

TEST(Configuration, TheCommandLineWins) {
  Configuration settings;
  settings.language = "en";
  settings.rotation = 90;
  settings.room = "hall";
  CommandLine line;
  line.language = "ur";
  line.inbox = "/tmp/inbox";
  line.given = {"--lang", "--inbox"};
  merge_command_line(line, settings);
  EXPECT_EQ(settings.language, "ur");
  EXPECT_EQ(line.rotation, 90);  // from the file: not given
  EXPECT_EQ(line.room, "hall");
  EXPECT_EQ(settings.inbox, "/tmp/inbox");
  EXPECT_EQ(settings.state_dir, "/var/lib/ijlas");
}

TEST(Configuration, AnUnknownTimeZoneIsNamedWithItsLine) {
  EXPECT_EQ(errors_of("[display]\ntime_zone = \"Asia/Karachii\"\n"),
            "ijlas.toml:2:13: error: display.time_zone must be an IANA time zone such as "
            "\"Asia/Karachi\", or \"\" for the system's\n");
}

TEST(Configuration, TheVenueZoneIsTheConfiguredOneElseTheSystems) {
  Configuration configured;
  configured.time_zone = "Asia/Karachi";
  EXPECT_EQ(load_options_of(configured).venue_zone, "Asia/Karachi");
  const char* saved = std::getenv("TZ");
  const std::string before = saved ? saved : "";
  setenv("TZ", "Europe/Brussels", 1);
  EXPECT_EQ(load_options_of(Configuration{}).venue_zone, "Europe/Brussels");
  // A system left at UTC has not been told where it is: no venue zone, so loaders say so.
  setenv("TZ", "UTC", 1);
  EXPECT_EQ(load_options_of(Configuration{}).venue_zone, "");
  if (saved)
    setenv("TZ", before.c_str(), 1);
  else
    unsetenv("TZ");
}

}  // namespace
}  // namespace ijlas::app
