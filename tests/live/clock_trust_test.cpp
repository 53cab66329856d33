// When the kiosk may believe its clock, what it reads off the system for that, and the last known
// time kept in the state folder.
#include "live/clock_trust.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "temporary_folder.hpp"

namespace ijlas::live {
namespace {

constexpr std::int64_t kTenTwenty = 1764134400;  // 2025-11-26T10:20:00+05:00

ClockFacts facts(std::int64_t now, std::optional<std::int64_t> last_known = std::nullopt) {
  ClockFacts result;
  result.now = Timestamp::from_seconds(now);
  if (last_known) result.last_known = Timestamp::from_seconds(*last_known);
  return result;
}

// An empty file at `relative` in the folder, with the folders above it.
void touch(const TemporaryFolder& folder, const std::filesystem::path& relative) {
  std::filesystem::create_directories((folder / relative).parent_path());
  std::ofstream(folder / relative) << "";
}

TEST(ClockTrust, AfterARebootWithoutNetworkOrRealTimeClockTheTimeIsNotSet) {
  // The board came back at the time timesyncd saved before the power cut: later than the last
  // known time, but nothing vouches for it.
  EXPECT_EQ(judge_clock(facts(kTenTwenty, kTenTwenty - 3600)), ClockVerdict::kNotSet);
  EXPECT_EQ(judge_clock(facts(kTenTwenty)), ClockVerdict::kNotSet);  // first boot ever
}

TEST(ClockTrust, AClockEarlierThanATimeAlreadySeenIsNotTrusted) {
  ClockFacts reading = facts(kTenTwenty - 86400, kTenTwenty);
  reading.has_rtc = true;
  reading.set_since_boot = true;
  EXPECT_EQ(judge_clock(reading), ClockVerdict::kBehindLastKnown);
}

TEST(ClockTrust, NetworkTimeIsTrustedEvenBehindAStoredTime) {
  ClockFacts reading = facts(kTenTwenty, kTenTwenty + 86400);  // stored by a clock that ran ahead
  reading.synchronized = true;
  EXPECT_EQ(judge_clock(reading), ClockVerdict::kTrusted);
}

TEST(ClockTrust, ARealTimeClockOrATimeSetSinceBootVouchesForAClockThatDidNotGoBack) {
  ClockFacts with_rtc = facts(kTenTwenty, kTenTwenty - 60);
  with_rtc.has_rtc = true;
  EXPECT_EQ(judge_clock(with_rtc), ClockVerdict::kTrusted);
  ClockFacts set_by_hand = facts(kTenTwenty, kTenTwenty - 60);
  set_by_hand.set_since_boot = true;
  EXPECT_EQ(judge_clock(set_by_hand), ClockVerdict::kTrusted);
  EXPECT_TRUE(trusted(judge_clock(set_by_hand)));
  EXPECT_NE(describe(ClockVerdict::kNotSet).find("the time is not set"), std::string::npos);
}

TEST(ClockTrust, ReadsTheFactsOffTheSystemFolders) {
  const TemporaryFolder root("clock-trust");
  ClockProbeRoots roots{root.path() / "run", root.path() / "sys", root.path() / "dev", false};
  const Timestamp now = Timestamp::from_seconds(kTenTwenty);
  ClockFacts bare = read_clock_facts(now, std::nullopt, roots);
  EXPECT_FALSE(bare.synchronized);
  EXPECT_FALSE(bare.has_rtc);
  EXPECT_FALSE(bare.set_since_boot);
  EXPECT_EQ(bare.now, now);

  touch(root, "sys/class/rtc/rtc0/name");
  EXPECT_TRUE(read_clock_facts(now, std::nullopt, roots).has_rtc);

  touch(root, "run/ijlas-clock-set");
  ClockFacts by_hand = read_clock_facts(now, std::nullopt, roots);
  EXPECT_TRUE(by_hand.set_since_boot);
  EXPECT_FALSE(by_hand.synchronized);

  touch(root, "run/systemd/timesync/synchronized");
  ClockFacts synced = read_clock_facts(now, Timestamp::from_seconds(1), roots);
  EXPECT_TRUE(synced.synchronized);
  EXPECT_TRUE(synced.set_since_boot);
  EXPECT_EQ(synced.last_known, Timestamp::from_seconds(1));
}

TEST(LastKnownTime, IsWrittenAtomicallyAndReadBack) {
  const TemporaryFolder state("clock-trust");
  EXPECT_EQ(read_last_known_time(state.path()), std::nullopt);
  std::string error;
  ASSERT_TRUE(write_last_known_time(state.path(), Timestamp{kTenTwenty * 1000 + 999}, error))
      << error;
  EXPECT_EQ(read_last_known_time(state.path()), Timestamp::from_seconds(kTenTwenty));
  // Nothing is left beside it.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(state.path())) {
    EXPECT_EQ(entry.path().filename(), "last-known-time");
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(LastKnownTime, AGarbledFileIsNoTime) {
  const TemporaryFolder state("clock-trust");
  std::ofstream(state.path() / "last-known-time") << "yesterday\n";
  EXPECT_EQ(read_last_known_time(state.path()), std::nullopt);
}

TEST(LastKnownTime, AnUnwritableFolderIsReported) {
  std::string error;
  EXPECT_FALSE(write_last_known_time("/nonexistent/ijlas", Timestamp{}, error));
  EXPECT_NE(error.find("/nonexistent/ijlas"), std::string::npos);
}

TEST(LastKnownTime, SavesTrustedTimesNowAndThenButNeverUntrustedOnes) {
  const TemporaryFolder state("clock-trust");
  LastKnownTime keeper(state.path(), 600);
  std::string error;
  const auto at = [](std::int64_t seconds) { return Timestamp::from_seconds(seconds); };
  EXPECT_FALSE(keeper.update(at(kTenTwenty), ClockVerdict::kNotSet, error));
  EXPECT_EQ(keeper.value(), std::nullopt);
  EXPECT_TRUE(keeper.update(at(kTenTwenty), ClockVerdict::kTrusted, error)) << error;
  EXPECT_FALSE(keeper.update(at(kTenTwenty + 599), ClockVerdict::kTrusted, error));
  EXPECT_TRUE(keeper.update(at(kTenTwenty + 600), ClockVerdict::kTrusted, error));
  EXPECT_FALSE(keeper.update(at(kTenTwenty + 9000), ClockVerdict::kBehindLastKnown, error));
  // Network time behind the saved time replaces it at once.
  EXPECT_TRUE(keeper.update(at(kTenTwenty - 60), ClockVerdict::kTrusted, error));
  EXPECT_EQ(LastKnownTime(state.path()).value(), at(kTenTwenty - 60));
}

}  // namespace
}  // namespace ijlas::live
