// The screens reached by tapping: the agenda of a day, one session, the speakers, one speaker.
// Each draws into the content box at a scroll offset and returns the height of its content.
#pragma once

#include <string>
#include <vector>

#include "ui/painter.hpp"
#include "ui/screen_context.hpp"

namespace ijlas::ui {

// Day tabs at the top (fixed), then the day's sessions in time order (scrolling). Returns the
// content height and sets `now_y` to the running (or next) session's offset, to open at now.
float draw_agenda_screen(Painter& painter, const ScreenContext& context, const Box& content,
                         int day, float scroll, float* now_y = nullptr);
struct SessionPageOptions {
  bool other_rooms = false;  // list what runs in the other rooms at the same time
  float hint_opacity = 0;    // the swipe hint for a first-time visitor; 0 once it has faded
};
// The session, its NOW badge and progress while it runs, a QR code of its url; at the bottom a
// fixed bar with the previous and next session of the room and the other rooms' button.
float draw_session_screen(Painter& painter, const ScreenContext& context, const Box& content,
                          const std::string& session_id, float scroll,
                          const SessionPageOptions& options = {});

// The session before (step -1) or after (+1) `session` in its room, or nullptr; `session` is one
// of `sessions` (time order).
const live::LiveSession* session_in_room(const std::vector<live::LiveSession>& sessions,
                                         const live::LiveSession& session, int step);
// The sessions in other rooms whose time overlaps `session`'s, cancelled ones left out.
std::vector<const live::LiveSession*> sessions_meanwhile(
    const std::vector<live::LiveSession>& sessions, const live::LiveSession& session);
float draw_speakers_screen(Painter& painter, const ScreenContext& context, const Box& content,
                           float scroll);
float draw_speaker_screen(Painter& painter, const ScreenContext& context, const Box& content,
                          const std::string& speaker_id, float scroll);

// The letters in a speaker's circle when there is no photo: from the English name when there is
// one ("PG" for Philip Grandi), else the first letter of the Urdu name.
std::string initials_of(const agenda::Speaker& speaker);

}  // namespace ijlas::ui
