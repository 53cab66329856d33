// Shared by the text tests: the bundled fonts and the press release, read where the build says.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "shared_files.hpp"
#include "text/font_collection.hpp"

namespace ijlas::text::testing {

inline const FontCollection& bundled_fonts() {
  static const FontCollection fonts(IJLAS_FONT_DIR);
  return fonts;
}

// Every non-empty line of ../shared/conference/press-release-ur.txt.
inline std::vector<std::string> press_release_lines() {
  std::ifstream in(shared_file("conference/press-release-ur.txt"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace ijlas::text::testing
