#include "app/screen_shots.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

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

platform::ScreenRotation output_of(const CommandLine& line);

// The picture renderer for the shots, with the UI laid out for its (turned) size.
struct ShotContext {
  ShotContext(KioskSetup& kiosk, const CommandLine& line)
      : setup(kiosk), pictures(*kiosk.typesetter, output_of(line)), dir(line.shot_dir) {
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

platform::ScreenRotation output_of(const CommandLine& line) {
  const auto rotation = platform::parse_rotation(std::to_string(line.rotation));
  return platform::ScreenRotation({line.width, line.height},
                                  rotation.value_or(platform::Rotation::k0));
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
  const FileBytes file = read_file(line.replay);
  if (file.status == FileRead::kCannotOpen) {
    std::cerr << "ijlas: cannot read the replay script " << line.replay << "\n";
    return 2;
  }
  const ReplayScript script = parse_replay_script(line.replay, file.bytes);
  for (const Diagnostic& diagnostic : script.diagnostics.items()) {
    std::cerr << format_diagnostic(diagnostic) << "\n";
  }
  if (script.diagnostics.has_errors()) return 1;
  if (!make_dir(line.shot_dir)) return 1;

  ShotContext shot(setup, line);
  const platform::Size logical = shot.logical();
  ui::KioskUi& ui = *setup.ui;
  // A replay runs on its own frozen clock: time passes only by its wait and clock steps.
  live::Timestamp now = setup.clock->now();
  std::int64_t monotonic = kStartMonotonicMs;
  auto settle = [&](double seconds) {
    // Time passes in frames, as on the screen, so that motion and timers play out.
    const std::int64_t end = monotonic + static_cast<std::int64_t>(seconds * 1000);
    do {
      const std::int64_t step =
          std::min<std::int64_t>(std::max<std::int64_t>(end - monotonic, 0), 1000);
      monotonic += step;
      now.utc_ms += step;
      ui.update(now, monotonic);
    } while (monotonic < end);
  };
  ui.update(now, monotonic);
  auto name_of = [&](std::size_t index) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "step-%02zu-", index);
    return prefix + std::string(ui::screen_name(ui.navigation().current().kind));
  };
  if (!write_shot(shot, name_of(0))) return 1;

  for (std::size_t i = 0; i < script.steps.size(); ++i) {
    const ReplayStep& step = script.steps[i];
    const SourcePosition where{line.replay, step.line, 1};
    using Kind = ReplayStep::Kind;
    using Phase = ui::PointerEvent::Phase;
    ui.frame();  // the targets of what is on screen now
    switch (step.kind) {
      case Kind::kTapAt:
      case Kind::kTapAction: {
        float x = step.x, y = step.y;
        if (step.kind == Kind::kTapAction) {
          const ui::HitTarget* found = nullptr;
          for (const ui::HitTarget& target : ui.targets()) {
            if (target.action == step.word) found = &target;
          }
          if (!found) {
            std::cerr << format_diagnostic({Severity::kError, where,
                                            quoted(step.text) +
                                                ": nothing on the screen reacts to " +
                                                quoted(step.word) + " here"})
                      << "\n";
            return 1;
          }
          x = found->box.x + found->box.w / 2;
          y = found->box.y + found->box.h / 2;
        }
        ui.pointer({Phase::kDown, x, y, monotonic});
        ui.pointer({Phase::kUp, x, y, monotonic + 80});
        settle(0.3);
        break;
      }
      case Kind::kSwipe: {
        const float w = static_cast<float>(logical.width), y = logical.height / 2.0f;
        const float from = step.word == "left" ? 0.75f * w : 0.25f * w;
        const float to = step.word == "left" ? 0.25f * w : 0.75f * w;
        ui.pointer({Phase::kDown, from, y, monotonic});
        ui.pointer({Phase::kMove, (from + to) / 2, y, monotonic + 60});
        ui.pointer({Phase::kUp, to, y, monotonic + 120});
        settle(0.3);
        break;
      }
      case Kind::kDrag: {
        const float x = logical.width / 2.0f, y0 = logical.height / 2.0f;
        ui.pointer({Phase::kDown, x, y0, monotonic});
        for (int k = 1; k <= 10; ++k) {
          ui.pointer({Phase::kMove, x, y0 + step.y * k / 10, monotonic + std::int64_t{30} * k});
        }
        ui.pointer({Phase::kUp, x, y0 + step.y, monotonic + 400});  // slow: no fling
        settle(0.5);
        break;
      }
      case Kind::kKey: {
        static const std::pair<const char*, ui::Key> kKeys[] = {
            {"left", ui::Key::kLeft},     {"right", ui::Key::kRight},
            {"up", ui::Key::kUp},         {"down", ui::Key::kDown},
            {"enter", ui::Key::kEnter},   {"escape", ui::Key::kEscape},
            {"pageup", ui::Key::kPageUp}, {"pagedown", ui::Key::kPageDown},
            {"home", ui::Key::kHome},     {"language", ui::Key::kLanguage}};
        for (const auto& [word, key] : kKeys) {
          if (step.word == word) ui.key(key, monotonic);
        }
        settle(0.3);
        break;
      }
      case Kind::kWheel:
        ui.wheel({step.y, logical.width / 2.0f, logical.height / 2.0f}, monotonic);
        settle(0.3);
        break;
      case Kind::kWait:
        settle(step.seconds);
        break;
      case Kind::kClock: {
        const live::ClockStartParse parsed =
            live::parse_clock_start(step.word, setup.venue->zone());
        if (!parsed.start) {
          std::cerr << format_diagnostic({Severity::kError, where, parsed.error}) << "\n";
          return 1;
        }
        now = *parsed.start;
        settle(0);
        break;
      }
    }
    if (!write_shot(shot, name_of(i + 1))) return 1;
  }
  return 0;
}

}  // namespace ijlas::app
