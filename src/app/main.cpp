// ijlas: the conference-venue kiosk. See README.md for the options.
#include <exception>
#include <iostream>
#include <string_view>

#include "app/agenda_delivery.hpp"
#include "app/board_duties.hpp"
#include "app/board_notice.hpp"
#include "app/command_line.hpp"
#include "app/configuration.hpp"
#include "app/configuration_check.hpp"
#include "app/headless_loop.hpp"
#include "app/kiosk_loop.hpp"
#include "app/kiosk_setup.hpp"
#include "app/kiosk_status.hpp"
#include "app/screen_shots.hpp"

int main(int argc, char** argv) {
  using namespace ijlas::app;
  const CommandLineParse parsed = parse_command_line({argv + 1, argv + argc});
  if (!parsed.command_line) {
    std::cerr << "ijlas: " << parsed.error << "\n" << usage_text();
    return 2;
  }
  CommandLine line = *parsed.command_line;
  if (line.help) {
    std::cout << usage_text();
    return 0;
  }
  if (line.version) {
    std::cout << "ijlas " << program_version() << "\n";
    return 0;
  }
  if (!line.check_config.empty())
    return check_configuration(line.check_config, std::cout, std::cerr);
  // The settings file: the one named, else the board's or the system's, else the defaults.
  // A live kiosk never stops for a mistake in it: the defaults stand in for the values that
  // cannot be used, and a lasting notice says what to fix (shots, replays and tools still stop).
  Configuration settings;
  std::string settings_notice;
  std::string config_file = line.config_file;
  if (config_file.empty()) config_file = default_configuration_path();
  if (!config_file.empty()) {
    const ConfigurationParse loaded = load_configuration(config_file);
    for (const ijlas::Diagnostic& diagnostic : loaded.diagnostics.items())
      std::cerr << ijlas::format_diagnostic(diagnostic) << "\n";
    if (!loaded.configuration && !runs_live(line)) return 2;
    settings = loaded.usable;
    if (!loaded.configuration) {
      settings_notice =
          "Settings: " + notice_text(loaded.diagnostics.items().front()) + " (the default is used)";
      std::cerr << "ijlas: carrying on with the defaults for what cannot be used\n";
    }
  }
  merge_command_line(line, settings);
  try {
    std::string error;
    auto setup = set_up_kiosk(line, settings, error);
    if (!setup) {
      std::cerr << "ijlas: " << error << "\n";
      return 1;
    }
    if (!line.replay.empty()) return run_replay(*setup, line);
    if (!line.shot_dir.empty()) return write_screen_shots(*setup, line);
    AgendaDelivery delivery(*setup, settings);
    for (const std::string& notice : setup->startup_notices)
      delivery.show_notice(notice);
    // What the board could not apply at boot comes first: it is why these settings are shown.
    const std::string board_notice = runs_live(line) ? read_board_notice() : std::string();
    if (!board_notice.empty() || !settings_notice.empty())
      delivery.show_lasting_notice(board_notice.empty() ? settings_notice : board_notice);
    ServiceNotifier notifier;
    if (line.headless) return run_headless(*setup, line, delivery, notifier);
    BoardDuties board(settings, line);
    return run_kiosk(*setup, line, delivery, notifier, board);
  } catch (const std::exception& failure) {
    std::cerr << "ijlas: " << failure.what() << "\n";
    return 1;
  }
}
