// Shared by the text tests: the bundled fonts and the press release, read where the build says.
#pragma once

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
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

// The Arabic letters and vowel marks of text, in order: its Urdu words run together into one
// word with no break opportunity (no spaces, digits or punctuation).
inline std::string arabic_letters_of(std::string_view text) {
  std::string letters;
  for (std::size_t offset = 0; offset < text.size();) {
    const std::size_t start = offset;
    const char32_t cp = utf8::decode(text, offset);
    if ((cp >= 0x0621 && cp <= 0x065F) || (cp >= 0x0670 && cp <= 0x06D3)) {
      letters.append(text.substr(start, offset - start));
    }
  }
  return letters;
}

}  // namespace ijlas::text::testing
