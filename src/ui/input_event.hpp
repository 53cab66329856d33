// Input as ui understands it, from any source: a finger, a mouse, a keyboard, a scripted replay.
// Coordinates are in the unrotated logical picture (platform undoes the screen's rotation).
#pragma once

#include <cstdint>

namespace ijlas::ui {

enum class Key : std::uint8_t {
  kLeft,
  kRight,
  kUp,
  kDown,
  kEnter,
  kEscape,
  kPageUp,
  kPageDown,
  kHome,
  kLanguage,
  kServiceOverlay
};

struct PointerEvent {
  enum class Phase : std::uint8_t { kDown, kMove, kUp, kCancel } phase = Phase::kDown;
  float x = 0, y = 0;
  std::int64_t time_ms = 0;  // a monotonic clock, for velocities and long presses
};

struct KeyEvent {
  Key key = Key::kEnter;
};

struct WheelEvent {
  float dy = 0;  // positive: content moves down (scrolls towards the top)
  float x = 0, y = 0;
};

}  // namespace ijlas::ui
