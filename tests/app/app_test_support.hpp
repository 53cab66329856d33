// Running the kiosk's headless modes from tests, on the bundled agenda at a fixed instant.
#pragma once

#include <filesystem>
#include <string>

#include "app/command_line.hpp"

namespace ijlas::app::testing {

// The first morning of the Islamabad conference: the opening session is on in the main hall.
inline constexpr const char* kFirstMorning = "2025-11-26T10:20+05:00";

inline CommandLine shot_command(const std::filesystem::path& dir, const std::string& language,
                                int width, int height) {
  CommandLine line;
  line.agenda = std::string(IJLAS_ASSET_DIR) + "/agenda/islamabad-2025.json";
  line.shot_dir = dir.string();
  line.language = language;
  line.width = width;
  line.height = height;
  line.size_given = true;
  line.clock = kFirstMorning;
  line.clock_rate = 0;
  return line;
}

}  // namespace ijlas::app::testing
