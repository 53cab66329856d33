// Taking in many announcement files at once (a drop folder of 10,000 files after a restart):
// each file is taken in as the delivery does it, and what is in force is merged once per poll,
// so the time grows linearly with the number of files (it was quadratic: 83 s for 10,000).
#include <benchmark/benchmark.h>

#include <memory>

#include "app/agenda_delivery.hpp"
#include "app/kiosk_setup.hpp"

namespace ijlas {
namespace {

void TakingInAnnouncementFiles(benchmark::State& state) {
  app::CommandLine line;
  line.clock = "2025-11-26T10:20+05:00";
  line.clock_rate = 0;
  std::string error;
  auto setup = app::set_up_kiosk(line, error);
  if (!setup) {
    state.SkipWithError(error.c_str());
    return;
  }
  const int files = static_cast<int>(state.range(0));
  const live::Timestamp now = setup->clock->now();
  std::vector<live::ReadOutcome> outcomes(static_cast<std::size_t>(files));
  for (int i = 0; i < files; ++i) {
    live::ReadOutcome& outcome = outcomes[static_cast<std::size_t>(i)];
    outcome.kind = live::DocumentKind::kAnnouncements;
    outcome.announcements.push_back({"a" + std::to_string(i),
                                     {"اعلان " + std::to_string(i), "Notice " + std::to_string(i)},
                                     false,
                                     live::Timestamp{now.utc_ms - 1000},
                                     live::Timestamp{now.utc_ms + 3'600'000}});
  }
  app::Configuration settings;
  settings.inbox.clear();
  settings.state_dir.clear();
  std::int64_t monotonic = 1;
  for (auto _ : state) {
    state.PauseTiming();
    app::AgendaDelivery delivery(*setup, settings);
    std::vector<live::ReadOutcome> copies = outcomes;
    state.ResumeTiming();
    for (int i = 0; i < files; ++i)
      delivery.take("inbox/news-" + std::to_string(i) + ".json",
                    std::move(copies[static_cast<std::size_t>(i)]));
    delivery.poll(++monotonic);
    benchmark::DoNotOptimize(delivery.status());
  }
  state.SetComplexityN(files);
}
BENCHMARK(TakingInAnnouncementFiles)
    ->RangeMultiplier(10)
    ->Range(100, 10'000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

}  // namespace
}  // namespace ijlas

BENCHMARK_MAIN();
