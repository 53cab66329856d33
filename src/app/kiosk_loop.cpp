#include "app/kiosk_loop.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <sstream>

#include <sys/resource.h>
#include <unistd.h>
#include <iostream>

#include "app/kiosk_status.hpp"
#include "platform/kiosk_window.hpp"
#include "platform/picture_renderer.hpp"
#include "platform/service_overlay.hpp"
#include "ui/theme.hpp"

namespace ijlas::app {
namespace {

// How often the loop looks for decoded photos while some are being decoded.
constexpr std::int64_t kPhotoPollMs = 20;

// Milliseconds since the kernel started this process (not since main: loading counts too).
double ms_since_process_start() {
  std::ifstream stat("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Field 22, starttime in clock ticks after boot; fields after the ")" of the command name.
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  for (int i = 3; i < 22 && fields >> field; ++i) {
  }
  unsigned long long start_ticks = 0;
  fields >> start_ticks;
  timespec now{};
  clock_gettime(CLOCK_BOOTTIME, &now);
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  return (now.tv_sec + now.tv_nsec / 1e9 - start_ticks / ticks) * 1000.0;
}

// Processor time (user and system) used so far by this process and the children it waited for:
// the first frame's cost, without the teardown that follows it in a --first-frame-exit run.
double processor_ms_so_far() {
  const auto ms = [](const timeval& time) { return time.tv_sec * 1000.0 + time.tv_usec / 1000.0; };
  rusage self{}, children{};
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  return ms(self.ru_utime) + ms(self.ru_stime) + ms(children.ru_utime) + ms(children.ru_stime);
}

std::vector<std::string> service_lines(const KioskSetup& setup, const AgendaDelivery& delivery,
                                       const platform::KioskWindow& window,
                                       const BoardDuties& board,
                                       const std::vector<std::string>& addresses, double fps) {
  std::vector<std::string> lines =
      kiosk_status_lines(setup, delivery, window.renderer_name(), board.clock_summary());
  for (const std::string& address : addresses)
    lines.push_back("address: " + address);
  lines.push_back("frames per second: " + std::to_string(std::lround(fps)));
  return lines;
}

}  // namespace

int run_kiosk(KioskSetup& setup, const CommandLine& line, AgendaDelivery& delivery,
              ServiceNotifier& notifier, BoardDuties& board) {
  platform::WindowOptions options;
  if (line.windowed || line.size_given) options.size = {line.width, line.height};
  options.photos = setup.photos;
  options.rotation =
      platform::rotation_from_degrees(line.rotation).value_or(platform::Rotation::k0);
  const std::string touch_problem = board.prepare_display();
  std::string error;
  auto window = platform::KioskWindow::open(options, *setup.typesetter, error);
  if (!window) {
    std::cerr << "ijlas: " << error << "\n";
    return 1;
  }
  board.attach(window->sdl_window());
  if (!touch_problem.empty()) setup.ui->set_notice(touch_problem);
  bool dark_drawn = false;  // the black frame shown while the screen is off without DPMS
  std::unique_ptr<platform::ServiceOverlay> overlay;
  bool overlay_open = false;
  double rate = line.clock.empty() ? 1.0 : line.clock_rate;
  int frames = 0;
  std::uint64_t fps_window_start = SDL_GetTicks64();
  double fps = 0;
  std::vector<std::string> addresses;  // looked up when the panel opens, not every frame
  bool needs_present = true;  // the window lost its picture (first frame, exposed, resized)
  // --status: looked at after every change the sources bring, else every 10 s (the age).
  std::unique_ptr<StatusFile> status;
  if (!line.status_file.empty()) status = std::make_unique<StatusFile>(line.status_file);
  std::int64_t next_status_ms = 0;

  for (bool running = true; running;) {
    const std::int64_t monotonic = static_cast<std::int64_t>(SDL_GetTicks64());
    const bool delivered = delivery.poll(monotonic);
    if (delivered) needs_present = true;
    ui::KioskUi& ui = *setup.ui;  // a new agenda in another zone brings a new UI
    const platform::Size logical = window->logical_size();
    ui.resize(static_cast<float>(logical.width), static_cast<float>(logical.height));
    const live::Timestamp now = setup.clock->now();
    board.update(now, *setup.venue, ui, setup.rehearsal_clock);
    delivery.set_clock_trust(board.clock_trust(), board.clock_summary());
    if (const auto& hours = delivery.assigned_screen_off()) board.set_screen_off(*hours);
    if (const auto degrees = delivery.assigned_rotation();
        degrees && *degrees != window->rotation().degrees()) {
      std::string refused;
      const auto turn = platform::rotation_from_degrees(*degrees);
      if (turn && window->set_rotation(*turn, refused)) {
        needs_present = true;
        continue;  // lay out again for the turned size
      }
      std::cerr << "ijlas: venue: rotation " << *degrees << " not used: " << refused << "\n";
      delivery.forget_assigned_rotation();
    }
    if (status && (delivered || monotonic >= next_status_ms)) {
      status->update(
          kiosk_status_lines(setup, delivery, window->renderer_name(), board.clock_summary()));
      next_status_ms = monotonic + 10'000;
    }
    ui.update(now, monotonic);
    if (ui.service_panel_open() != overlay_open) {
      overlay_open = ui.service_panel_open();
      if (overlay_open) addresses = platform::network_addresses();
      needs_present = true;
    }
    const ui::DrawList& list = ui.frame();
    if (window->canvas().photos_arrived()) needs_present = true;
    delivery.answer_shot_request([&] {  // drawn apart, in memory: the screen is left alone
      platform::PictureRenderer pictures(*setup.typesetter,
                                         platform::ScreenRotation(logical, platform::Rotation::k0));
      std::string error;
      return platform::thumbnail_png(pictures, list, ui::colors::kBackground,
                                     venue::kThumbnailWidth, error);
    });
    if (!board.screen_on()) {
      // Dark hours: DPMS has the panel off; without it, one black frame. Nothing else is drawn.
      if (board.wants_black_frame() && !dark_drawn) {
        window->draw(ui::DrawList{}, text::Color{0, 0, 0, 255});
        window->present();
      }
      dark_drawn = true;
      needs_present = true;
    } else if (ui.frame_changed() || needs_present || overlay_open) {
      dark_drawn = false;
      needs_present = false;
      if (overlay_open) {
        if (!overlay) overlay = std::make_unique<platform::ServiceOverlay>();
        overlay->set_lines(service_lines(setup, delivery, *window, board, addresses, fps));
      }
      window->draw(list, ui::colors::kBackground, overlay_open ? overlay.get() : nullptr);
      if (overlay_open) {
        const platform::Size panel = overlay->panel_size();
        ui.set_service_panel_size(static_cast<float>(panel.width),
                                  static_cast<float>(panel.height));
      }
      window->present();
      ++frames;
      notifier.ready(delivery.status());
      if (line.first_frame_exit) {
        std::cout << "first frame presented " << static_cast<int>(ms_since_process_start())
                  << " ms after the process started, " << processor_ms_so_far()
                  << " ms of processor time (renderer " << window->renderer_name() << ")\n";
        return 0;
      }
    }
    if (const std::uint64_t now = SDL_GetTicks64(); now - fps_window_start >= 1000) {
      fps = frames * 1000.0 / static_cast<double>(now - fps_window_start);
      frames = 0;
      fps_window_start = now;
    }

    notifier.watchdog(monotonic);

    // Sleep until the UI's next deadline; a faster rehearsal clock brings it nearer. The
    // sources and the watchdog are looked after at least every second.
    const std::int64_t after = static_cast<std::int64_t>(SDL_GetTicks64());
    std::int64_t wait = ui.next_wakeup_ms() - after;
    if (rate > 1) wait = static_cast<std::int64_t>(wait / rate);
    wait = std::min(wait, delivery.next_wakeup_ms() - after);
    wait = std::min(wait, notifier.max_sleep_ms());
    wait = std::min(wait, board.wait_ms(setup.clock->now(), *setup.venue));
    if (overlay_open) wait = std::min<std::int64_t>(wait, 1000);
    if (window->canvas().photos_waiting()) wait = std::min<std::int64_t>(wait, kPhotoPollMs);
    wait = std::clamp<std::int64_t>(wait, 1, 60'000);
    SDL_Event event;
    if (!SDL_WaitEventTimeout(&event, static_cast<int>(wait))) continue;
    do {
      if (event.type == SDL_QUIT) running = false;
      if (event.type == SDL_WINDOWEVENT && (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
                                            event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)) {
        needs_present = true;
      }
      const auto input = window->translate(event);
      if (!input) continue;
      // A touch on a dark screen only wakes it.
      const bool press =
          std::holds_alternative<ui::KeyEvent>(*input) ||
          (std::holds_alternative<ui::PointerEvent>(*input) &&
           std::get<ui::PointerEvent>(*input).phase == ui::PointerEvent::Phase::kDown);
      if (press && board.wake(setup.clock->now(), *setup.venue)) {
        needs_present = true;
        continue;
      }
      if (!board.screen_on()) continue;
      const std::int64_t at = static_cast<std::int64_t>(SDL_GetTicks64());
      if (const auto* pointer = std::get_if<ui::PointerEvent>(&*input)) ui.pointer(*pointer);
      if (const auto* key = std::get_if<ui::KeyEvent>(&*input)) ui.key(key->key, at);
      if (const auto* wheel = std::get_if<ui::WheelEvent>(&*input)) ui.wheel(*wheel, at);
    } while (SDL_PollEvent(&event));
  }
  return 0;
}

}  // namespace ijlas::app
