#include "app/command_line.hpp"

#include <charconv>

namespace ijlas::app {
namespace {

bool parse_int(const std::string& text, int& out) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
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
         "  every mode: [--config FILE] (default /etc/ijlas/ijlas.toml when it exists)\n";
}

CommandLineParse parse_command_line(const std::vector<std::string>& arguments) {
  CommandLine line;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& option = arguments[i];
    auto value = [&](std::string& out) -> bool {
      if (i + 1 >= arguments.size() || arguments[i + 1].starts_with("--")) return false;
      out = arguments[++i];
      return true;
    };
    std::string text;
    line.given.insert(option);
    if (option == "--help" || option == "-h") {
      line.help = true;
    } else if (option == "--agenda") {
      if (!value(line.agenda)) return {std::nullopt, "--agenda needs a file"};
    } else if (option == "--shot") {
      if (!value(line.shot_dir)) return {std::nullopt, "--shot needs a folder for the pictures"};
    } else if (option == "--replay") {
      if (!value(line.replay)) return {std::nullopt, "--replay needs a script file"};
    } else if (option == "--size") {
      if (!value(text)) return {std::nullopt, "--size needs WIDTHxHEIGHT, e.g. 1920x1080"};
      const std::size_t x = text.find('x');
      int w = 0, h = 0;
      if (x == std::string::npos || !parse_int(text.substr(0, x), w) ||
          !parse_int(text.substr(x + 1), h) || w < 320 || h < 320 || w > 7680 || h > 7680) {
        return {std::nullopt,
                "--size \"" + text + "\": give WIDTHxHEIGHT from 320 to 7680, e.g. 1920x1080"};
      }
      line.width = w;
      line.height = h;
      line.size_given = true;
    } else if (option == "--rotate") {
      if (!value(text) || !parse_int(text, line.rotation) ||
          (line.rotation != 0 && line.rotation != 90 && line.rotation != 180 &&
           line.rotation != 270)) {
        return {std::nullopt, "--rotate \"" + text + "\": use 0, 90, 180 or 270"};
      }
    } else if (option == "--lang") {
      if (!value(line.language) || (line.language != "ur" && line.language != "en")) {
        return {std::nullopt, "--lang \"" + line.language + "\": use ur or en"};
      }
    } else if (option == "--clock") {
      if (!value(line.clock))
        return {std::nullopt, "--clock needs an instant, e.g. 2025-11-26T10:20+05:00"};
    } else if (option == "--clock-rate") {
      if (!value(text)) return {std::nullopt, "--clock-rate needs a number, e.g. 60"};
      const auto result = std::from_chars(text.data(), text.data() + text.size(), line.clock_rate);
      if (result.ec != std::errc() || result.ptr != text.data() + text.size() ||
          line.clock_rate < 0 || line.clock_rate > 86400) {
        return {std::nullopt, "--clock-rate \"" + text + "\": give a number from 0 to 86400"};
      }
    } else if (option == "--room") {
      if (!value(line.room)) return {std::nullopt, "--room needs a room id from the agenda"};
    } else if (option == "--config") {
      if (!value(line.config_file)) return {std::nullopt, "--config needs a settings file"};
    } else if (option == "--inbox") {
      if (!value(line.inbox)) return {std::nullopt, "--inbox needs a folder"};
    } else if (option == "--state") {
      if (!value(line.state_dir)) return {std::nullopt, "--state needs a folder"};
    } else if (option == "--headless") {
      line.headless = true;
    } else if (option == "--live-shots") {
      if (!value(line.live_shots))
        return {std::nullopt, "--live-shots needs a folder for current.png and current.json"};
    } else if (option == "--random-taps") {
      if (!value(text)) return {std::nullopt, "--random-taps needs a number of taps a second"};
      const auto result = std::from_chars(text.data(), text.data() + text.size(), line.random_taps);
      if (result.ec != std::errc() || result.ptr != text.data() + text.size() ||
          line.random_taps < 0 || line.random_taps > 100) {
        return {std::nullopt, "--random-taps \"" + text + "\": give a number from 0 to 100"};
      }
    } else if (option == "--window") {
      line.windowed = true;
    } else if (option == "--first-frame-exit") {
      line.first_frame_exit = true;
    } else {
      return {std::nullopt, "unknown option \"" + option + "\""};
    }
  }
  if (!line.replay.empty() && line.shot_dir.empty()) {
    return {std::nullopt, "--replay writes a shot after each step: give --shot DIR too"};
  }
  if (line.headless && line.live_shots.empty()) {
    return {std::nullopt, "--headless writes what it shows: give --live-shots OUT too"};
  }
  if (!line.live_shots.empty() && !line.headless) {
    return {std::nullopt, "--live-shots is for --headless"};
  }
  if (line.headless && (!line.shot_dir.empty() || !line.replay.empty())) {
    return {std::nullopt, "--headless runs the live kiosk: leave out --shot and --replay"};
  }
  return {line, {}};
}

}  // namespace ijlas::app
