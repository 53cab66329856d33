// What a frame of each screen costs once the kiosk is running: the UI building its DrawList and
// SDL's software renderer drawing it at 1920x1080. A steady frame must shape and rasterize
// nothing: the counters report both per frame. The agenda is the bundled one at 10:20 on the
// first morning, or another given in IJLAS_BENCH_AGENDA (e.g. the FOSDEM export). The *_large
// cases add 30,000 sessions on that morning and 15,000 speakers (ui/large_agenda.hpp): their
// steady frames must cost what the bundled agenda's do.
#include <benchmark/benchmark.h>

#define SDL_MAIN_HANDLED  // main is Google Benchmark's, not SDL_main
#include <SDL.h>

#include <cstdlib>
#include <memory>

#include "agenda/agenda_loader.hpp"
#include "app/kiosk_setup.hpp"
#include "platform/sdl_renderer.hpp"
#include "text/paragraph_layout.hpp"
#include "ui/large_agenda.hpp"
#include "ui/theme.hpp"

namespace ijlas {
namespace {

struct Kiosk {
  std::unique_ptr<app::KioskSetup> setup;
  SDL_Surface* surface = nullptr;
  SDL_Renderer* renderer = nullptr;
  std::unique_ptr<platform::SdlRenderer> canvas;

  explicit Kiosk(bool large = false) {
    app::CommandLine line;
    if (const char* agenda = std::getenv("IJLAS_BENCH_AGENDA")) line.agenda = agenda;
    line.clock = "2025-11-26T10:20+05:00";
    line.clock_rate = 0;
    std::string error;
    setup = app::set_up_kiosk(line, error);
    if (!setup) {
      std::fprintf(stderr, "%s\n", error.c_str());
      std::exit(1);
    }
    setup->ui->resize(1920, 1080);
    if (large) {
      const auto loaded = agenda::load_agenda_file(app::bundled_agenda_path());
      setup->ui->set_agenda(ui::large_agenda(*loaded.agenda, 30'000, 15'000));
    }
    surface = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer = SDL_CreateSoftwareRenderer(surface);
    canvas = std::make_unique<platform::SdlRenderer>(renderer, *setup->typesetter);
  }
  ~Kiosk() {
    canvas.reset();
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }
};

Kiosk& kiosk(bool large) {
  if (large) {
    static Kiosk shared_large(true);
    return shared_large;
  }
  static Kiosk shared;
  return shared;
}

// One frame, on its own so that callgrind can count just it: valgrind --tool=callgrind
// --collect-atstart=no --toggle-collect='*steady_frame*' kiosk_frame_benchmark
// --benchmark_filter=agenda_large --benchmark_min_time=0
[[gnu::noinline]] void steady_frame(Kiosk& k) {
  ui::KioskUi& ui = *k.setup->ui;
  ui.redraw();
  const ui::DrawList& list = ui.frame();
  SDL_SetRenderDrawColor(k.renderer, 0x0B, 0x1F, 0x33, 0xFF);
  SDL_RenderClear(k.renderer);
  k.canvas->draw(list);
  benchmark::DoNotOptimize(list.commands().size());
}

void BM_SteadyFrame(benchmark::State& state, ui::ScreenKind kind, bool large = false) {
  Kiosk& k = kiosk(large);
  ui::KioskUi& ui = *k.setup->ui;
  const live::Timestamp now = k.setup->clock->now();
  const auto route = ui.sample_route(kind);
  ui.show(route ? *route : ui::Route{kind, {}});
  ui.update(now, 1'000'000);
  for (int warm = 0; warm < 2; ++warm) {  // the first frame lays out and rasterizes
    ui.redraw();
    k.canvas->draw(ui.frame());
  }
  const std::uint64_t shapes = text::shape_call_count();
  const std::uint64_t rasterized = k.setup->typesetter->atlas().rasterized_count();
  const std::uint64_t uploads = k.canvas->atlas_uploads();
  for (auto _ : state)
    steady_frame(k);
  const double frames = static_cast<double>(state.iterations());
  state.counters["shapes/frame"] = (text::shape_call_count() - shapes) / frames;
  state.counters["rasterized/frame"] =
      (k.setup->typesetter->atlas().rasterized_count() - rasterized) / frames;
  state.counters["uploads/frame"] = (k.canvas->atlas_uploads() - uploads) / frames;
}

BENCHMARK_CAPTURE(BM_SteadyFrame, now_next, ui::ScreenKind::kNowNext)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SteadyFrame, agenda, ui::ScreenKind::kAgenda)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SteadyFrame, session, ui::ScreenKind::kSession)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SteadyFrame, speakers, ui::ScreenKind::kSpeakers)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SteadyFrame, speaker, ui::ScreenKind::kSpeaker)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SteadyFrame, agenda_large, ui::ScreenKind::kAgenda, true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SteadyFrame, speakers_large, ui::ScreenKind::kSpeakers, true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ijlas

BENCHMARK_MAIN();
