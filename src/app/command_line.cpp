#include "app/command_line.hpp"

#include <charconv>

#include "core/diagnostic.hpp"
#include "core/option_parser.hpp"

namespace ijlas::app {
namespace {

template <typename Number>
bool parse_number(const std::string& text, Number& out) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

std::string read_size(const std::string& text, CommandLine& line) {
  const std::size_t x = text.find('x');
  int w = 0, h = 0;
  if (x == std::string::npos || !parse_number(text.substr(0, x), w) ||
      !parse_number(text.substr(x + 1), h) || w < 320 || h < 320 || w > 7680 || h > 7680) {
    return "--size " + quoted(text) + ": give WIDTHxHEIGHT from 320 to 7680, e.g. 1920x1080";
  }
  line.width = w;
  line.height = h;
  line.size_given = true;
  return {};
}

std::string read_rotation(const std::string& text, CommandLine& line) {
  if (!parse_number(text, line.rotation) ||
      (line.rotation != 0 && line.rotation != 90 && line.rotation != 180 && line.rotation != 270)) {
    return "--rotate " + quoted(text) + ": use 0, 90, 180 or 270";
  }
  return {};
}

std::string read_language(const std::string& text, CommandLine& line) {
  if (text != "ur" && text != "en") return "--lang " + quoted(text) + ": use ur or en";
  line.language = text;
  return {};
}

// A number from 0 to `most`, or a message naming the option and what it takes.
OptionAction read_rate(std::string_view option, double most, std::string_view range, double& out) {
  return [=, &out](const std::string& text) -> std::string {
    if (!parse_number(text, out) || out < 0 || out > most) {
      return std::string(option) + " " + quoted(text) + ": give a number from " +
             std::string(range);
    }
    return {};
  };
}

OptionTable options_of(CommandLine& line) {
  auto into = [&line](std::string (*read)(const std::string&, CommandLine&)) {
    return [read, &line](const std::string& text) { return read(text, line); };
  };
  OptionTable table;
  table.values_may_start_with_dashes = false;
  table.options = {
      flag_option({"--help", "-h"}, line.help),
      flag_option({"--version"}, line.version),
      text_option("--agenda", "--agenda needs a file", line.agenda),
      text_option("--shot", "--shot needs a folder for the pictures", line.shot_dir),
      text_option("--replay", "--replay needs a script file", line.replay),
      {{"--size"}, true, "--size needs WIDTHxHEIGHT, e.g. 1920x1080", into(read_size)},
      {{"--rotate"}, true, "", into(read_rotation)},
      {{"--lang"}, true, "", into(read_language)},
      text_option("--clock", "--clock needs an instant, e.g. 2025-11-26T10:20+05:00", line.clock),
      {{"--clock-rate"},
       true,
       "--clock-rate needs a number, e.g. 60",
       read_rate("--clock-rate", 86400, "0 to 86400", line.clock_rate)},
      text_option("--room", "--room needs a room id from the agenda", line.room),
      text_option("--config", "--config needs a settings file", line.config_file),
      text_option("--check-config", "--check-config needs a settings file", line.check_config),
      text_option("--status", "--status needs a file to write", line.status_file),
      text_option("--inbox", "--inbox needs a folder", line.inbox),
      text_option("--state", "--state needs a folder", line.state_dir),
      flag_option({"--headless"}, line.headless),
      text_option("--live-shots", "--live-shots needs a folder for current.png and current.json",
                  line.live_shots),
      {{"--random-taps"},
       true,
       "--random-taps needs a number of taps a second",
       read_rate("--random-taps", 100, "0 to 100", line.random_taps)},
      flag_option({"--window"}, line.windowed),
      flag_option({"--first-frame-exit"}, line.first_frame_exit),
  };
  return table;
}

// The options that only make sense together, or never together.
std::string check_modes(const CommandLine& line) {
  if (!line.replay.empty() && line.shot_dir.empty()) {
    return "--replay writes a shot after each step: give --shot DIR too";
  }
  if (line.headless && line.live_shots.empty()) {
    return "--headless writes what it shows: give --live-shots OUT too";
  }
  if (!line.live_shots.empty() && !line.headless) return "--live-shots is for --headless";
  if (line.headless && (!line.shot_dir.empty() || !line.replay.empty())) {
    return "--headless runs the live kiosk: leave out --shot and --replay";
  }
  return {};
}

}  // namespace

const char* usage_text() {
  return "usage: ijlas [--agenda FILE] [--lang ur|en] [--room ID] [--rotate 0|90|180|270]\n"
         "             [--clock 2025-11-26T10:20+05:00 [--clock-rate N]] [--window] [--size WxH]\n"
         "       ijlas --shot DIR [--size WxH] [--rotate R] [--lang ur|en] [--clock T] [--agenda "
         "FILE]\n"
         "       ijlas --replay FILE --shot DIR [same options]\n"
         "       ijlas --headless --live-shots OUT [--inbox DIR] [--state DIR] [--clock T] "
         "[options]\n"
         "       ijlas --version\n"
         "       ijlas --check-config FILE (exit status 0 when FILE can be used)\n"
         "  every mode: [--config FILE] (default /run/ijlas/ijlas.toml, else "
         "/etc/ijlas/ijlas.toml)\n"
         "  live kiosk: [--status FILE] (what it shows and knows, for the USB report)\n";
}

CommandLineParse parse_command_line(const std::vector<std::string>& arguments) {
  CommandLine line;
  const OptionParse parse = parse_options(options_of(line), arguments);
  if (!parse.error.empty()) return {std::nullopt, parse.error};
  line.given.insert(parse.given.begin(), parse.given.end());
  if (std::string error = check_modes(line); !error.empty()) return {std::nullopt, error};
  return {line, {}};
}

}  // namespace ijlas::app
