// Where the attendee is: a root tab and a stack of detail screens on top, the selected day, the
// language, and the timers that bring an unattended kiosk home and then into attract mode.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/ui_strings.hpp"

namespace ijlas::ui {

enum class ScreenKind { kNowNext, kAgenda, kSpeakers, kSession, kSpeaker };

const char* screen_name(ScreenKind kind);  // "now-next", "agenda", ...

struct Route {
  ScreenKind kind = ScreenKind::kNowNext;
  std::string id;  // the session or speaker shown
  bool operator==(const Route&) const = default;
};

struct NavigationTimeouts {
  std::int64_t idle_ms = 60'000;          // untouched this long: back to Now & Next
  std::int64_t attract_ms = 180'000;      // untouched this long: cycle through the screens
  std::int64_t attract_step_ms = 15'000;  // each screen of the cycle stays this long
};

class Navigation {
 public:
  explicit Navigation(Language language = Language::kUrdu, NavigationTimeouts timeouts = {})
      : language_(language), default_language_(language), timeouts_(timeouts) {}

  const Route& current() const { return stack_.back(); }
  bool at_home() const { return stack_.size() == 1 && current().kind == ScreenKind::kNowNext; }
  // Home in the kiosk's own language: where an idle kiosk returns.
  bool at_default_home() const { return at_home() && language_ == default_language_; }
  bool can_go_back() const { return stack_.size() > 1; }
  Language language() const { return language_; }
  int day() const { return day_; }
  bool attracting() const { return attracting_; }

  void open(Route route);     // a detail screen on top of the current one
  void replace(Route route);  // another detail in its place (the next session in the room)
  void show_tab(ScreenKind root);
  bool back();
  void home();
  void toggle_language();
  void set_language(Language language) { language_ = language; }
  void set_day(int day) { day_ = day; }

  // The next root tab in reading order (step +1) or the previous one (-1).
  void step_tab(int step);

  // Every touch or key: resets the timers and leaves attract mode.
  void touched(std::int64_t now_ms);
  // Moves to home or along the attract cycle when their time has come; true when it changed.
  bool tick(std::int64_t now_ms);
  // When tick() will next have something to do.
  std::int64_t next_deadline_ms() const;

 private:
  Language language_;
  Language default_language_;  // display.language: what idle returns to
  NavigationTimeouts timeouts_;
  std::vector<Route> stack_{Route{}};
  int day_ = 0;
  // Unset until the first tick: the idle clock starts when the kiosk does, whatever the
  // monotonic clock's origin (CLOCK_MONOTONIC counts from boot, SDL's ticks from SDL_Init).
  std::optional<std::int64_t> last_touch_ms_;
  bool attracting_ = false;
  std::int64_t next_attract_ms_ = 0;
};

}  // namespace ijlas::ui
