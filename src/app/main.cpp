// ijlas: the conference-venue kiosk. See README.md for the options.
#include <exception>
#include <iostream>

#include "app/command_line.hpp"
#include "app/kiosk_loop.hpp"
#include "app/kiosk_setup.hpp"
#include "app/screen_shots.hpp"

int main(int argc, char** argv) {
  using namespace ijlas::app;
  const CommandLineParse parsed = parse_command_line({argv + 1, argv + argc});
  if (!parsed.command_line) {
    std::cerr << "ijlas: " << parsed.error << "\n" << usage_text();
    return 2;
  }
  const CommandLine& line = *parsed.command_line;
  if (line.help) {
    std::cout << usage_text();
    return 0;
  }
  try {
    std::string error;
    auto setup = set_up_kiosk(line, error);
    if (!setup) {
      std::cerr << "ijlas: " << error << "\n";
      return 1;
    }
    if (!line.replay.empty()) return run_replay(*setup, line);
    if (!line.shot_dir.empty()) return write_screen_shots(*setup, line);
    return run_kiosk(*setup, line);
  } catch (const std::exception& failure) {
    std::cerr << "ijlas: " << failure.what() << "\n";
    return 1;
  }
}
