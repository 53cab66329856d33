// What `ijlas` is asked to do, from its command line. Errors name the option and the bad value.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ijlas::app {

struct CommandLine {
  std::string agenda;    // --agenda FILE (default: the bundled agenda)
  std::string shot_dir;  // --shot DIR: render every screen to PNG and JSON, then exit
  std::string replay;    // --replay FILE (with --shot): scripted steps, a shot after each
  int width = 1920, height = 1080;  // --size WxH: the picture (the screen, when windowed)
  bool size_given = false;
  int rotation = 0;             // --rotate 0|90|180|270
  std::string language = "ur";  // --lang ur|en
  std::string clock;            // --clock INSTANT: a rehearsal clock
  double clock_rate = 1;        // --clock-rate N
  std::string room;             // --room ID: the room-door screen
  bool windowed = false;        // --window: a window instead of full screen (desktop use)
  bool first_frame_exit =
      false;  // --first-frame-exit: quit once the first frame is shown (a benchmark)
  bool help = false;
  bool version = false;  // --version

  std::string config_file;  // --config FILE (default: /run/ijlas/ijlas.toml, /etc/ijlas/ijlas.toml)
  std::string check_config;     // --check-config FILE: check a settings file, then exit
  std::string status_file;      // --status FILE: what the kiosk shows and knows, kept up to date
  std::string inbox;            // --inbox DIR: the drop folder (overrides sources.inbox)
  std::string state_dir;        // --state DIR: the last good agenda (overrides state.dir)
  bool headless = false;        // --headless: the whole kiosk with no display
  std::string live_shots;       // --live-shots OUT: with --headless, OUT/current.png and .json
  double random_taps = 0;       // --random-taps N (hidden): N random taps a second, for soak tests
  std::set<std::string> given;  // the options given, e.g. "--lang": they beat the settings file
};

struct CommandLineParse {
  std::optional<CommandLine> command_line;
  std::string error;
};

CommandLineParse parse_command_line(const std::vector<std::string>& arguments);
const char* usage_text();

}  // namespace ijlas::app
