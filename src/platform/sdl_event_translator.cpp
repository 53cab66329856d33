#include "platform/sdl_event_translator.hpp"

namespace ijlas::platform {

using Phase = ui::PointerEvent::Phase;

SdlEventTranslator::SdlEventTranslator(ScreenRotation output, Size window)
    : output_(output), window_(window) {}

std::optional<InputEvent> SdlEventTranslator::translate(const SDL_Event& event) {
  switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
      return finger(event.tfinger);

    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
      const SDL_MouseButtonEvent& button = event.button;
      if (button.which == SDL_TOUCH_MOUSEID || button.button != SDL_BUTTON_LEFT) return {};
      const bool down = event.type == SDL_MOUSEBUTTONDOWN;
      if (down == mouse_down_) return {};
      mouse_down_ = down;
      return pointer(down ? Phase::kDown : Phase::kUp, from_window(button.x, button.y),
                     button.timestamp);
    }
    case SDL_MOUSEMOTION: {
      const SDL_MouseMotionEvent& motion = event.motion;
      if (motion.which == SDL_TOUCH_MOUSEID || !mouse_down_) return {};
      return pointer(Phase::kMove, from_window(motion.x, motion.y), motion.timestamp);
    }
    case SDL_MOUSEWHEEL: {
      const SDL_MouseWheelEvent& wheel = event.wheel;
      if (wheel.which == SDL_TOUCH_MOUSEID) return {};
      const float flip = wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1.0f : 1.0f;
      const Point at = from_window(wheel.mouseX, wheel.mouseY);
      ui::WheelEvent out;
      out.dy = wheel.preciseY * flip;  // SDL: positive away from the user, i.e. towards the top
      out.x = at.x;
      out.y = at.y;
      if (out.dy == 0) return {};
      return out;
    }
    case SDL_KEYDOWN:
      return key(event.key);

    case SDL_WINDOWEVENT:
      // A pointer held down when the window loses focus will never see its release.
      if (event.window.event == SDL_WINDOWEVENT_FOCUS_LOST && (finger_ || mouse_down_)) {
        finger_.reset();
        mouse_down_ = false;
        ui::PointerEvent cancel;
        cancel.phase = Phase::kCancel;
        cancel.time_ms = unwrap(event.window.timestamp);
        return cancel;
      }
      return {};

    default:
      return {};
  }
}

std::optional<InputEvent> SdlEventTranslator::finger(const SDL_TouchFingerEvent& event) {
  if (event.touchId == SDL_MOUSE_TOUCHID) return {};  // made up from the mouse: seen as mouse
  const Size size = output_.physical();
  const Point at{event.x * static_cast<float>(size.width),
                 event.y * static_cast<float>(size.height)};
  if (event.type == SDL_FINGERDOWN) {
    if (finger_) return {};  // a second finger: ui follows only the first
    finger_ = event.fingerId;
    touch_ = event.touchId;
    return pointer(Phase::kDown, output_.to_logical(at), event.timestamp);
  }
  if (!finger_ || *finger_ != event.fingerId || touch_ != event.touchId) return {};
  if (event.type == SDL_FINGERUP) {
    finger_.reset();
    return pointer(Phase::kUp, output_.to_logical(at), event.timestamp);
  }
  return pointer(Phase::kMove, output_.to_logical(at), event.timestamp);
}

std::optional<InputEvent> SdlEventTranslator::key(const SDL_KeyboardEvent& event) const {
  const SDL_Keycode code = event.keysym.sym;
  const bool chord = (event.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) != 0;
  const auto make = [](ui::Key key) { return InputEvent{ui::KeyEvent{key}}; };
  // Held arrows and page keys repeat (they scroll); toggles and activations happen once.
  switch (code) {
    case SDLK_LEFT:
      return make(ui::Key::kLeft);
    case SDLK_RIGHT:
      return make(ui::Key::kRight);
    case SDLK_UP:
      return make(ui::Key::kUp);
    case SDLK_DOWN:
      return make(ui::Key::kDown);
    case SDLK_PAGEUP:
      return make(ui::Key::kPageUp);
    case SDLK_PAGEDOWN:
      return make(ui::Key::kPageDown);
    default:
      break;
  }
  if (event.repeat) return {};
  switch (code) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
      return make(ui::Key::kEnter);
    case SDLK_ESCAPE:
    case SDLK_AC_BACK:
      return make(ui::Key::kEscape);
    case SDLK_HOME:
      return make(ui::Key::kHome);
    case SDLK_F1:
      return make(ui::Key::kServiceOverlay);
    case SDLK_s:
      if (chord) return {};
      return make(ui::Key::kServiceOverlay);
    case SDLK_l:
      if (chord) return {};
      return make(ui::Key::kLanguage);
    default:
      return {};
  }
}

ui::PointerEvent SdlEventTranslator::pointer(Phase phase, Point at, Uint32 timestamp) {
  ui::PointerEvent event;
  event.phase = phase;
  event.x = at.x;
  event.y = at.y;
  event.time_ms = unwrap(timestamp);  // SDL's millisecond clock, one for every event
  return event;
}

std::int64_t SdlEventTranslator::unwrap(Uint32 timestamp) {
  constexpr std::int64_t kWrap = std::int64_t{1} << 32;
  std::int64_t time = (last_time_ / kWrap) * kWrap + timestamp;
  if (time + kWrap / 2 < last_time_) time += kWrap;  // far behind the last one: it wrapped
  last_time_ = time;
  return time;
}

// The mouse's window pixel to the logical pixel under it: scaled to the output, then turned by
// its centre, so that at 1:1 a pixel index maps to a pixel index.
Point SdlEventTranslator::from_window(int x, int y) const {
  const Size size = output_.physical();
  const float sx = window_.width > 0 ? static_cast<float>(size.width) / window_.width : 1.0f;
  const float sy = window_.height > 0 ? static_cast<float>(size.height) / window_.height : 1.0f;
  const Point centre = output_.to_logical(
      {(static_cast<float>(x) + 0.5f) * sx, (static_cast<float>(y) + 0.5f) * sy});
  return {centre.x - 0.5f, centre.y - 0.5f};
}

}  // namespace ijlas::platform
