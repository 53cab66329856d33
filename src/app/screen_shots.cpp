#include "app/screen_shots.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "app/replay_script.hpp"
#include "core/diagnostic.hpp"
#include "core/read_file.hpp"
#include "platform/picture_renderer.hpp"
#include "platform/png_file.hpp"
#include "ui/theme.hpp"

namespace ijlas::app {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kStartMonotonicMs = 1'000'000;  // any origin: only differences count

// The picture renderer for the shots, with the UI laid out for its (turned) size.
struct ShotContext {
  ShotContext(KioskSetup& kiosk, const CommandLine& line)
      : setup(kiosk),
        pictures(*kiosk.typesetter, picture_output(line, line.rotation), kiosk.photos),
        dir(line.shot_dir) {
    const platform::Size size = logical();
    kiosk.ui->resize(static_cast<float>(size.width), static_cast<float>(size.height));
  }
  platform::Size logical() const { return pictures.output().logical(); }

  KioskSetup& setup;
  platform::PictureRenderer pictures;
  fs::path dir;
};

bool write_shot(ShotContext& shot, const std::string& name) {
  const ui::DrawList& list = shot.setup.ui->frame();
  std::string error;
  const fs::path png = shot.dir / (name + ".png");
  shot.pictures.wait_for_photos(list);  // a shot shows the photos, not their placeholders
  if (!shot.pictures.render_png(list, ui::colors::kBackground, png, error)) {
    std::cerr << "ijlas: " << error << "\n";
    return false;
  }
  std::ofstream json(shot.dir / (name + ".json"));
  json << platform::text_listing_json(list, shot.pictures.output()) << "\n";
  if (!json) {
    std::cerr << "ijlas: cannot write " << (shot.dir / (name + ".json")).string() << "\n";
    return false;
  }
  std::cout << png.string() << "\n";
  return true;
}

bool make_dir(const fs::path& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    std::cerr << "ijlas: cannot make the folder " << dir.string() << ": " << error.message()
              << "\n";
    return false;
  }
  return true;
}

// The script with its diagnostics printed; nothing when the file cannot be read.
std::optional<ReplayScript> read_replay_script(const std::string& path) {
  const FileBytes file = read_file(path);
  if (file.status == FileRead::kCannotOpen) {
    std::cerr << "ijlas: cannot read the replay script " << path << "\n";
    return std::nullopt;
  }
  ReplayScript script = parse_replay_script(path, file.bytes);
  for (const Diagnostic& diagnostic : script.diagnostics.items()) {
    std::cerr << format_diagnostic(diagnostic) << "\n";
  }
  return script;
}

// A scripted visit on its own frozen clock: time passes only by its wait and clock steps, in
// frames as on the screen, so that motion and timers play out.
class Replay {
 public:
  Replay(ShotContext& shot, std::string file)
      : shot_(shot),
        ui_(*shot.setup.ui),
        logical_(shot.logical()),
        file_(std::move(file)),
        now_(shot.setup.clock->now()) {
    ui_.update(now_, monotonic_);
  }

  // The shot after step `index` (0: before the first), named after the screen it shows.
  bool shoot(std::size_t index) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "step-%02zu-", index);
    return write_shot(shot_,
                      prefix + std::string(ui::screen_name(ui_.navigation().current().kind)));
  }

  // False, with the reason printed, when the step cannot be played here.
  bool perform(const ReplayStep& step) {
    using Kind = ReplayStep::Kind;
    ui_.frame();  // the targets of what is on screen now
    switch (step.kind) {
      case Kind::kTapAt:
        tap(step.x, step.y);
        return true;
      case Kind::kTapAction:
        return tap_action(step);
      case Kind::kSwipe:
        swipe(step.word == "left");
        return true;
      case Kind::kDrag:
        drag(step.y);
        return true;
      case Kind::kKey:
        press(step.word);
        return true;
      case Kind::kWheel:
        ui_.wheel({step.y, logical_.width / 2.0f, logical_.height / 2.0f}, monotonic_);
        settle(0.3);
        return true;
      case Kind::kWait:
        settle(step.seconds);
        return true;
      case Kind::kClock:
        return set_clock(step);
    }
    return true;
  }

 private:
  using Phase = ui::PointerEvent::Phase;

  void settle(double seconds) {
    const std::int64_t end = monotonic_ + static_cast<std::int64_t>(seconds * 1000);
    do {
      const std::int64_t step =
          std::min<std::int64_t>(std::max<std::int64_t>(end - monotonic_, 0), 1000);
      monotonic_ += step;
      now_.utc_ms += step;
      ui_.update(now_, monotonic_);
    } while (monotonic_ < end);
  }

  void tap(float x, float y) {
    ui_.pointer({Phase::kDown, x, y, monotonic_});
    ui_.pointer({Phase::kUp, x, y, monotonic_ + 80});
    settle(0.3);
  }

  // A tap in the middle of the last target drawn for the step's action.
  bool tap_action(const ReplayStep& step) {
    const ui::HitTarget* found = nullptr;
    for (const ui::HitTarget& target : ui_.targets()) {
      if (target.action == step.action) found = &target;
    }
    if (!found) {
      fail(step, ijlas::quoted(step.text) + ": nothing on the screen reacts to " +
                     ijlas::quoted(ui::action_text(step.action)) + " here");
      return false;
    }
    tap(found->box.x + found->box.w / 2, found->box.y + found->box.h / 2);
    return true;
  }

  void swipe(bool towards_left) {
    const float w = static_cast<float>(logical_.width), y = logical_.height / 2.0f;
    const float from = towards_left ? 0.75f * w : 0.25f * w;
    const float to = towards_left ? 0.25f * w : 0.75f * w;
    ui_.pointer({Phase::kDown, from, y, monotonic_});
    ui_.pointer({Phase::kMove, (from + to) / 2, y, monotonic_ + 60});
    ui_.pointer({Phase::kUp, to, y, monotonic_ + 120});
    settle(0.3);
  }

  void drag(float dy) {
    const float x = logical_.width / 2.0f, y0 = logical_.height / 2.0f;
    ui_.pointer({Phase::kDown, x, y0, monotonic_});
    for (int k = 1; k <= 10; ++k) {
      ui_.pointer({Phase::kMove, x, y0 + dy * k / 10, monotonic_ + std::int64_t{30} * k});
    }
    ui_.pointer({Phase::kUp, x, y0 + dy, monotonic_ + 400});  // slow: no fling
    settle(0.5);
  }

  void press(const std::string& name) {
    static const std::pair<const char*, ui::Key> kKeys[] = {
        {"left", ui::Key::kLeft},     {"right", ui::Key::kRight},
        {"up", ui::Key::kUp},         {"down", ui::Key::kDown},
        {"enter", ui::Key::kEnter},   {"escape", ui::Key::kEscape},
        {"pageup", ui::Key::kPageUp}, {"pagedown", ui::Key::kPageDown},
        {"home", ui::Key::kHome},     {"language", ui::Key::kLanguage}};
    for (const auto& [word, key] : kKeys) {
      if (name == word) ui_.key(key, monotonic_);
    }
    settle(0.3);
  }

  bool set_clock(const ReplayStep& step) {
    const live::ClockStartParse parsed =
        live::parse_clock_start(step.word, shot_.setup.venue->zone());
    if (!parsed.start) {
      fail(step, parsed.error);
      return false;
    }
    now_ = *parsed.start;
    settle(0);
    return true;
  }

  void fail(const ReplayStep& step, const std::string& message) const {
    std::cerr << format_diagnostic({Severity::kError, {file_, step.line, 1}, message}) << "\n";
  }

  ShotContext& shot_;
  ui::KioskUi& ui_;
  platform::Size logical_;
  std::string file_;
  live::Timestamp now_;
  std::int64_t monotonic_ = kStartMonotonicMs;
};
}  // namespace

int write_screen_shots(KioskSetup& setup, const CommandLine& line) {
  if (!make_dir(line.shot_dir)) return 1;
  ShotContext shot(setup, line);
  ui::KioskUi& ui = *setup.ui;
  const live::Timestamp now = setup.clock->now();
  ui.update(now, kStartMonotonicMs);

  using ui::ScreenKind;
  for (const ScreenKind kind : {ScreenKind::kNowNext, ScreenKind::kAgenda, ScreenKind::kSession,
                                ScreenKind::kSpeakers, ScreenKind::kSpeaker}) {
    ui::Route route{kind, {}};
    if (kind == ScreenKind::kSession || kind == ScreenKind::kSpeaker) {
      const auto sample = ui.sample_route(kind);
      if (!sample) continue;
      route = *sample;
    }
    ui.show(route);
    ui.update(now, kStartMonotonicMs);
    const std::string name =
        kind == ScreenKind::kNowNext && !line.room.empty() ? "room-door" : ui::screen_name(kind);
    if (!write_shot(shot, name)) return 1;
  }
  return 0;
}

int run_replay(KioskSetup& setup, const CommandLine& line) {
  const std::optional<ReplayScript> script = read_replay_script(line.replay);
  if (!script) return 2;  // the script itself cannot be read
  if (script->diagnostics.has_errors()) return 1;
  if (!make_dir(line.shot_dir)) return 1;

  ShotContext shot(setup, line);
  Replay replay(shot, line.replay);
  if (!replay.shoot(0)) return 1;
  for (std::size_t i = 0; i < script->steps.size(); ++i) {
    if (!replay.perform(script->steps[i]) || !replay.shoot(i + 1)) return 1;
  }
  return 0;
}

platform::ScreenRotation picture_output(const CommandLine& line, int degrees) {
  const auto rotation = platform::rotation_from_degrees(degrees);
  return platform::ScreenRotation({line.width, line.height},
                                  rotation.value_or(platform::Rotation::k0));
}

}  // namespace ijlas::app
