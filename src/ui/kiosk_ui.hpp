// The whole attendee-facing UI as one object: it takes input and the time, keeps the navigation,
// scrolling and motion, and produces the DrawList of the current frame. No window, no SDL: the
// app feeds it and platform draws what it returns.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agenda/agenda.hpp"
#include "live/now_next.hpp"
#include "ui/draw_list.hpp"
#include "ui/gesture_recognizer.hpp"
#include "ui/inertial_scroll.hpp"
#include "ui/input_event.hpp"
#include "ui/navigation.hpp"
#include "ui/painter.hpp"
#include "ui/screen_context.hpp"
#include "ui/screen_frame.hpp"
#include "ui/ui_action.hpp"

namespace ijlas::text {
class Typesetter;
}

namespace ijlas::ui {

struct Announcement {
  agenda::LocalizedText text;
  bool urgent = false;  // covers the content, in both languages, until it expires or is withdrawn
  std::string id;       // a notice staff hid stays hidden while its id is the same
};

struct KioskOptions {
  std::string room_id;  // room-door mode: one room fills the home screen
  Language language = Language::kUrdu;
  NavigationTimeouts timeouts;
  std::string asset_dir;  // where the agenda's relative photo paths are found
};

class KioskUi {
 public:
  KioskUi(text::Typesetter& typesetter, VenueFormat format, KioskOptions options);

  void set_agenda(std::shared_ptr<const agenda::Agenda> agenda);
  void set_announcements(std::vector<Announcement> announcements);
  void set_notice(std::string notice);  // an organizer notice, e.g. a rejected agenda file
  const std::string& notice() const { return notice_; }
  // Settings the board could not apply at boot (a bad ijlas.toml): shown in full, not as a mark,
  // because the technician at the screen has no other way to see them.
  void set_board_notice(std::string notice);
  // A file was accepted: "agenda updated: N sessions from FILE" in both languages, for a while.
  void confirm_agenda(const std::string& file, std::size_t sessions);
  // An untrustworthy clock (a board rebooted offline without a real-time clock): the screens
  // say so instead of showing a wrong "now", and the top bar shows no time.
  void set_clock_trusted(bool trusted);
  // The venue's clock is a rehearsal (the sample agenda outside its days): the top bar says so.
  void set_rehearsal_clock(bool rehearsal);
  void resize(float width, float height);

  void pointer(const PointerEvent& event);
  void key(Key key, std::int64_t monotonic_ms);
  void wheel(const WheelEvent& event, std::int64_t monotonic_ms);

  // The time on the venue's clock and a monotonic clock for motion; call before frame().
  void update(live::Timestamp now, std::int64_t monotonic_ms);

  // The screen lost its picture (a window exposed, a benchmark): build the next frame anew.
  void redraw() { dirty_ = true; }

  // The picture for the current state; rebuilt only when something changed.
  const DrawList& frame();
  bool frame_changed() const { return changed_; }
  // When update() should next be called (monotonic ms): the next animation frame while anything
  // moves, else the next minute, timer or clock change.
  std::int64_t next_wakeup_ms() const;

  Navigation& navigation() { return navigation_; }
  const Navigation& navigation() const { return navigation_; }
  const std::vector<HitTarget>& targets() const { return targets_; }
  // The staff's service panel, which the platform draws over the frame with its top-left at the
  // screen's: a three-second hold at the clock's end of the top bar, or the key, opens it. While
  // it is open no touch reaches the screen beneath, and a press outside it closes it.
  bool service_panel_open() const { return service_panel_open_; }
  void set_service_panel_size(float width, float height) { service_panel_ = {0, 0, width, height}; }
  const live::LiveState* live_state() const { return live_ ? &*live_ : nullptr; }

  // For shots and replays: the route shown, with the agenda opened at now.
  void show(Route route);
  // The first session or speaker a shot of a detail screen should show.
  std::optional<Route> sample_route(ScreenKind kind) const;

 private:
  void invalidate() { dirty_ = true; }
  DrawList build_frame();  // the steps below, in drawing order
  FrameInfo frame_info() const;
  Box sliding(const Box& content) const;
  void draw_screen(Painter& painter, const Box& content);
  void draw_focus(Painter& painter) const;
  void draw_urgent_announcement(Painter& painter) const;
  void activate(const UiAction& action, std::int64_t monotonic_ms);
  void swipe(int reading_step, std::int64_t monotonic_ms);  // +1: onwards in the reading order
  void staff_hold(const Gesture& gesture, std::int64_t monotonic_ms);
  bool turns_card_pages() const;  // Now & Next has more room cards than one screen holds
  void turn_card_page(int step, std::int64_t monotonic_ms);
  bool urgent_shown() const;
  // The session before (-1) or after (+1) the shown one in its room; false when there is none.
  bool step_session(int step, std::int64_t monotonic_ms);
  float swipe_hint_opacity() const;
  void refresh_live(bool force);
  void start_transition(std::int64_t monotonic_ms, int reading_step);
  InertialScroll& scroll();
  std::string scroll_key() const;
  Box content_box() const;

  text::Typesetter& typesetter_;
  VenueFormat format_;
  KioskOptions options_;
  Theme theme_;
  Navigation navigation_;
  GestureRecognizer gestures_;
  std::shared_ptr<const agenda::Agenda> agenda_;
  std::vector<live::LiveSession> sessions_;
  std::optional<live::LiveState> live_;
  std::vector<Announcement> announcements_;
  std::vector<std::string> dismissed_;
  std::string notice_;
  std::string board_notice_;
  std::vector<std::string> confirmation_;    // both languages, the UI's first when drawn
  std::int64_t confirmation_until_ms_ = -1;  // -1: from the next update
  bool clock_trusted_ = true;
  bool rehearsal_ = false;
  live::Timestamp now_;
  std::int64_t monotonic_ms_ = 0;
  std::map<std::string, InertialScroll> scrolls_;
  RowHeights row_heights_;  // the agenda's and speakers' rows as measured for this agenda
  bool scroll_to_now_ = true;
  float drag_dy_ = 0;                     // the current drag's movement so far
  int card_page_ = 0, card_pages_ = 1;    // Now & Next's pages of room cards
  std::int64_t card_page_since_ms_ = -1;  // when the page shown was turned to
  int focus_ = -1;                        // keyboard focus: index into the content targets
  std::int64_t transition_start_ms_ = -1;
  int transition_step_ = 0;
  std::int64_t ticker_start_ms_ = 0;
  bool other_rooms_ = false;      // the session page lists the other rooms meanwhile
  bool swipe_hint_seen_ = false;  // once per visitor: reset when idle brings the kiosk home
  std::int64_t swipe_hint_start_ms_ = -1;
  bool service_panel_open_ = false;
  Box service_panel_;           // where the open panel covers the screen, as last drawn
  bool service_touch_ = false;  // a finger that came down while the panel was open
  bool dirty_ = true, changed_ = true;
  DrawList list_;
  std::vector<HitTarget> targets_;
  std::string last_minute_text_;
};

}  // namespace ijlas::ui
