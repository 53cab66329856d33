// What the kiosk does for the board around its window (firmware issue): it names the display
// card for SDL's KMSDRM by a stable path, says plainly when the touch screen cannot be read,
// turns the screen off outside the configured hours (DPMS, CEC, or a black frame) and on again
// in the morning or on a touch, and refuses to show "now" from a clock that cannot be trusted.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/command_line.hpp"
#include "app/configuration.hpp"
#include "live/clock_trust.hpp"
#include "live/screen_schedule.hpp"
#include "live/venue_time.hpp"
#include "platform/display_power.hpp"
#include "ui/kiosk_ui.hpp"

namespace ijlas::app {

class BoardDuties {
 public:
  BoardDuties(const Configuration& settings, const CommandLine& line);

  // Before SDL starts. Returns a line for the screen when the touch screen cannot be read.
  std::string prepare_display();
  // Once the window exists: DPMS through the DRM descriptor SDL holds.
  void attach(SDL_Window* window);

  // Every loop: switches the screen on or off by the schedule and tells the UI whether the
  // clock can be trusted.
  // `rehearsal`: the screens run on a rehearsal clock, so the system clock's trust does not
  // matter to them (and a rehearsal time is never kept as the last known one).
  void update(live::Timestamp now, const live::VenueTime& venue, ui::KioskUi& ui,
              bool rehearsal = false);
  // The clock's last verdict in a line ("rehearsal clock" when a rehearsal runs).
  std::string clock_summary() const;
  // The same in a word, for the venue status: "trusted", "not-trusted", "rehearsal", "unknown".
  std::string clock_trust() const;
  bool screen_on() const { return screen_on_; }
  // Off, but with nothing to switch the panel off with: show a black frame instead.
  bool wants_black_frame() const { return !screen_on_ && black_frame_; }
  // New screen-off hours (the venue broker's), from the next update() on.
  void set_screen_off(const live::ScreenSchedule& hours) {
    if (!(hours == screen_.schedule())) screen_ = live::ScreenSwitch(hours);
  }
  // A touch or a key. True when it only woke a dark screen (it then does nothing else).
  bool wake(live::Timestamp now, const live::VenueTime& venue);
  // Milliseconds until update() has something to do, at most a minute.
  std::int64_t wait_ms(live::Timestamp now, const live::VenueTime& venue) const;

 private:
  void switch_screen(bool on);

  live::ScreenSwitch screen_;
  std::unique_ptr<platform::DisplayPower> power_;
  bool screen_on_ = true;
  bool black_frame_ = false;  // no DPMS here: the screen shows black while "off"
  bool check_clock_;          // the system clock, not a rehearsal one
  std::optional<live::LastKnownTime> last_known_;
  std::int64_t clock_checked_minute_ = -1;
  std::optional<live::ClockVerdict> verdict_;
  bool rehearsal_ = false;
};

}  // namespace ijlas::app
