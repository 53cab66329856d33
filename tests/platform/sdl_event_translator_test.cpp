#include "platform/sdl_event_translator.hpp"

#include <gtest/gtest.h>

namespace ijlas::platform {
namespace {

using Phase = ui::PointerEvent::Phase;

SDL_Event finger(Uint32 type, float x, float y, SDL_FingerID id = 1, Uint32 time = 100) {
  SDL_Event event{};
  event.tfinger.type = type;
  event.tfinger.timestamp = time;
  event.tfinger.touchId = 7;
  event.tfinger.fingerId = id;
  event.tfinger.x = x;
  event.tfinger.y = y;
  return event;
}

SDL_Event mouse_button(Uint32 type, int x, int y, Uint32 which = 0,
                       Uint8 button = SDL_BUTTON_LEFT) {
  SDL_Event event{};
  event.button.type = type;
  event.button.timestamp = 50;
  event.button.which = which;
  event.button.button = button;
  event.button.x = x;
  event.button.y = y;
  return event;
}

SDL_Event mouse_motion(int x, int y, Uint32 which = 0) {
  SDL_Event event{};
  event.motion.type = SDL_MOUSEMOTION;
  event.motion.timestamp = 60;
  event.motion.which = which;
  event.motion.x = x;
  event.motion.y = y;
  return event;
}

SDL_Event key(SDL_Keycode code, Uint8 repeat = 0, Uint16 mod = KMOD_NONE) {
  SDL_Event event{};
  event.key.type = SDL_KEYDOWN;
  event.key.repeat = repeat;
  event.key.keysym.sym = code;
  event.key.keysym.mod = mod;
  return event;
}

ui::PointerEvent as_pointer(const std::optional<InputEvent>& input) {
  EXPECT_TRUE(input.has_value());
  EXPECT_TRUE(input && std::holds_alternative<ui::PointerEvent>(*input));
  return input && std::holds_alternative<ui::PointerEvent>(*input)
             ? std::get<ui::PointerEvent>(*input)
             : ui::PointerEvent{};
}

std::optional<ui::Key> as_key(const std::optional<InputEvent>& input) {
  if (!input || !std::holds_alternative<ui::KeyEvent>(*input)) return std::nullopt;
  return std::get<ui::KeyEvent>(*input).key;
}

TEST(SdlEventTranslator, AFingerBecomesPointerDownMoveUpInPixels) {
  SdlEventTranslator translator(ScreenRotation({1920, 1080}, Rotation::k0), {1920, 1080});
  const ui::PointerEvent down =
      as_pointer(translator.translate(finger(SDL_FINGERDOWN, 0.5f, 0.25f)));
  EXPECT_EQ(down.phase, Phase::kDown);
  EXPECT_FLOAT_EQ(down.x, 960);
  EXPECT_FLOAT_EQ(down.y, 270);
  EXPECT_EQ(down.time_ms, 100);
  const ui::PointerEvent move =
      as_pointer(translator.translate(finger(SDL_FINGERMOTION, 0.25f, 0.25f, 1, 130)));
  EXPECT_EQ(move.phase, Phase::kMove);
  EXPECT_FLOAT_EQ(move.x, 480);
  EXPECT_EQ(move.time_ms, 130);
  EXPECT_EQ(as_pointer(translator.translate(finger(SDL_FINGERUP, 0.25f, 0.25f))).phase, Phase::kUp);
}

TEST(SdlEventTranslator, TouchesOnATurnedPanelComeBackInLogicalCoordinates) {
  // A portrait picture on a landscape panel turned 90 degrees clockwise: the panel's top-right
  // corner is the picture's top-left.
  SdlEventTranslator translator(ScreenRotation({1920, 1080}, Rotation::k90), {1920, 1080});
  const ui::PointerEvent down =
      as_pointer(translator.translate(finger(SDL_FINGERDOWN, 1.0f, 0.0f)));
  EXPECT_FLOAT_EQ(down.x, 0);
  EXPECT_FLOAT_EQ(down.y, 0);
  const ui::PointerEvent up = as_pointer(translator.translate(finger(SDL_FINGERUP, 0.0f, 1.0f)));
  EXPECT_FLOAT_EQ(up.x, 1080);
  EXPECT_FLOAT_EQ(up.y, 1920);
}

TEST(SdlEventTranslator, OnlyTheFirstFingerDrivesThePointer) {
  SdlEventTranslator translator(ScreenRotation({100, 100}, Rotation::k0), {100, 100});
  EXPECT_TRUE(translator.translate(finger(SDL_FINGERDOWN, 0.1f, 0.1f, 1)));
  EXPECT_FALSE(translator.translate(finger(SDL_FINGERDOWN, 0.9f, 0.9f, 2)));
  EXPECT_FALSE(translator.translate(finger(SDL_FINGERMOTION, 0.8f, 0.9f, 2)));
  EXPECT_FALSE(translator.translate(finger(SDL_FINGERUP, 0.8f, 0.9f, 2)));
  EXPECT_EQ(as_pointer(translator.translate(finger(SDL_FINGERUP, 0.2f, 0.1f, 1))).phase,
            Phase::kUp);
  // After it lifts, any finger may start the next gesture.
  EXPECT_EQ(as_pointer(translator.translate(finger(SDL_FINGERDOWN, 0.5f, 0.5f, 2))).phase,
            Phase::kDown);
}

TEST(SdlEventTranslator, TheLeftButtonDragsAndHoverIsIgnored) {
  SdlEventTranslator translator(ScreenRotation({800, 600}, Rotation::k0), {800, 600});
  EXPECT_FALSE(translator.translate(mouse_motion(10, 10)));  // hover
  const ui::PointerEvent down =
      as_pointer(translator.translate(mouse_button(SDL_MOUSEBUTTONDOWN, 30, 40)));
  EXPECT_EQ(down.phase, Phase::kDown);
  EXPECT_FLOAT_EQ(down.x, 30);
  EXPECT_FLOAT_EQ(down.y, 40);
  EXPECT_EQ(down.time_ms, 50);
  EXPECT_EQ(as_pointer(translator.translate(mouse_motion(35, 40))).phase, Phase::kMove);
  EXPECT_FALSE(
      translator.translate(mouse_button(SDL_MOUSEBUTTONDOWN, 35, 40, 0, SDL_BUTTON_RIGHT)));
  EXPECT_EQ(as_pointer(translator.translate(mouse_button(SDL_MOUSEBUTTONUP, 35, 40))).phase,
            Phase::kUp);
  EXPECT_FALSE(translator.translate(mouse_motion(36, 40)));
}

TEST(SdlEventTranslator, MouseEventsMadeUpFromTouchesAreIgnored) {
  SdlEventTranslator translator(ScreenRotation({800, 600}, Rotation::k0), {800, 600});
  EXPECT_FALSE(translator.translate(mouse_button(SDL_MOUSEBUTTONDOWN, 30, 40, SDL_TOUCH_MOUSEID)));
  EXPECT_FALSE(translator.translate(mouse_motion(31, 40, SDL_TOUCH_MOUSEID)));
  EXPECT_FALSE(translator.translate(mouse_button(SDL_MOUSEBUTTONUP, 30, 40, SDL_TOUCH_MOUSEID)));
  SDL_Event made_up = finger(SDL_FINGERDOWN, 0.5f, 0.5f);
  made_up.tfinger.touchId = SDL_MOUSE_TOUCHID;
  EXPECT_FALSE(translator.translate(made_up));
}

TEST(SdlEventTranslator, MousePixelsMapToLogicalPixelsOnATurnedPanelAndAScaledWindow) {
  // Logical 600 x 800 turned onto an 800 x 600 output shown in a 400 x 300 window.
  SdlEventTranslator translator(ScreenRotation({800, 600}, Rotation::k90), {400, 300});
  const ui::PointerEvent down =
      as_pointer(translator.translate(mouse_button(SDL_MOUSEBUTTONDOWN, 399, 0)));
  // The window's top-right pixel covers output pixels 798..799 x 0..1: logical 0..1 x 0..1.
  EXPECT_NEAR(down.x, 0.5f, 0.01f);
  EXPECT_NEAR(down.y, 0.5f, 0.01f);
}

TEST(SdlEventTranslator, TheWheelScrollsWithSdlsSignAndFlippedDevicesAreUnflipped) {
  SdlEventTranslator translator(ScreenRotation({800, 600}, Rotation::k0), {800, 600});
  SDL_Event event{};
  event.wheel.type = SDL_MOUSEWHEEL;
  event.wheel.y = 1;
  event.wheel.preciseY = 1.0f;
  event.wheel.mouseX = 100;
  event.wheel.mouseY = 200;
  auto input = translator.translate(event);
  ASSERT_TRUE(input && std::holds_alternative<ui::WheelEvent>(*input));
  EXPECT_FLOAT_EQ(std::get<ui::WheelEvent>(*input).dy, 1.0f);
  EXPECT_FLOAT_EQ(std::get<ui::WheelEvent>(*input).x, 100);
  EXPECT_FLOAT_EQ(std::get<ui::WheelEvent>(*input).y, 200);
  event.wheel.direction = SDL_MOUSEWHEEL_FLIPPED;
  input = translator.translate(event);
  ASSERT_TRUE(input && std::holds_alternative<ui::WheelEvent>(*input));
  EXPECT_FLOAT_EQ(std::get<ui::WheelEvent>(*input).dy, -1.0f);
}

TEST(SdlEventTranslator, KeysMapToUiKeys) {
  SdlEventTranslator translator(ScreenRotation({800, 600}, Rotation::k0), {800, 600});
  EXPECT_EQ(as_key(translator.translate(key(SDLK_LEFT))), ui::Key::kLeft);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_RIGHT))), ui::Key::kRight);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_UP))), ui::Key::kUp);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_DOWN))), ui::Key::kDown);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_RETURN))), ui::Key::kEnter);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_KP_ENTER))), ui::Key::kEnter);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_ESCAPE))), ui::Key::kEscape);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_AC_BACK))), ui::Key::kEscape);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_PAGEUP))), ui::Key::kPageUp);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_PAGEDOWN))), ui::Key::kPageDown);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_HOME))), ui::Key::kHome);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_l))), ui::Key::kLanguage);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_F1))), ui::Key::kServiceOverlay);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_s))), ui::Key::kServiceOverlay);
  EXPECT_FALSE(translator.translate(key(SDLK_q)));
}

TEST(SdlEventTranslator, HeldArrowsRepeatButTogglesHappenOnce) {
  SdlEventTranslator translator(ScreenRotation({800, 600}, Rotation::k0), {800, 600});
  EXPECT_EQ(as_key(translator.translate(key(SDLK_DOWN, 1))), ui::Key::kDown);
  EXPECT_EQ(as_key(translator.translate(key(SDLK_PAGEDOWN, 1))), ui::Key::kPageDown);
  EXPECT_FALSE(translator.translate(key(SDLK_l, 1)));
  EXPECT_FALSE(translator.translate(key(SDLK_F1, 1)));
  EXPECT_FALSE(translator.translate(key(SDLK_RETURN, 1)));
  EXPECT_FALSE(translator.translate(key(SDLK_s, 0, KMOD_LCTRL)));  // Ctrl+S is not the panel
}

TEST(SdlEventTranslator, TimeKeepsGrowingWhenSdlsMillisecondsWrapAfter49Days) {
  SdlEventTranslator translator(ScreenRotation({100, 100}, Rotation::k0), {100, 100});
  const auto down =
      as_pointer(translator.translate(finger(SDL_FINGERDOWN, 0.5f, 0.5f, 1, 0xFFFFFF00u)));
  const auto move =
      as_pointer(translator.translate(finger(SDL_FINGERMOTION, 0.5f, 0.5f, 1, 0x40u)));
  EXPECT_EQ(down.time_ms, 0xFFFFFF00ll);
  EXPECT_EQ(move.time_ms - down.time_ms, 0x140);
}

TEST(SdlEventTranslator, LosingFocusCancelsAHeldPointer) {
  SdlEventTranslator translator(ScreenRotation({800, 600}, Rotation::k0), {800, 600});
  SDL_Event focus{};
  focus.window.type = SDL_WINDOWEVENT;
  focus.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
  EXPECT_FALSE(translator.translate(focus));
  ASSERT_TRUE(translator.translate(finger(SDL_FINGERDOWN, 0.5f, 0.5f)));
  EXPECT_EQ(as_pointer(translator.translate(focus)).phase, Phase::kCancel);
  EXPECT_FALSE(translator.translate(finger(SDL_FINGERUP, 0.5f, 0.5f)));
}

}  // namespace
}  // namespace ijlas::platform
