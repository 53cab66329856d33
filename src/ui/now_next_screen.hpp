// The home screen: one card per room with what is on now and what comes next (SCREENS.md), and
// the room-door variant, where one room fills the screen with the rest of its day below.
#pragma once

#include <string>

#include "ui/painter.hpp"
#include "ui/screen_context.hpp"

namespace ijlas::ui {

// The cards go on pages when they do not all fit; `page` counts on from any number.
struct NowNextPages {
  int count = 1;  // pages of cards
  int shown = 0;  // the page drawn
};
NowNextPages draw_now_next_screen(Painter& painter, const ScreenContext& context,
                                  const Box& content, int page);
// NOW and NEXT of one room as large as fits whole; the rest of its day scrolls below.
float draw_room_door_screen(Painter& painter, const ScreenContext& context, const Box& content,
                            const std::string& room_id, float scroll);

}  // namespace ijlas::ui
