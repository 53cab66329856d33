// Three conference days on an accelerated clock, headless, with random taps every 200 ms and an
// agenda swap through the inbox every few seconds: the kiosk must not crash, and its memory after
// the run must equal its memory after warm-up within a small margin. Prints both figures.
//
// The margin, 8 MiB: a steady kiosk holds its glyph atlas, paragraph cache (both bounded) and
// two agendas; what a run may add legitimately is allocator fragmentation of a few MiB. A leak
// of one agenda copy per swap (about 0.4 MiB here, ~15 swaps) or of the shaped paragraphs of the
// frames (~250 frames a second) would exceed it.
#include <gtest/gtest.h>

#include <iostream>

#include "delivery_test_support.hpp"
#include "temporary_folder.hpp"

namespace ijlas::delivery_testing {
namespace {

#ifdef IJLAS_SANITIZED_SOAK
constexpr int kRate = 8640;  // three days in 30 s
#else
constexpr int kRate = 4320;  // three days in 60 s
#endif
constexpr long kMarginKib = 8 * 1024;
constexpr auto kWarmUp = std::chrono::seconds(8);

TEST(Soak, ThreeDaysOfTapsAndAgendaSwapsWithoutCrashOrGrowth) {
  const TemporaryFolder dir("delivery-soak");
  const fs::path inbox = dir / "inbox", out = dir / "out";
  write_file(dir / "start.json", three_day_agenda("Soak conference"));
  write_file(dir / "ijlas.toml", "[timeouts]\nidle_seconds = 10\nattract_seconds = 20\n");
  const auto run_time = std::chrono::seconds(3 * 86400 / kRate);
  KioskProcess kiosk(
      {"--config", (dir / "ijlas.toml").string(), "--headless", "--live-shots", out.string(),
       "--inbox", inbox.string(), "--state", (dir / "state").string(), "--agenda",
       (dir / "start.json").string(), "--clock", "2025-11-26T08:00+05:00", "--clock-rate",
       std::to_string(kRate), "--size", "960x540", "--random-taps", "5"},
      dir / "stderr.log");
  ASSERT_TRUE(eventually([&] { return !shown(out).empty(); })) << kiosk.log();
  const auto start = std::chrono::steady_clock::now();
  long warm_kib = 0;
  int swaps = 0;
  while (std::chrono::steady_clock::now() - start < run_time) {
    ASSERT_TRUE(kiosk.running()) << "the kiosk died; " << kiosk.log();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    if (warm_kib == 0 && elapsed >= kWarmUp) warm_kib = kiosk.rss_kib();
    // Every 4 s another agenda (two versions in turn), now and then announcements and overrides.
    drop_file(inbox, "agenda.json",
              three_day_agenda(swaps % 2 ? "Soak conference" : "Soak conference, revised"));
    if (swaps % 3 == 0) {
      drop_file(inbox, "news.json",
                R"({"ijlas_announcements": 1, "announcements": [
        {"text": {"ur": "اعلان )" +
                    std::to_string(swaps) + R"(", "en": "Announcement )" + std::to_string(swaps) +
                    R"("}, "priority": ")" + (swaps % 2 ? "high" : "normal") + R"("}]})");
      drop_file(inbox, "changes.json",
                R"({"ijlas_overrides": 1, "overrides": [
        {"session": "s)" +
                    std::to_string(swaps + 1) + R"(", "status": "cancelled"}]})");
    }
    ++swaps;
    std::this_thread::sleep_for(std::chrono::seconds(4));
  }
  const long end_kib = kiosk.rss_kib();
  ASSERT_TRUE(kiosk.running()) << kiosk.log();
  const std::string log = kiosk.log();
  EXPECT_EQ(kiosk.stop(), 0) << log;
  std::cout << "soak: " << swaps << " agenda swaps, rate " << kRate << "x, RSS after warm-up "
            << warm_kib << " KiB, at the end " << end_kib << " KiB (" << (end_kib - warm_kib)
            << " KiB)\n";
  EXPECT_GE(swaps, 5);
  // A memory figure that could not be read would pass the growth check below with 0 KiB.
  EXPECT_GT(warm_kib, 0);
  EXPECT_GT(end_kib, 0);
  EXPECT_NE(log.find("agenda native with"), std::string::npos) << log;
#ifndef IJLAS_SANITIZED_SOAK
  EXPECT_LE(end_kib - warm_kib, kMarginKib);
#endif
}

}  // namespace
}  // namespace ijlas::delivery_testing
