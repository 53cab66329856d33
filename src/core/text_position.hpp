// A place in a text, the one shape every reader reports places in (the JSON parser, the CSV
// reader, the XML and iCalendar loaders); a Diagnostic's SourcePosition adds the file's name.
#pragma once

#include <string>

namespace ijlas {

struct TextPosition {
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based, counted in Unicode code points; 0 when unknown

  friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

// What a reader found wrong in a text and where, before a loader names the file.
struct TextError {
  TextPosition position;
  std::string message;  // says what is wrong and what to do
};

}  // namespace ijlas
