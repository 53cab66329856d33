// SDL events in, ui input out: one finger (or the left mouse button) as the pointer, the wheel,
// and the keys the kiosk knows. Coordinates come back in the logical (unturned) picture. Needs no
// window: tests hand it SDL_Event values made by hand.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <optional>
#include <variant>

#include "platform/screen_rotation.hpp"
#include "ui/input_event.hpp"

namespace ijlas::platform {

using InputEvent = std::variant<ui::PointerEvent, ui::KeyEvent, ui::WheelEvent>;

class SdlEventTranslator {
 public:
  // output: the renderer's output in pixels and its rotation. window: the window's size in SDL's
  // window coordinates, which mouse events use (it differs from the pixels on a HiDPI desktop).
  SdlEventTranslator(ScreenRotation output, Size window);

  // nullopt for events ui does not see: other fingers while one is down, the mouse events SDL
  // makes up from touches, hover, key repeats of toggles, unknown keys.
  std::optional<InputEvent> translate(const SDL_Event& event);

 private:
  std::optional<InputEvent> finger(const SDL_TouchFingerEvent& event);
  std::optional<InputEvent> key(const SDL_KeyboardEvent& event) const;
  ui::PointerEvent pointer(ui::PointerEvent::Phase phase, Point logical, Uint32 timestamp);
  Point from_window(int x, int y) const;  // in logical pixels
  std::int64_t unwrap(Uint32 timestamp);  // SDL's 32-bit milliseconds wrap after 49 days

  ScreenRotation output_;
  Size window_;
  std::optional<SDL_FingerID> finger_;  // the finger that is the pointer, while it is down
  SDL_TouchID touch_ = 0;
  bool mouse_down_ = false;
  std::int64_t last_time_ = 0;
};

}  // namespace ijlas::platform
