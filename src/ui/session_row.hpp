// One session as a row (agenda, a speaker's sessions, the room-door screen): time at the start
// edge, title and speakers, the room at the end edge, the track colour as a stripe on the start
// edge; the running session in gold, finished ones dimmed, a status word where it changed.
#pragma once

#include "ui/painter.hpp"
#include "ui/screen_context.hpp"

namespace ijlas::ui {

// The status of a session in words and colour ("Delayed 10 min"), or empty when as planned.
struct StatusLabel {
  std::string text;
  Color color;
};
StatusLabel status_label(const ScreenContext& context, const agenda::Session& session);

// Draws the row at y; returns its height.
float draw_session_row(Painter& painter, const ScreenContext& context,
                       const live::LiveSession& session, const Box& area, float y,
                       bool show_room = true);
// The height draw_session_row() would return, drawing nothing.
float session_row_height(Painter& painter, const ScreenContext& context,
                         const live::LiveSession& session, const Box& area, bool show_room = true);
inline constexpr float kMeasureOnly = -1e30f;  // a y that draw_session_row() only measures at

// A room's name in the UI language, its last short word ("1" of "Committee Room 1", "A" of
// "Hall A") bound to the word before by a no-break space, so that it never wraps alone.
std::string room_label(const agenda::Room& room, Language language);

// "Philip Oliver Gross, Ambassador Nabeel Munir": with several names, the words of each are
// bound by no-break spaces, so that a list wraps between names, never inside one.
std::string speaker_names(const ScreenContext& context, const agenda::Session& session);

}  // namespace ijlas::ui
