// How far a running session has come, as a bar across the area that fills in the reading
// direction: on its card, its room-door screen and its page alike.
#pragma once

#include "ui/painter.hpp"

namespace ijlas::ui {

// Draws the bar with its top at y for progress from 0 to 1; returns its height.
float draw_progress_bar(Painter& painter, const Box& area, float y, double progress);

}  // namespace ijlas::ui
