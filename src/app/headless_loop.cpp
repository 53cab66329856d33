#include "app/headless_loop.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <random>

#include "app/kiosk_status.hpp"
#include "app/screen_shots.hpp"
#include "core/write_file.hpp"
#include "live/screen_schedule.hpp"
#include "platform/picture_renderer.hpp"
#include "ui/theme.hpp"

namespace ijlas::app {
namespace {

namespace fs = std::filesystem;

int stop_pipe[2] = {-1, -1};  // written by the signal handler, read by the loop

void on_stop_signal(int) {
  const int saved = errno;
  const char byte = 1;
  [[maybe_unused]] const ssize_t written = ::write(stop_pipe[1], &byte, 1);
  errno = saved;
}

bool install_stop_signals() {
  if (::pipe2(stop_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return false;
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

std::int64_t monotonic_now_ms() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

bool write_live_shot(platform::PictureRenderer& pictures, const ui::DrawList& list,
                     const fs::path& dir) {
  std::string error;
  const fs::path temporary_png = temporary_path_of(dir / "current.png");
  if (!pictures.render_png(list, ui::colors::kBackground, temporary_png, error)) {
    std::cerr << "ijlas: " << error << "\n";
    return false;
  }
  std::error_code failed;
  fs::rename(temporary_png, dir / "current.png", failed);
  if (failed ||
      !write_whole_file(dir / "current.json", platform::text_listing_json(list, pictures.output()))
           .empty()) {
    std::cerr << "ijlas: cannot write the live shot in " << dir.string() << "\n";
    return false;
  }
  return true;
}

}  // namespace

int run_headless(KioskSetup& setup, const CommandLine& line, AgendaDelivery& delivery,
                 ServiceNotifier& notifier) {
  const fs::path out = line.live_shots;
  std::error_code failed;
  fs::create_directories(out, failed);
  if (failed) {
    std::cerr << "ijlas: cannot make the folder " << out.string() << ": " << failed.message()
              << "\n";
    return 1;
  }
  if (!install_stop_signals()) {
    std::cerr << "ijlas: cannot install the signal handlers\n";
    return 1;
  }
  // Made again when the venue broker assigns another rotation.
  auto pictures = std::make_unique<platform::PictureRenderer>(
      *setup.typesetter, picture_output(line, line.rotation), setup.photos);
  platform::Size logical = pictures->output().logical();
  const double rate = line.clock.empty() ? 1.0 : line.clock_rate;

  // --random-taps: taps anywhere on the screen, for soak runs; a fixed seed repeats a run.
  std::mt19937 random(20251126);
  std::uniform_real_distribution<float> across(0, 1);
  const std::int64_t tap_every_ms =
      line.random_taps > 0 ? std::max<std::int64_t>(1, std::llround(1000 / line.random_taps)) : 0;
  std::int64_t next_tap_ms = monotonic_now_ms() + tap_every_ms;

  // Only the board judges the system clock (BoardDuties); --clock runs on a time of its own.
  if (line.clock.empty())
    delivery.set_clock_trust("unknown", "not judged on a headless kiosk");
  else
    delivery.set_clock_trust("rehearsal", "a rehearsal clock (--clock " + line.clock + ")");
  std::int64_t last_shot_ms = -kLiveShotIntervalMs;
  std::optional<live::ScreenSwitch> dark_hours;  // from the venue broker, when assigned
  bool was_dark = false;
  const ui::DrawList nothing;  // what a dark screen shows
  std::string service_text;    // what OUT/service.txt holds
  bool shot_pending = true;
  bool shot_written = false;
  std::cerr << "ijlas: headless, live shots in " << out.string() << "\n";
  std::unique_ptr<StatusFile> status;
  if (!line.status_file.empty()) status = std::make_unique<StatusFile>(line.status_file);
  std::int64_t next_status_ms = 0;

  for (;;) {
    const std::int64_t monotonic = monotonic_now_ms();
    const bool delivered = delivery.poll(monotonic);
    // The service panel's lines, for the status file and OUT/service.txt: built at most once.
    std::optional<std::vector<std::string>> service_lines;
    const auto lines = [&]() -> const std::vector<std::string>& {
      if (!service_lines) service_lines = kiosk_status_lines(setup, delivery, "headless", {});
      return *service_lines;
    };
    if (status && (delivered || monotonic >= next_status_ms)) {
      status->update(lines());
      next_status_ms = monotonic + 10'000;
    }
    ui::KioskUi& ui = *setup.ui;  // a new agenda in another zone brings a new UI
    if (const auto degrees = delivery.assigned_rotation();
        degrees && *degrees != pictures->output().degrees()) {
      pictures = std::make_unique<platform::PictureRenderer>(
          *setup.typesetter, picture_output(line, *degrees), setup.photos);
      logical = pictures->output().logical();
      shot_pending = true;
    }
    ui.resize(static_cast<float>(logical.width), static_cast<float>(logical.height));
    // The organizer's screen-off hours (the board's BoardDuties does the same): dark, a black
    // shot, and a tap only wakes it.
    const auto& hours = delivery.assigned_screen_off();
    if (hours && (!dark_hours || !(dark_hours->schedule() == *hours))) dark_hours.emplace(*hours);
    const time::Instant venue_now = setup.venue->wall_time(setup.clock->now());
    const bool dark = dark_hours && !dark_hours->screen_on(venue_now);
    if (dark != was_dark) shot_pending = true;
    was_dark = dark;
    if (tap_every_ms > 0 && monotonic >= next_tap_ms) {
      const float x = across(random) * static_cast<float>(logical.width);
      const float y = across(random) * static_cast<float>(logical.height);
      using Phase = ui::PointerEvent::Phase;
      if (dark_hours) dark_hours->touched(venue_now);
      if (!dark) {
        ui.pointer({Phase::kDown, x, y, monotonic});
        ui.pointer({Phase::kUp, x, y, monotonic + 80});
      }
      next_tap_ms = monotonic + tap_every_ms;
    }
    ui.update(setup.clock->now(), monotonic);
    const ui::DrawList& frame = ui.frame();
    const ui::DrawList& list = dark ? nothing : frame;
    if (ui.frame_changed() || pictures->renderer().photos_arrived()) shot_pending = true;
    // What a source delivered (an agenda, an announcement) is written at once; the interval
    // only holds back the frames the screen changes by itself.
    if (shot_pending && (delivered || monotonic - last_shot_ms >= kLiveShotIntervalMs)) {
      last_shot_ms = monotonic;  // a failed write is tried again a second later
      if (write_live_shot(*pictures, list, out)) {
        shot_pending = false;
        if (!shot_written) {
          shot_written = true;
          notifier.ready(delivery.status());
        }
      }
    }
    delivery.answer_shot_request([&] {
      std::string error;
      return platform::thumbnail_png(*pictures, list, ui::colors::kBackground,
                                     venue::kThumbnailWidth, error);
    });
    // The service panel's words beside the shots, as the panel and the status file have them:
    // the organizer's notice in full, which the attendee screen shows only as a mark.
    if (shot_written) {
      std::string service;
      for (const std::string& service_line : lines())
        service += service_line + "\n";
      if (service != service_text && write_whole_file(out / "service.txt", service).empty())
        service_text = std::move(service);
    }
    notifier.watchdog(monotonic);
    if (shot_written) notifier.status(delivery.status());

    // Sleep until something is due: the UI's next change (sooner on a fast rehearsal clock),
    // the sources, a held-back shot, a tap, the watchdog; a signal or a file wakes it early.
    std::int64_t wait = ui.next_wakeup_ms() - monotonic;
    if (rate > 1) wait = static_cast<std::int64_t>(wait / rate);
    wait = std::min(wait, delivery.next_wakeup_ms() - monotonic);
    if (shot_pending) wait = std::min(wait, last_shot_ms + kLiveShotIntervalMs - monotonic);
    if (tap_every_ms > 0) wait = std::min(wait, next_tap_ms - monotonic);
    if (pictures->renderer().photos_waiting()) wait = std::min<std::int64_t>(wait, 20);
    wait = std::min(wait, notifier.max_sleep_ms());
    wait = std::clamp<std::int64_t>(wait, 1, 60'000);
    // A negative descriptor (no inbox, no file being read) is left out by poll().
    pollfd watched[3] = {{stop_pipe[0], POLLIN, 0},
                         {delivery.inbox_fd(), POLLIN, 0},
                         {delivery.reader_fd(), POLLIN, 0}};
    if (::poll(watched, 3, static_cast<int>(wait)) > 0 && (watched[0].revents & POLLIN)) {
      std::cerr << "ijlas: stopping\n";
      return 0;
    }
  }
}

}  // namespace ijlas::app
