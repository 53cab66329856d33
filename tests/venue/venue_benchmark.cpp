// Publish-to-every-screen latency for 1, 10 and 50 headless kiosks on one real broker: from
// `ijlas-venue publish` to the agenda's title on the live shot of the last screen (manual time),
// with the broker's and the kiosks' resident memory as counters; and what the link adds to an
// idle kiosk's memory and CPU. Slow by nature (each kiosk is a process drawing its screen); run
// it alone: build/release/tests/bench/venue_benchmark.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "venue_test_support.hpp"

namespace ijlas::venue_testing {
namespace {

// A broker and state.range(0) kiosks on it, up and showing; empty (the state skipped) when one
// did not start.
std::vector<std::unique_ptr<VenueKiosk>> screens_on(TestBroker& broker, benchmark::State& state) {
  if (broker.init_run().exit_code != 0 || !broker.start()) {
    state.SkipWithError("the broker did not start");
    return {};
  }
  auto kiosks = start_kiosks(broker, static_cast<int>(state.range(0)));
  if (kiosks.empty()) state.SkipWithError("a kiosk did not start");
  return kiosks;
}

void PublishToEveryScreen(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  TestBroker broker("bench-" + std::to_string(count), screen_names(count));
  const auto kiosks = screens_on(broker, state);
  if (kiosks.empty()) return;
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
    ->Arg(20)
    ->Arg(50)
    ->Iterations(3)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// The user and system CPU time of `pid` so far, in milliseconds (/proc/PID/stat).
double cpu_ms(pid_t pid) {
  const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat").bytes;
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));
  std::string field;
  for (int i = 3; i < 14 && fields >> field; ++i) {
  }
  double user = 0, system = 0;
  fields >> user >> system;
  return (user + system) * 1000.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// What the venue link adds to an idle kiosk: the same headless kiosk with and without [venue]
// (connected to a real broker), side by side for ten seconds of nothing happening; counters:
// each one's resident memory and CPU time per minute.
void WhatTheBrokerAddsToAnIdleKiosk(benchmark::State& state) {
  TestBroker broker("bench-idle", {"linked"});
  if (broker.init_run().exit_code != 0 || !broker.start()) {
    state.SkipWithError("the broker did not start");
    return;
  }
  VenueKiosk with(broker, "linked");
  const fs::path alone = broker.dir() / "kiosk-alone";
  fs::create_directories(alone);
  write_file(alone / "start.json", small_agenda("Before the venue", "Opening keynote"));
  KioskProcess without(
      {"--headless", "--live-shots", (alone / "out").string(), "--inbox",
       (alone / "inbox").string(), "--state", (alone / "state").string(), "--agenda",
       (alone / "start.json").string(), "--clock", "2025-11-26T10:20+05:00", "--clock-rate", "0",
       "--lang", "en", "--size", "960x540"},
      alone / "stderr.log");
  if (!with.shows("Before the venue", 120s) ||
      !eventually(
          [&] { return shown(alone / "out").find("Before the venue") != std::string::npos; },
          120s) ||
      !eventually([&] { return with.connections() >= 1; })) {
    state.SkipWithError("a kiosk did not start");
    return;
  }
  std::this_thread::sleep_for(2s);  // past the first frames
  double with_cpu = 0, without_cpu = 0;
  for (auto _ : state) {
    const double with_from = cpu_ms(with.process->pid()), without_from = cpu_ms(without.pid());
    const auto from = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(10s);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - from).count();
    with_cpu = (cpu_ms(with.process->pid()) - with_from) * 60 / seconds;
    without_cpu = (cpu_ms(without.pid()) - without_from) * 60 / seconds;
    state.SetIterationTime(seconds);
  }
  state.counters["with_broker_rss_kib"] = static_cast<double>(with.process->rss_kib());
  state.counters["without_rss_kib"] = static_cast<double>(without.rss_kib());
  state.counters["with_broker_cpu_ms_per_min"] = with_cpu;
  state.counters["without_cpu_ms_per_min"] = without_cpu;
}
// From `ijlas-venue announce --urgent` to the announcement on the last screen's live shot, and
// its withdrawal, again and again (issue 13: within 2 s on 20 screens).
void UrgentAnnouncementToEveryScreen(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  TestBroker broker("bench-urgent-" + std::to_string(count), screen_names(count));
  const auto kiosks = screens_on(broker, state);
  if (kiosks.empty()) return;
  int round = 0;
  for (auto _ : state) {
    const std::string text = "Hall changed " + std::to_string(round++);
    const auto sent = std::chrono::steady_clock::now();
    std::vector<std::string> words = broker.organizer_options();
    words.insert(words.end(),
                 {"announce", "--ur", "ہال بدل گیا ہے", "--en", text, "--urgent", "--id", "hall"});
    if (run_venue_tool(words).exit_code != 0) {
      state.SkipWithError("ijlas-venue announce failed");
      return;
    }
    for (const auto& kiosk : kiosks)
      if (!kiosk->shows(text)) {
        state.SkipWithError("a kiosk did not show the announcement in time");
        return;
      }
    state.SetIterationTime(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count());
  }
}
BENCHMARK(UrgentAnnouncementToEveryScreen)
    ->Arg(20)
    ->Iterations(3)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK(WhatTheBrokerAddsToAnIdleKiosk)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ijlas::venue_testing

BENCHMARK_MAIN();
