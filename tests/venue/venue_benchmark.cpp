// Publish-to-every-screen latency for 1, 10 and 50 headless kiosks on one real broker: from
// `ijlas-venue publish` to the agenda's title on the live shot of the last screen (manual time),
// with the broker's and the kiosks' resident memory as counters. Slow by nature (each kiosk is a
// process drawing its screen); run it alone: build/release/tests/bench/venue_benchmark.
#include <benchmark/benchmark.h>

#include <chrono>

#include "venue_test_support.hpp"

namespace ijlas::venue_testing {
namespace {

void PublishToEveryScreen(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  TestBroker broker("bench-" + std::to_string(count), screen_names(count));
  if (broker.init_run().exit_code != 0 || !broker.start()) {
    state.SkipWithError("the broker did not start");
    return;
  }
  const auto kiosks = start_kiosks(broker, count);
  if (kiosks.empty()) {
    state.SkipWithError("a kiosk did not start");
    return;
  }
  int round = 0;
  for (auto _ : state) {
    const std::string title = "Benchmark Agenda " + std::to_string(round++);
    const auto sent = std::chrono::steady_clock::now();
    if (publish(broker, title) != 0) {
      state.SkipWithError("ijlas-venue publish failed");
      return;
    }
    for (const auto& kiosk : kiosks)
      if (!kiosk->shows(title)) {
        state.SkipWithError("a kiosk did not show the agenda in time");
        return;
      }
    state.SetIterationTime(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count());
  }
  long kiosk_kib = 0;
  for (const auto& kiosk : kiosks)
    kiosk_kib += kiosk->process->rss_kib();
  state.counters["broker_rss_kib"] = static_cast<double>(broker.rss_kib());
  state.counters["kiosk_rss_kib"] = static_cast<double>(kiosk_kib) / count;
}
BENCHMARK(PublishToEveryScreen)
    ->Arg(1)
    ->Arg(10)
    ->Arg(50)
    ->Iterations(3)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ijlas::venue_testing

BENCHMARK_MAIN();
