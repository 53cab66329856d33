// The accelerated path: a real window with SDL's best renderer must show the same pixels as the
// headless software path. Needs a display (run under xvfb-run, with SDL_RENDER_DRIVER=opengles2
// or opengl to pick the board's renderer); skipped where there is none, as in CI.
#include "platform/kiosk_window.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "platform/picture_renderer.hpp"
#include "platform/png_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas::platform {
namespace {

constexpr text::Color kBackground{11, 31, 51, 255};

text::Typesetter& typesetter() {
  static text::Typesetter shared(IJLAS_FONT_DIR);
  return shared;
}

ui::DrawList sample() {
  ui::DrawList list;  // for a logical 240 x 320 picture
  list.fill({10, 10, 220, 120}, {18, 48, 77, 255}, 12);
  list.fill({20, 150, 40, 40}, {242, 183, 5, 255}, 20);
  list.push_clip({0, 200, 240, 50});
  list.fill({0, 180, 240, 100}, {61, 220, 151, 255});
  list.pop_clip();
  text::TextStyle style;
  style.pixel_size = 30;
  list.text(typesetter().layout("اب اور اگلا", style), 40, 30, {255, 255, 255, 255});
  return list;
}

// What the 320 x 240 window shows after drawing `list`, and the largest difference of a colour
// channel from the headless picture of it turned by 90 degrees.
int worst_difference_from_the_headless_picture(KioskWindow& window, const ui::DrawList& list,
                                               ImageBuffer& shown) {
  window.draw(list, kBackground);
  shown = ImageBuffer(320, 240, {});
  if (SDL_RenderReadPixels(window.sdl_renderer(), nullptr, SDL_PIXELFORMAT_RGBA32,
                           shown.rgba().data(), 320 * 4) != 0) {
    ADD_FAILURE() << SDL_GetError();
    return 255;
  }
  PictureRenderer pictures(typesetter(), ScreenRotation({320, 240}, Rotation::k90));
  const ImageBuffer expected = pictures.render(list, kBackground);
  int worst = 0;
  for (std::size_t i = 0; i < expected.rgba().size(); ++i) {
    if (i % 4 == 3) continue;
    worst = std::max(worst, std::abs(shown.rgba()[i] - expected.rgba()[i]));
  }
  return worst;
}

TEST(KioskWindow, AnAcceleratedWindowShowsWhatTheHeadlessPictureShows) {
  WindowOptions options;
  options.size = {320, 240};
  options.rotation = Rotation::k90;
  options.vsync = false;
  std::string error;
  const auto window = KioskWindow::open(options, typesetter(), error);
  if (!window) GTEST_SKIP() << "no display: " << error;
  ASSERT_EQ(window->logical_size(), (Size{240, 320}));

  ImageBuffer shown(1, 1, {});
  const int worst = worst_difference_from_the_headless_picture(*window, sample(), shown);
  window->present();
  // GL blends in floating point, SDL's software blitter in integers: half-covered pixels of glyph
  // and circle edges may differ by a few levels, nothing more.
  EXPECT_LE(worst, 8) << "on " << SDL_GetCurrentVideoDriver() << " / " << window->renderer_name();
  if (const char* dir = std::getenv("IJLAS_SHOT_DIR")) {
    std::string ignored;
    write_png(std::string(dir) + "/window-" + window->renderer_name() + ".png", shown, ignored);
  }
}

// A screen the venue broker turns while it runs (ijlas-venue assign --rotate): the window lays
// out for the turned size and shows what a picture turned from the start shows. On SDL's
// offscreen driver, which needs no display.
TEST(KioskWindow, ATurnWhileRunningShowsWhatAWindowTurnedFromTheStartShows) {
  setenv("SDL_VIDEODRIVER", "offscreen", 0);
  WindowOptions options;
  options.size = {320, 240};
  options.software = true;
  options.vsync = false;
  std::string error;
  const auto window = KioskWindow::open(options, typesetter(), error);
  if (!window) GTEST_SKIP() << "no window: " << error;
  ASSERT_EQ(window->logical_size(), (Size{320, 240}));
  ASSERT_TRUE(window->set_rotation(Rotation::k90, error)) << error;
  EXPECT_EQ(window->logical_size(), (Size{240, 320}));
  EXPECT_EQ(window->rotation().degrees(), 90);

  ImageBuffer shown(1, 1, {});
  EXPECT_LE(worst_difference_from_the_headless_picture(*window, sample(), shown), 8);
}

// KMSDRM has no pixel surface for a window: SDL's software renderer reaches its screen only
// through a texture behind that surface, which turning "framebuffer acceleration" off forbids
// ("Couldn't find matching render driver", a restart loop on the board).
TEST(KioskWindow, TheSoftwareRendererKeepsSdlsTextureSurfaceOnlyOnKmsdrm) {
  EXPECT_FALSE(has_own_window_surface("KMSDRM"));
  EXPECT_FALSE(has_own_window_surface("kmsdrm"));
  EXPECT_TRUE(has_own_window_surface("x11"));
  EXPECT_TRUE(has_own_window_surface("wayland"));
  EXPECT_TRUE(has_own_window_surface("dummy"));
}

// Without a session bus libdbus forks and execs dbus-launch; a bus that is there is used as it is.
TEST(KioskWindow, OnlyAMissingSessionBusWouldBeAutolaunched) {
  const TemporaryFolder runtime("session-bus");
  EXPECT_TRUE(would_autolaunch_session_bus(nullptr, nullptr));
  EXPECT_TRUE(would_autolaunch_session_bus(nullptr, runtime.path().c_str()));
  EXPECT_FALSE(would_autolaunch_session_bus("unix:path=/run/user/1000/bus", nullptr));
  EXPECT_TRUE(would_autolaunch_session_bus("", nullptr));  // libdbus's "none"
  std::ofstream(runtime.path() / "bus") << "";             // where dbus-daemon --session listens
  EXPECT_FALSE(would_autolaunch_session_bus(nullptr, runtime.path().c_str()));
}

}  // namespace
}  // namespace ijlas::platform
