// Turns raw pointer events into what a person meant: a tap, a long press, a horizontal swipe, or
// a vertical drag that ends with a flick velocity. Pure logic; times come with the events.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ui/input_event.hpp"

namespace ijlas::ui {

struct Gesture {
  enum class Kind : std::uint8_t {
    kTap,
    kLongPress,
    kSwipeLeft,   // the finger moved towards the left
    kSwipeRight,  // the finger moved towards the right
    kDragStart,
    kDragMove,  // dy: movement since the last event
    kDragEnd,   // velocity: pixels per second at release (for inertia)
  } kind = Kind::kTap;
  float x = 0, y = 0;  // where the gesture started
  float dy = 0;
  float velocity = 0;
};

class GestureRecognizer {
 public:
  explicit GestureRecognizer(float touch_slop_px, std::int64_t long_press_ms = 800)
      : slop_(touch_slop_px), long_press_ms_(long_press_ms) {}

  std::vector<Gesture> handle(const PointerEvent& event);
  // A long press fires while the finger is still down: ask on every tick.
  std::optional<Gesture> poll(std::int64_t now_ms);
  bool active() const { return down_; }

 private:
  enum class Mode { kUndecided, kDragging, kSwiping, kDone };
  float slop_;
  std::int64_t long_press_ms_;
  bool down_ = false;
  Mode mode_ = Mode::kUndecided;
  float start_x_ = 0, start_y_ = 0, last_y_ = 0;
  std::int64_t start_ms_ = 0;
  // Recent samples for the release velocity.
  struct Sample {
    float y;
    std::int64_t ms;
  };
  std::vector<Sample> samples_;
};

}  // namespace ijlas::ui
