// The kiosk's settings file, /etc/ijlas/ijlas.toml (or `--config FILE`), in TOML. Every key has a
// default (assets/config/ijlas.toml lists them all, README.md explains them); a key the program
// does not know, or a value it cannot use, is an error that names the key and its line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "app/command_line.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::app {

inline constexpr const char* kSystemConfigurationPath = "/etc/ijlas/ijlas.toml";

// A nightly span of venue wall time with the screen off, e.g. 22:00-07:00 (it may wrap midnight).
struct ScreenOffHours {
  int start_minute = 0;  // minutes after midnight, 0..1439
  int end_minute = 0;
  // Whether the screen is off at `minute_of_day` (start included, end excluded).
  bool contains(int minute_of_day) const;
  friend bool operator==(const ScreenOffHours&, const ScreenOffHours&) = default;
};

struct Configuration {
  // [display]
  std::string language = "ur";               // ur | en
  int rotation = 0;                          // 0 | 90 | 180 | 270
  std::string room;                          // a room id: the room-door screen
  std::optional<ScreenOffHours> screen_off;  // empty: always on
  // [timeouts]
  int idle_seconds = 60;      // untouched this long: back to Now & Next
  int attract_seconds = 180;  // untouched this long: cycle through the screens
  int notice_seconds = 600;   // an organizer notice (a rejected file) stays this long at most
  // [sources]
  std::string inbox = "/var/lib/ijlas/inbox";
  std::string url;  // a pretalx/frab schedule export, or empty
  int poll_seconds = 300;
  int timeout_seconds = 30;
  // [state]
  std::string state_dir = "/var/lib/ijlas";

  friend bool operator==(const Configuration&, const Configuration&) = default;
};

struct ConfigurationParse {
  std::optional<Configuration> configuration;  // empty when diagnostics has errors
  DiagnosticList diagnostics;
};

// `name` is how messages refer to the file.
ConfigurationParse parse_configuration(const std::string& name, std::string_view text);
ConfigurationParse load_configuration(const std::filesystem::path& path);

// The command line beats the file: --lang, --rotate and --room replace the [display] values,
// --inbox and --state those of [sources] and [state]; the other way round, `line` takes the
// file's display values for the options it did not give.
void merge_command_line(CommandLine& line, Configuration& configuration);

// "22:00-07:00" → the span; empty for anything else.
std::optional<ScreenOffHours> parse_screen_off(std::string_view text);

}  // namespace ijlas::app
