// The kiosk's settings file, /etc/ijlas/ijlas.toml (or `--config FILE`), in TOML. Every key has a
// default (assets/config/ijlas.toml lists them all, README.md explains them); a key the program
// does not know, or a value it cannot use, is an error that names the key and its line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "agenda/load_result.hpp"
#include "app/command_line.hpp"
#include "core/diagnostic.hpp"
#include "live/screen_schedule.hpp"

namespace ijlas::app {

inline constexpr const char* kSystemConfigurationPath = "/etc/ijlas/ijlas.toml";
// The board's own settings file, checked and put here at boot by ijlas-board-setup from the boot
// partition: it wins over the system's when it is there.
inline constexpr const char* kBoardConfigurationPath = "/run/ijlas/ijlas.toml";
inline constexpr std::size_t kMaxConfigurationBytes = 1u << 20;  // a larger file is refused

struct Configuration {
  // [display]
  std::string language = "ur";      // ur | en
  int rotation = 0;                 // 0 | 90 | 180 | 270
  std::string room;                 // a room id: the room-door screen
  live::ScreenSchedule screen_off;  // never off unless configured
  std::string time_zone;            // the venue's IANA zone; empty: the system's
  std::string clock;      // a rehearsal clock's start, as --clock takes it; empty: the real clock
  double clock_rate = 1;  // how fast it runs, as --clock-rate takes it (0: it stands still)
  // [timeouts]
  int idle_seconds = 60;      // untouched this long: back to Now & Next
  int attract_seconds = 180;  // untouched this long: cycle through the screens
  int notice_seconds = 600;   // an organizer notice (a rejected file) stays this long at most
  // [sources]
  std::string inbox = "/var/lib/ijlas/inbox";
  std::string url;  // a pretalx/frab schedule export, or empty
  int poll_seconds = 300;
  int timeout_seconds = 30;
  int reader_memory_mib = 512;  // a file is parsed by a child process with this much memory
  int reader_seconds = 20;      // and this long (processor and wall-clock time), then refused
  // [state]
  std::string state_dir = "/var/lib/ijlas";
  // [venue]: no broker, no venue link
  std::string venue_broker;  // mqtt://host:port or mqtts://host:port
  std::string venue_name = "venue";
  std::string venue_screen_id;    // empty: the credentials' user, else /etc/machine-id or host
  std::string venue_credentials;  // a file with user:password
  std::string venue_ca_file;      // for mqtts://
  // [board]: read by ijlas-board-setup at boot (Wi-Fi through iwd), not by the kiosk
  std::string wifi_ssid;        // empty: no Wi-Fi (the wired port still takes an address)
  std::string wifi_passphrase;  // WPA2/WPA3 personal, 8 to 63 characters; empty: an open network
  std::string wifi_country;     // ISO 3166 code for the radio's rules, e.g. "PK"; empty: world

  friend bool operator==(const Configuration&, const Configuration&) = default;
};

struct ConfigurationParse {
  std::optional<Configuration> configuration;  // empty when diagnostics has errors
  Configuration usable;  // the values that can be used, the defaults for those that cannot
  DiagnosticList diagnostics;
};

// `name` is how messages refer to the file.
ConfigurationParse parse_configuration(const std::string& name, std::string_view text);
ConfigurationParse load_configuration(const std::filesystem::path& path);

// The file the kiosk reads when no --config is given: the board's, else the system's, else none
// (""). The paths are for tests.
std::string default_configuration_path(const std::string& board = kBoardConfigurationPath,
                                       const std::string& system = kSystemConfigurationPath);

// The command line beats the file: --lang, --rotate, --room, --clock and --clock-rate replace
// the [display] values, --inbox and --state those of [sources] and [state]; the other way round,
// `line` takes the file's display values for the options it did not give.
void merge_command_line(CommandLine& line, Configuration& configuration);

// How agenda files are read on this kiosk: in the configured zone, else the system's (TZ or
// /etc/localtime); a system left at UTC counts as no zone, so that the organizer is told.
agenda::LoadOptions load_options_of(const Configuration& configuration);

}  // namespace ijlas::app
