#include "platform/kiosk_window.hpp"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace ijlas::platform {

bool has_own_window_surface(std::string_view video_driver) {
  return video_driver != "kmsdrm" && video_driver != "KMSDRM";
}

bool would_autolaunch_session_bus(const char* bus_address, const char* runtime_dir) {
  if (bus_address && *bus_address) return false;  // an empty one libdbus takes for none
  if (!runtime_dir || !*runtime_dir) return true;
  std::error_code missing;
  return !std::filesystem::exists(std::filesystem::path(runtime_dir) / "bus", missing);
}

namespace {

// SDL connects to the session bus as it starts (to hold off a desktop's screen saver). Where there
// is none, libdbus forks the whole process to exec dbus-launch (with a DISPLAY): 250 page faults
// and about a millisecond before the first frame, for a bus that would answer nothing. While SDL
// starts, an address that cannot connect stands in: SDL then leaves D-Bus alone for good, and the
// environment is as it was before the reader's and the fetcher's children are started.
bool init_video_without_autolaunch() {
  constexpr const char* kAddress = "DBUS_SESSION_BUS_ADDRESS";
  const char* given = std::getenv(kAddress);
  const std::optional<std::string> before =
      given ? std::optional<std::string>(given) : std::nullopt;
  const bool guard = would_autolaunch_session_bus(given, std::getenv("XDG_RUNTIME_DIR"));
  if (guard) ::setenv(kAddress, "unix:path=/nonexistent", 1);
  const bool started = SDL_InitSubSystem(SDL_INIT_VIDEO) == 0;
  if (guard && before) ::setenv(kAddress, before->c_str(), 1);
  if (guard && !before) ::unsetenv(kAddress);
  return started;
}

}  // namespace

std::unique_ptr<KioskWindow> KioskWindow::open(const WindowOptions& options,
                                               text::Typesetter& typesetter, std::string& error) {
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");  // a kiosk never hides itself
  // The kiosk reads no typed text, so when SDL opens X's input method, Xlib need not compile the
  // locale's compose table: a third of the first frame's work under X (the board has no X).
  ::setenv("XCOMPOSEFILE", "/dev/null", 0);
  if (!init_video_without_autolaunch()) {
    error = std::string("SDL video: ") + SDL_GetError();
    return nullptr;
  }
  std::unique_ptr<KioskWindow> kiosk(new KioskWindow);
  const bool full_screen = options.size.width <= 0 || options.size.height <= 0;
  kiosk->window_ =
      SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                       full_screen ? 0 : options.size.width, full_screen ? 0 : options.size.height,
                       full_screen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_SHOWN);
  if (!kiosk->window_) {
    error = std::string("cannot open the window: ") + SDL_GetError();
    return nullptr;
  }

  const Uint32 vsync = options.vsync ? SDL_RENDERER_PRESENTVSYNC : 0;
  // Asked for the software renderer (SDL_RENDER_DRIVER=software): go straight to it.
  const char* wanted = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
  const bool software = options.software || (wanted && std::string_view(wanted) == "software");
  if (!software) {
    kiosk->renderer_ = SDL_CreateRenderer(kiosk->window_, -1, SDL_RENDERER_ACCELERATED | vsync);
    SDL_RendererInfo info;
    // A turned panel draws through a target texture: a renderer without them will not do.
    if (kiosk->renderer_ && options.rotation != Rotation::k0 &&
        (SDL_GetRendererInfo(kiosk->renderer_, &info) != 0 ||
         !(info.flags & SDL_RENDERER_TARGETTEXTURE))) {
      SDL_DestroyRenderer(kiosk->renderer_);
      kiosk->renderer_ = nullptr;
    }
  }
  if (!kiosk->renderer_) {
    // The software renderer draws into the window's surface. Where the video driver has a
    // surface of its own (X11, Wayland), use it: otherwise SDL puts an OpenGL renderer behind it
    // ("framebuffer acceleration"), with no GPU Mesa's llvmpipe, which took half of the start-up.
    // KMSDRM has none: SDL's texture behind the surface is its only way onto the screen.
    const char* video = SDL_GetCurrentVideoDriver();
    if (has_own_window_surface(video ? video : ""))
      SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
    kiosk->renderer_ = SDL_CreateRenderer(kiosk->window_, -1, SDL_RENDERER_SOFTWARE);
  }
  if (!kiosk->renderer_) {
    error = std::string("no renderer: ") + SDL_GetError();
    return nullptr;
  }
  if (full_screen) SDL_ShowCursor(SDL_DISABLE);

  Size physical;
  SDL_GetRendererOutputSize(kiosk->renderer_, &physical.width, &physical.height);
  Size window;
  SDL_GetWindowSize(kiosk->window_, &window.width, &window.height);
  const ScreenRotation rotation(physical, options.rotation);
  try {
    kiosk->output_ = std::make_unique<RotatedOutput>(kiosk->renderer_, rotation);
  } catch (const std::runtime_error& failure) {
    error = failure.what();
    return nullptr;
  }
  kiosk->canvas_ = std::make_unique<SdlRenderer>(kiosk->renderer_, typesetter, options.photos);
  kiosk->translator_ = std::make_unique<SdlEventTranslator>(rotation, window);
  return kiosk;
}

KioskWindow::~KioskWindow() {
  canvas_.reset();  // textures go before their renderer
  output_.reset();
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

bool KioskWindow::set_rotation(Rotation rotation, std::string& error) {
  if (rotation == output_->rotation().rotation()) return true;
  SDL_RendererInfo info;
  if (rotation != Rotation::k0 &&
      (SDL_GetRendererInfo(renderer_, &info) != 0 || !(info.flags & SDL_RENDERER_TARGETTEXTURE))) {
    error = "the renderer " + renderer_name() + " cannot draw a turned picture";
    return false;
  }
  const ScreenRotation turned(output_->rotation().physical(), rotation);
  try {
    auto output = std::make_unique<RotatedOutput>(renderer_, turned);
    output_ = std::move(output);
  } catch (const std::runtime_error& failure) {
    error = failure.what();
    return false;
  }
  Size window;
  SDL_GetWindowSize(window_, &window.width, &window.height);
  translator_ = std::make_unique<SdlEventTranslator>(turned, window);
  return true;
}

std::string KioskWindow::renderer_name() const {
  SDL_RendererInfo info;
  if (SDL_GetRendererInfo(renderer_, &info) != 0) return "unknown";
  return info.name;
}

void KioskWindow::draw(const ui::DrawList& list, text::Color background, ServiceOverlay* overlay) {
  output_->begin(background);
  canvas_->draw(list);
  if (overlay) overlay->draw(renderer_, 0, 0);
  output_->finish();
}

void KioskWindow::present() {
  SDL_RenderPresent(renderer_);
}

std::optional<InputEvent> KioskWindow::translate(const SDL_Event& event) {
  if (event.type == SDL_RENDER_TARGETS_RESET || event.type == SDL_RENDER_DEVICE_RESET) {
    canvas_->forget_textures();
  }
  if (event.type == SDL_RENDER_DEVICE_RESET) {  // the turned picture's texture is gone too
    const ScreenRotation rotation = output_->rotation();
    output_.reset();
    output_ = std::make_unique<RotatedOutput>(renderer_, rotation);
  }
  return translator_->translate(event);
}

}  // namespace ijlas::platform
