// The drop folder on the real file system, with a short settle time: a file is handed over once
// it stopped changing, once per version, and never while it is still being written.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "live/inbox_watcher.hpp"
#include "temporary_folder.hpp"

namespace ijlas::live {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kSettleMs = 200;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
      .count();
}

// Polls for `ms` and returns everything handed over meanwhile.
std::vector<InboxChange> watch_for(InboxWatcher& watcher, std::int64_t ms) {
  std::vector<InboxChange> all;
  const std::int64_t end = now_ms() + ms;
  while (now_ms() < end) {
    for (InboxChange& change : watcher.poll(now_ms()))
      all.push_back(std::move(change));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return all;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(InboxWatcher, MakesTheFolderAndHandsOverFilesPresentAtTheStartOldestFirst) {
  const TemporaryFolder root("inbox-start");
  const fs::path dir = root / "inbox";
  fs::create_directories(dir);
  write(dir / "b.json", "second");
  fs::last_write_time(dir / "b.json", fs::file_time_type::clock::now());
  write(dir / "a.json", "first");
  fs::last_write_time(dir / "a.json", fs::file_time_type::clock::now() - std::chrono::hours(1));
  write(dir / ".hidden", "ignored");
  InboxWatcher watcher(dir, kSettleMs);
  ASSERT_TRUE(watcher.ok()) << watcher.error();
  const auto changes = watch_for(watcher, 100);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].path, dir / "a.json");
  EXPECT_EQ(changes[0].bytes, "first");
  EXPECT_TRUE(changes[0].present_at_start);
  EXPECT_EQ(changes[1].path, dir / "b.json");

  const TemporaryFolder made_root("inbox-made");
  const fs::path missing = made_root / "inbox" / "deeper";
  InboxWatcher made(missing, kSettleMs);
  EXPECT_TRUE(made.ok()) << made.error();
  EXPECT_TRUE(fs::is_directory(missing));
}

TEST(InboxWatcher, AFileIsHandedOverOnceItStoppedChangingAndOncePerVersion) {
  const TemporaryFolder root("inbox-settle");
  const fs::path dir = root / "inbox";
  InboxWatcher watcher(dir, kSettleMs);
  ASSERT_TRUE(watcher.ok()) << watcher.error();
  EXPECT_TRUE(watch_for(watcher, 50).empty());

  // Written in pieces, each sooner than the settle time: nothing until the writer stops.
  {
    std::ofstream slow(dir / "agenda.json", std::ios::binary);
    for (int piece = 0; piece < 8; ++piece) {
      slow << "piece " << piece << "\n" << std::flush;
      const auto during = watch_for(watcher, kSettleMs / 2);
      EXPECT_TRUE(during.empty()) << "handed over while being written";
    }
  }
  const std::int64_t closed = now_ms();
  std::vector<InboxChange> changes;
  while (changes.empty() && now_ms() - closed < 5000)
    changes = watch_for(watcher, 20);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_GE(now_ms() - closed, kSettleMs - 20);
  EXPECT_EQ(changes[0].bytes.substr(0, 8), "piece 0\n");
  EXPECT_EQ(changes[0].bytes.size(), 8u * 8u);
  EXPECT_FALSE(changes[0].present_at_start);

  // Touching without changing is not a new version; a rewrite is.
  fs::last_write_time(dir / "agenda.json", fs::last_write_time(dir / "agenda.json"));
  EXPECT_TRUE(watch_for(watcher, 3 * kSettleMs).empty());
  write(dir / "agenda.json", "new version");
  changes = watch_for(watcher, 3 * kSettleMs);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].bytes, "new version");

  // A copy tool's temporary file renamed into place counts once, under its final name.
  write(dir / ".agenda.json.part", "renamed");
  fs::rename(dir / ".agenda.json.part", dir / "moved.json");
  changes = watch_for(watcher, 3 * kSettleMs);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].path, dir / "moved.json");

  fs::remove(dir / "moved.json");
  changes = watch_for(watcher, 100);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, InboxChange::Kind::kRemoved);
  EXPECT_EQ(changes[0].path, dir / "moved.json");
}

// A dot file of the folder renamed into place was written whole (the venue link drops its
// payloads so): it needs no settle time. A file moved in from elsewhere still waits it out.
TEST(InboxWatcher, AFileRenamedFromADotFileOfTheFolderIsReadyAtOnce) {
  const TemporaryFolder root("inbox-whole");
  const fs::path dir = root / "inbox";
  const fs::path elsewhere = root / "elsewhere";
  fs::create_directories(elsewhere);
  constexpr std::int64_t kLongSettleMs = 5000;
  InboxWatcher watcher(dir, kLongSettleMs);
  ASSERT_TRUE(watcher.ok()) << watcher.error();
  EXPECT_TRUE(watch_for(watcher, 50).empty());

  write(dir / ".venue-agenda.json.part", "whole");
  fs::rename(dir / ".venue-agenda.json.part", dir / "venue-agenda.json");
  std::vector<InboxChange> changes = watch_for(watcher, 500);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].path, dir / "venue-agenda.json");
  EXPECT_EQ(changes[0].bytes, "whole");

  write(elsewhere / ".moved.json.part", "from elsewhere");
  fs::rename(elsewhere / ".moved.json.part", dir / "moved.json");
  EXPECT_TRUE(watch_for(watcher, 500).empty()) << "handed over before it settled";
}

TEST(InboxWatcher, SleepsWhenNothingSettles) {
  const TemporaryFolder root("inbox-idle");
  const fs::path dir = root / "inbox";
  InboxWatcher watcher(dir, kSettleMs);
  watcher.poll(now_ms());
  EXPECT_EQ(watcher.next_wakeup_ms(), std::numeric_limits<std::int64_t>::max());
  write(dir / "x", "x");
  watcher.poll(now_ms());
  EXPECT_LE(watcher.next_wakeup_ms(), now_ms() + kSettleMs);
}

TEST(InboxWatcher, AFolderDeletedAndMadeAgainIsWatchedAgain) {
  const TemporaryFolder root("inbox-again");
  const fs::path dir = root / "inbox";
  InboxWatcher watcher(dir, kSettleMs);
  write(dir / "news.json", "one");
  ASSERT_EQ(watch_for(watcher, 400).size(), 1u);
  fs::remove_all(dir);
  const auto gone = watch_for(watcher, 100);
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(gone[0].kind, InboxChange::Kind::kRemoved);
  EXPECT_FALSE(watcher.watching());
  fs::create_directories(dir);
  write(dir / "later.json", "two");
  const auto back = watch_for(watcher, 1600);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].bytes, "two");
  EXPECT_TRUE(watcher.watching());
}

TEST(InboxWatcher, ALinkOrFifoIsHandedOverAsAnErrorUnread) {
  const TemporaryFolder root("inbox-links");
  const fs::path dir = root / "inbox";
  fs::create_directories(dir);
  write(root / "target", "secret");
  fs::create_symlink(root / "target", dir / "link.json");
  InboxWatcher watcher(dir, kSettleMs);
  const auto changes = watch_for(watcher, 400);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_TRUE(changes[0].bytes.empty());
  EXPECT_NE(changes[0].error.find("symbolic link"), std::string::npos) << changes[0].error;
}

TEST(InboxWatcher, AFolderThatCannotBeMadeIsReportedNotThrown) {
  const TemporaryFolder root("inbox-blocked");
  const fs::path file = root / "inbox";
  write(file, "a file where the folder should be");
  InboxWatcher watcher(file / "inbox", kSettleMs);
  EXPECT_FALSE(watcher.ok());
  EXPECT_NE(watcher.error().find("cannot make the inbox"), std::string::npos) << watcher.error();
  EXPECT_TRUE(watcher.poll(now_ms()).empty());
}

}  // namespace
}  // namespace ijlas::live
