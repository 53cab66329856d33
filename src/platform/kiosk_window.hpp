// The kiosk's screen: a full-screen window (or a window of a given size on a desktop), the best
// renderer SDL offers (accelerated, else software), no cursor, and the logical picture turned onto
// the panel. The main loop is the app's: it asks this for frames and for input.
#pragma once

#include <SDL.h>

#include <memory>
#include <string>
#include <string_view>

#include "platform/screen_rotation.hpp"
#include "platform/sdl_event_translator.hpp"
#include "platform/sdl_renderer.hpp"
#include "platform/service_overlay.hpp"
#include "text/typesetter.hpp"
#include "ui/draw_list.hpp"

namespace ijlas::platform {

struct WindowOptions {
  Size size;                         // 0 x 0: full screen at the display's own mode
  Rotation rotation = Rotation::k0;  // how the panel is mounted
  bool software = false;             // force SDL's software renderer
  bool vsync = true;
  std::string title = "ijlas";
  PhotoLoading photos;  // how speaker photos are decoded
};

// Whether SDL's video driver (SDL_GetCurrentVideoDriver()) gives a window a pixel surface of its
// own for the software renderer; KMSDRM does not, and SDL draws that surface through a texture.
bool has_own_window_surface(std::string_view video_driver);

// Whether libdbus, asked for the session bus, would start one ("autolaunch": a fork of the whole
// process and an exec of dbus-launch): no DBUS_SESSION_BUS_ADDRESS and no user bus socket in
// XDG_RUNTIME_DIR. Either may be null (unset); libdbus takes an empty address for none.
bool would_autolaunch_session_bus(const char* bus_address, const char* runtime_dir);

class KioskWindow {
 public:
  // Initialises SDL's video and opens the window; nullptr and the reason in error on failure.
  static std::unique_ptr<KioskWindow> open(const WindowOptions& options,
                                           text::Typesetter& typesetter, std::string& error);
  ~KioskWindow();
  KioskWindow(const KioskWindow&) = delete;
  KioskWindow& operator=(const KioskWindow&) = delete;

  Size logical_size() const { return output_->rotation().logical(); }  // what ui lays out
  const ScreenRotation& rotation() const { return output_->rotation(); }
  // Turns the picture on the panel while running (a rotation the venue broker assigned); false
  // with the reason when this renderer cannot draw a turned picture.
  bool set_rotation(Rotation rotation, std::string& error);
  std::string renderer_name() const;  // "opengles2", "software", ...

  // One frame: clear, the DrawList, the service panel (when given) at the logical top-left,
  // all turned onto the panel. Shown by present().
  void draw(const ui::DrawList& list, text::Color background, ServiceOverlay* overlay = nullptr);
  void present();

  // Input in logical coordinates. Also call for every event: a render reset drops textures.
  std::optional<InputEvent> translate(const SDL_Event& event);

  SDL_Window* sdl_window() const { return window_; }
  SDL_Renderer* sdl_renderer() const { return renderer_; }
  const SdlRenderer& canvas() const { return *canvas_; }

 private:
  KioskWindow() = default;

  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<SdlRenderer> canvas_;
  std::unique_ptr<RotatedOutput> output_;
  std::unique_ptr<SdlEventTranslator> translator_;
};

}  // namespace ijlas::platform
