// The frame around every screen (SCREENS.md): the top bar with the conference title at the start
// edge and the time, date and language toggle at the end edge; the bottom bar with the three
// destinations; the announcement ticker above it. Returns the content area left between them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui/navigation.hpp"
#include "ui/painter.hpp"

namespace ijlas::ui {

struct FrameInfo {
  std::string title;          // the conference, in the UI language
  std::string time;           // "10:20" in the venue's zone
  std::string date;           // "بدھ، 26 نومبر 2025" / "Wednesday 26 November 2025"
  std::string short_date;     // without the year, for a narrow bar
  std::string shortest_date;  // for a narrower bar still, or empty (then short_date is cut)
  std::string ticker;         // the running announcement, or empty
  float ticker_offset = 0;    // how far the ticker has moved, in pixels, in the reading direction
  bool show_back = false;
  std::optional<ScreenKind> tab;  // the highlighted destination, none on detail screens
  std::string notice;  // an organizer notice (a rejected agenda file): a small mark, or empty
  std::vector<std::string> confirmation;  // "agenda updated: …" in both languages, or empty
  std::string board_notice;  // settings the board could not apply: a band in full, or empty
  bool rehearsal = false;    // the date says "rehearsal time", in the delayed colour
};

Box draw_frame(Painter& painter, const FrameInfo& info);

}  // namespace ijlas::ui
