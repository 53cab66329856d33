// A short label in a rounded box at the start edge: NOW in gold on a running session's card and
// page, NEXT on a card's next session.
#pragma once

#include <string_view>

#include "ui/painter.hpp"

namespace ijlas::ui {

// Draws the badge with its top at y; returns its box.
Box draw_badge(Painter& painter, std::string_view text, const Box& area, float y, Color background,
               Color color);

}  // namespace ijlas::ui
