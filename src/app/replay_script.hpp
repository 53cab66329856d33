// A scripted visit to the kiosk (`ijlas --replay FILE --shot DIR`): one step a line, a shot after
// each. Used by the navigation tests and by organizers rehearsing a day. The format:
//   tap X Y             a tap at logical pixels (X, Y)
//   tap ACTION          a tap on whatever the screen labels ACTION: session:ID, speaker:ID,
//                       tab:agenda, day:1, back, language, dismiss
//   swipe left|right    the finger moves towards that side
//   drag DY             a vertical drag of DY pixels (negative: the content moves up)
//   key NAME            left, right, up, down, enter, escape, pageup, pagedown, home, language
//   wheel DY            mouse wheel clicks (positive: towards the top)
//   wait SECONDS        time passes (the rehearsal clock and the idle timers)
//   clock INSTANT       the rehearsal clock jumps, e.g. 2025-11-26T11:00+05:00
// Blank lines and lines starting with # are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "ui/ui_action.hpp"

namespace ijlas::app {

struct ReplayStep {
  enum class Kind { kTapAt, kTapAction, kSwipe, kDrag, kKey, kWheel, kWait, kClock };
  Kind kind = Kind::kWait;
  int line = 0;
  float x = 0, y = 0;   // kTapAt; y is also kDrag's and kWheel's amount
  ui::UiAction action;  // kTapAction
  std::string word;     // kSwipe's side, kKey's name, kClock's instant
  double seconds = 0;   // kWait
  std::string text;     // the line as written, for names of shots and messages
};

struct ReplayScript {
  std::vector<ReplayStep> steps;
  DiagnosticList diagnostics;
};

ReplayScript parse_replay_script(const std::string& file_name, std::string_view text);

}  // namespace ijlas::app
