// The drop folder end to end: the real ijlas binary, headless, on the real file system. A good
// file replaces the agenda; a truncated, random, empty or half-written one never does, and the
// notice on the screen names the problem. The accepted agenda survives a restart.
#include <gtest/gtest.h>

#include <poll.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <fstream>
#include <random>

#include "agenda/agenda_loader.hpp"
#include "core/diagnostic.hpp"
#include "delivery_test_support.hpp"
#include "temporary_folder.hpp"

namespace ijlas::delivery_testing {
namespace {

constexpr const char* kMorning = "2025-11-26T10:20+05:00";

struct Kiosk {
  TemporaryFolder dir;
  fs::path inbox, state, out;
  std::unique_ptr<KioskProcess> process;

  explicit Kiosk(const std::string& name, std::vector<std::string> extra = {},
                 std::map<std::string, std::string> environment = {})
      : dir("delivery-" + name), inbox(dir / "inbox"), state(dir / "state"), out(dir / "out") {
    write_file(dir / "start.json", small_agenda("Agenda A", "Opening keynote"));
    start(std::move(extra), std::move(environment));
  }
  void start(std::vector<std::string> extra = {},
             std::map<std::string, std::string> environment = {}) {
    std::vector<std::string> arguments = {"--headless",
                                          "--live-shots",
                                          out.string(),
                                          "--inbox",
                                          inbox.string(),
                                          "--state",
                                          state.string(),
                                          "--agenda",
                                          (dir / "start.json").string(),
                                          "--clock",
                                          kMorning,
                                          "--clock-rate",
                                          "0",
                                          "--lang",
                                          "en",
                                          "--size",
                                          "960x540",
                                          "--config",
                                          (dir / "none.toml").string()};
    write_file(dir / "none.toml", "# the defaults\n");
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    process = std::make_unique<KioskProcess>(arguments, dir / "stderr.log", environment);
  }
  bool shows(const std::string& text) {
    return eventually([&] { return shown(out).find(text) != std::string::npos; });
  }
  std::string log() const { return process->log(); }
};

TEST(InboxDelivery, AGoodFileReplacesTheAgendaAndBadOnesLeaveItWithANotice) {
  Kiosk kiosk("good-and-bad");
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();

  const std::string agenda_b = small_agenda("Agenda B", "Second keynote");
  drop_file(kiosk.inbox, "agenda-b.json", agenda_b);
  ASSERT_TRUE(kiosk.shows("Second keynote")) << kiosk.log();
  EXPECT_EQ(shown(kiosk.out).find("Not used"), std::string::npos);

  // Each bad file: the notice names it with line and column; the agenda stays.
  std::mt19937 random(5);
  std::string noise(4096, '\0');
  for (char& c : noise)
    c = static_cast<char>(random() & 0xFF);
  const struct {
    const char* name;
    std::string bytes;
    const char* expected;  // in the notice
  } bad_files[] = {
      {"truncated.json", agenda_b.substr(0, agenda_b.size() / 2), "Not used: truncated.json:"},
      {"noise.bin", noise, "Not used: noise.bin:1:1:"},
      {"empty.json", "", "Not used: empty.json:1:1: the file is empty"},
  };
  for (const auto& bad : bad_files) {
    SCOPED_TRACE(bad.name);
    drop_file(kiosk.inbox, bad.name, bad.bytes);
    ASSERT_TRUE(kiosk.shows(bad.expected)) << shown(kiosk.out) << kiosk.log();
    EXPECT_NE(shown(kiosk.out).find("Second keynote"), std::string::npos);
  }
  // A session that ends before it starts: the notice gives its line and column.
  std::string ends_early = small_agenda("Agenda C", "Backwards");
  ends_early.replace(ends_early.find("T11:00:00"), 9, "T09:00:00");
  drop_file(kiosk.inbox, "ends-early.json", ends_early);
  ASSERT_TRUE(kiosk.shows("Not used: ends-early.json:6:51: session")) << kiosk.log();
  const std::string notice = shown(kiosk.out);
  EXPECT_NE(notice.find("before it starts"), std::string::npos) << notice;
  EXPECT_NE(notice.find("Second keynote"), std::string::npos);
  EXPECT_NE(kiosk.log().find("ends-early.json:6:51: error: session " + quoted("keynote") +
                             " ends (09:00) before it starts (10:00): correct the end"),
            std::string::npos)
      << kiosk.log();

  // A file still being written is not read until it has stopped changing: meanwhile the old
  // agenda stays and no notice is about it; once finished, it is shown and the notice is gone.
  const std::string agenda_d = small_agenda("Agenda D", "Written slowly");
  {
    std::ofstream slow(kiosk.inbox / "slow.json", std::ios::binary);
    const std::size_t piece = agenda_d.size() / 8 + 1;
    for (std::size_t at = 0; at < agenda_d.size(); at += piece) {
      slow << agenda_d.substr(at, piece) << std::flush;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      const std::string now = shown(kiosk.out);
      EXPECT_EQ(now.find("slow.json"), std::string::npos) << "read while being written";
      EXPECT_NE(now.find("Second keynote"), std::string::npos);
    }
  }
  ASSERT_TRUE(kiosk.shows("Written slowly")) << kiosk.log();
  EXPECT_TRUE(eventually([&] { return shown(kiosk.out).find("Not used") == std::string::npos; }));
  EXPECT_EQ(kiosk.process->stop(), 0) << kiosk.log();
}

TEST(InboxDelivery, TheLastGoodAgendaIsShownAfterARestartWithNoSource) {
  Kiosk kiosk("restart");
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  drop_file(kiosk.inbox, "new.xml", small_agenda("Agenda B", "Kept keynote"));
  ASSERT_TRUE(kiosk.shows("Kept keynote")) << kiosk.log();
  ASSERT_EQ(kiosk.process->stop(), 0);
  EXPECT_TRUE(fs::exists(kiosk.state / "agenda.json"));

  // Restart with the inbox gone (a file where it should be): the stored agenda wins over
  // --agenda, and the missing inbox is said once, not fatal.
  fs::remove_all(kiosk.inbox);
  write_file(kiosk.inbox, "not a folder");
  fs::remove(kiosk.out / "current.json");
  fs::remove(kiosk.out / "service.txt");
  kiosk.start();
  ASSERT_TRUE(kiosk.shows("Kept keynote")) << kiosk.log();
  EXPECT_NE(kiosk.log().find("carrying on without the inbox"), std::string::npos) << kiosk.log();
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, AnnouncementsAndOverridesComeThroughTheSameFolder) {
  Kiosk kiosk("live-changes");
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  drop_file(kiosk.inbox, "news.json", R"({"ijlas_announcements": 1, "announcements": [
    {"id": "tea", "text": {"ur": "چائے تیار ہے", "en": "Tea is served in the lobby"}},
    {"id": "later", "text": "Not yet", "from": "2025-11-27T09:00+05:00"}]})");
  ASSERT_TRUE(kiosk.shows("Tea is served in the lobby")) << kiosk.log();
  EXPECT_EQ(shown(kiosk.out).find("Not yet"), std::string::npos);

  drop_file(kiosk.inbox, "changes.json", R"({"ijlas_overrides": 1, "overrides": [
    {"session": "keynote", "status": "cancelled"},
    {"session": "no-such-talk", "status": {"state": "delayed", "minutes": 10}}]})");
  ASSERT_TRUE(kiosk.shows("changes.json:3:5: no session")) << shown(kiosk.out) << kiosk.log();
  ASSERT_TRUE(kiosk.shows("Cancelled")) << shown(kiosk.out);

  // Taking the file away takes its overrides away.
  fs::remove(kiosk.inbox / "changes.json");
  EXPECT_TRUE(eventually([&] { return shown(kiosk.out).find("Cancelled") == std::string::npos; }))
      << shown(kiosk.out);
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, TellsSystemdWhenTheFirstPictureIsOutAndKeepsThePetFed) {
  const TemporaryFolder dir("delivery-notify");
  const fs::path socket_path = dir / "notify.sock";
  const int sock = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);

  Kiosk kiosk("notify-kiosk", {},
              {{"NOTIFY_SOCKET", socket_path.string()}, {"WATCHDOG_USEC", "1000000"}});
  std::vector<std::string> messages;
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(8);
  int watchdogs_after_ready = 0;
  bool shot_before_ready = false;
  while (std::chrono::steady_clock::now() < end && watchdogs_after_ready < 3) {
    pollfd readable{sock, POLLIN, 0};
    if (::poll(&readable, 1, 200) <= 0) continue;
    char buffer[512];
    const ssize_t got = ::recv(sock, buffer, sizeof buffer, 0);
    if (got <= 0) continue;
    const std::string message(buffer, static_cast<std::size_t>(got));
    if (message.rfind("READY=1", 0) == 0)
      shot_before_ready = fs::exists(kiosk.out / "current.json");
    if (message == "WATCHDOG=1" && !messages.empty()) ++watchdogs_after_ready;
    if (message.rfind("READY=1", 0) == 0 || !messages.empty()) messages.push_back(message);
  }
  ::close(sock);
  ASSERT_FALSE(messages.empty()) << "no READY=1; " << kiosk.log();
  EXPECT_NE(messages[0].find("STATUS=showing start.json"), std::string::npos) << messages[0];
  EXPECT_TRUE(shot_before_ready) << "READY=1 came before the first picture";
  EXPECT_GE(watchdogs_after_ready, 3) << "the loop does not feed the watchdog every 0.5 s";
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, ABadSettingsFileNeverStopsTheKioskItSaysWhatToFix) {
  const TemporaryFolder dir("delivery-bad-config");
  write_file(dir / "ijlas.toml", "[display]\nlanguage = \"en\"\nrotaton = 90\n");
  KioskProcess kiosk({"--config", (dir / "ijlas.toml").string(), "--headless", "--live-shots",
                      (dir / "out").string(), "--state", (dir / "state").string(), "--inbox",
                      (dir / "inbox").string()},
                     dir / "stderr.log");
  EXPECT_TRUE(eventually([&] {
    return shown(dir / "out").find("Settings: ijlas.toml:3:1: unknown key") != std::string::npos;
  })) << shown(dir / "out")
      << kiosk.log();
  EXPECT_TRUE(kiosk.running());
  EXPECT_NE(
      kiosk.log().find("ijlas.toml:3:1: error: unknown key " + quoted("rotaton") + " in [display]"),
      std::string::npos)
      << kiosk.log();
  EXPECT_EQ(kiosk.stop(), 0);
}

TEST(InboxDelivery, AnAgendaGivenThatCannotBeShownGivesWayToTheBundledOne) {
  const TemporaryFolder dir("delivery-bad-given");
  write_file(dir / "given.json", "{\"ijlas_agenda\": 1}");
  write_file(dir / "none.toml", "# the defaults\n");
  KioskProcess kiosk(
      {"--config", (dir / "none.toml").string(), "--headless", "--live-shots",
       (dir / "out").string(), "--state", (dir / "state").string(), "--inbox",
       (dir / "inbox").string(), "--agenda", (dir / "given.json").string(), "--lang", "en"},
      dir / "stderr.log");
  EXPECT_TRUE(eventually([&] {
    return shown(dir / "out").find("Not used: given.json") != std::string::npos;
  })) << shown(dir / "out")
      << kiosk.log();
  EXPECT_TRUE(kiosk.running());
  EXPECT_EQ(kiosk.stop(), 0);
}

TEST(InboxDelivery, ADoorScreenWhoseRoomIsMissingShowsTheWholeVenueAndSaysSo) {
  Kiosk kiosk("door", {"--room", "hall"});
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  EXPECT_EQ(shown(kiosk.out).find("is not in this agenda"), std::string::npos);
  std::string renamed = small_agenda("Agenda B", "Renamed keynote");
  for (std::size_t at; (at = renamed.find("\"hall\"")) != std::string::npos;)
    renamed.replace(at, 6, "\"main-hall\"");
  drop_file(kiosk.inbox, "renamed.json", renamed);
  ASSERT_TRUE(kiosk.shows("is not in this agenda; the whole venue"))
      << shown(kiosk.out) << kiosk.log();
  EXPECT_NE(shown(kiosk.out).find("Renamed keynote"), std::string::npos) << shown(kiosk.out);
  ASSERT_EQ(kiosk.process->stop(), 0);

  // Restarted on the stored agenda, which lacks the room: it runs, and says so again.
  fs::remove(kiosk.out / "current.json");
  fs::remove(kiosk.out / "service.txt");
  kiosk.start({"--room", "hall"});
  ASSERT_TRUE(kiosk.shows("is not in this agenda; the whole venue")) << kiosk.log();
  EXPECT_TRUE(kiosk.process->running());
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, TextThatNoFontHasIsShownAndTheServicePanelSaysWhichScriptAndWhere) {
  Kiosk kiosk("no-font", {});
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  EXPECT_EQ(shown(kiosk.out).find("has no font"), std::string::npos) << shown(kiosk.out);
  // An OPass-style conference: Chinese titles, which the bundled fonts lack.
  drop_file(kiosk.inbox, "sitcon.csv",
            "id,date,start,end,room,title\n"
            "open,2025-11-26,09:30,10:00,R0,Opening\n"
            "k1,2025-11-26,10:00,11:00,R0,\u958b\u5e55\u5f0f keynote\n"
            "k2,2025-11-26,11:00,12:00,R0,\u958b\u6e90\n");
  ASSERT_TRUE(
      kiosk.shows("text in the Han script has no font on this kiosk and shows as empty "
                  "boxes: 2 sessions, the first " +
                  quoted("k1") + " (U+958B)"))
      << shown(kiosk.out) << kiosk.log();
  // Accepted whole all the same: nothing is dropped for want of a font.
  EXPECT_NE(kiosk.log().find("with 3 sessions accepted"), std::string::npos) << kiosk.log();
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, AKioskKilledWhileReadingAFileSetsItAsideAtTheNextStart) {
  Kiosk kiosk("killed-reading", {}, {{"IJLAS_READER_TEST_HOOK", "hang:NEVER-ENDS"}});
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  drop_file(kiosk.inbox, "good.json", small_agenda("Agenda B", "Good keynote"));
  ASSERT_TRUE(kiosk.shows("Good keynote")) << kiosk.log();
  drop_file(kiosk.inbox, "slow.json", "{\"ijlas_agenda\": 1, \"x\": \"NEVER-ENDS\"}");
  // While its reader runs, the record names it; then the watchdog's SIGKILL.
  ASSERT_TRUE(eventually([&] {
    return read_file(kiosk.state / "handling").bytes.find("slow.json") != std::string::npos;
  })) << kiosk.log();
  ::kill(kiosk.process->pid(), SIGKILL);
  EXPECT_TRUE(eventually([&] { return !kiosk.process->running(); }));

  fs::remove(kiosk.out / "current.json");
  fs::remove(kiosk.out / "service.txt");
  kiosk.start();
  ASSERT_TRUE(kiosk.shows("Set aside: slow.json")) << shown(kiosk.out) << kiosk.log();
  EXPECT_NE(shown(kiosk.out).find("Good keynote"), std::string::npos) << shown(kiosk.out);
  EXPECT_FALSE(fs::exists(kiosk.inbox / "slow.json"));
  EXPECT_TRUE(fs::exists(kiosk.dir / "quarantine" / "slow.json"));
  const std::string reason = read_file(kiosk.dir / "quarantine" / "slow.json.reason.txt").bytes;
  EXPECT_NE(reason.find("What: " + (kiosk.inbox / "slow.json").string()), std::string::npos)
      << reason;
  EXPECT_NE(reason.find("Why: the kiosk stopped"), std::string::npos) << reason;
  EXPECT_TRUE(eventually([&] { return !fs::exists(kiosk.state / "handling"); }));
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, TheLoopGoesOnWhileAFileIsBeingRead) {
  const TemporaryFolder folder("delivery-reading-notify");
  const fs::path socket_path = folder / "notify.sock";
  const int sock = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  Kiosk kiosk("reading-loop", {},
              {{"IJLAS_READER_TEST_HOOK", "hang:STILL-READING"},
               {"NOTIFY_SOCKET", socket_path.string()},
               {"WATCHDOG_USEC", "1000000"}});
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  drop_file(kiosk.inbox, "slow.json", "{\"ijlas_agenda\": 1, \"x\": \"STILL-READING\"}");
  ASSERT_TRUE(eventually([&] { return fs::exists(kiosk.state / "handling"); })) << kiosk.log();
  // For three seconds of reading, the watchdog is fed every half second as always.
  int watchdogs = 0;
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (std::chrono::steady_clock::now() < end) {
    pollfd readable{sock, POLLIN, 0};
    if (::poll(&readable, 1, 100) <= 0) continue;
    char buffer[512];
    const ssize_t got = ::recv(sock, buffer, sizeof buffer, 0);
    if (got > 0 && std::string(buffer, static_cast<std::size_t>(got)) == "WATCHDOG=1") ++watchdogs;
  }
  ::close(sock);
  EXPECT_TRUE(fs::exists(kiosk.state / "handling")) << "the read ended early";
  EXPECT_GE(watchdogs, 5);
  EXPECT_EQ(kiosk.process->stop(), 0);
  EXPECT_FALSE(fs::exists(kiosk.state / "handling")) << "a clean stop leaves no record";
}

TEST(InboxDelivery, AFileTheReaderGivesUpOnIsRefusedAndSetAsideWhileTheScreenStays) {
  const TemporaryFolder folder("delivery-reader-late-settings");
  const fs::path limits = folder / "limits.toml";
  write_file(limits, "[sources]\nreader_seconds = 1\n");
  Kiosk kiosk("reader-late", {"--config", limits.string()},
              {{"IJLAS_READER_TEST_HOOK", "hang:TAKES-FOREVER"}});
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  drop_file(kiosk.inbox, "late.json", "{\"ijlas_agenda\": 1, \"x\": \"TAKES-FOREVER\"}");
  ASSERT_TRUE(kiosk.shows("Not used: late.json: took longer than 1 s to read")) << kiosk.log();
  EXPECT_NE(shown(kiosk.out).find("Opening keynote"), std::string::npos);
  EXPECT_TRUE(fs::exists(kiosk.dir / "quarantine" / "late.json.reason.txt"));
  EXPECT_FALSE(fs::exists(kiosk.inbox / "late.json"));
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, LinksFifosAndOtherOwnersHardLinksAreRefusedUnread) {
  Kiosk kiosk("links");
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  write_file(kiosk.dir / "secret.json", small_agenda("Secret", "Secret keynote"));
  fs::create_symlink(kiosk.dir / "secret.json", kiosk.inbox / "link.json");
  ASSERT_TRUE(kiosk.shows("Not used: link.json: is a symbolic link")) << kiosk.log();
  ASSERT_EQ(::mkfifo((kiosk.inbox / "pipe.json").c_str(), 0644), 0);
  ASSERT_TRUE(kiosk.shows("Not used: pipe.json: is not a regular file")) << kiosk.log();
  write_file(kiosk.dir / "theirs.json", small_agenda("Theirs", "Their keynote"));
  ASSERT_EQ(::chown((kiosk.dir / "theirs.json").c_str(), 4242, 4242) == 0 || ::geteuid() != 0,
            true);
  if (::geteuid() == 0) {
    fs::create_hard_link(kiosk.dir / "theirs.json", kiosk.inbox / "hard.json");
    ASSERT_TRUE(kiosk.shows("Not used: hard.json: is a hard link to a file of another owner"))
        << kiosk.log();
  }
  EXPECT_EQ(shown(kiosk.out).find("Secret keynote"), std::string::npos);
  EXPECT_EQ(shown(kiosk.out).find("Their keynote"), std::string::npos);
  EXPECT_TRUE(kiosk.process->running());
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, TheDropFolderDeletedAndMadeAgainIsWatchedAgain) {
  Kiosk kiosk("folder-again");
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  fs::remove_all(kiosk.inbox);
  ASSERT_TRUE(eventually([&] {
    return kiosk.log().find("the inbox is gone") != std::string::npos;
  })) << kiosk.log();
  fs::create_directories(kiosk.inbox);
  drop_file(kiosk.inbox, "after.json", small_agenda("Agenda B", "After the folder came back"));
  ASSERT_TRUE(kiosk.shows("After the folder came back")) << kiosk.log();
  EXPECT_NE(kiosk.log().find("watching it again"), std::string::npos);
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, TheStateFolderDeletedWhileRunningIsMadeAgainOnTheNextSave) {
  Kiosk kiosk("state-again");
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  fs::remove_all(kiosk.state);
  drop_file(kiosk.inbox, "b.json", small_agenda("Agenda B", "Kept again"));
  ASSERT_TRUE(kiosk.shows("Kept again")) << kiosk.log();
  EXPECT_TRUE(eventually([&] {
    return read_file(kiosk.state / "agenda.json").bytes.find("Kept again") != std::string::npos;
  }));
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, ASaveThatFailsOnAFullDiskSaysSoAndKeepsTheLastGoodAgenda) {
  const TemporaryFolder folder("delivery-full-disk");
  const fs::path state = folder / "state";
  fs::create_directories(state);
  if (::mount("tmpfs", state.c_str(), "tmpfs", 0, "size=16k") != 0)
    GTEST_SKIP() << "cannot mount a small tmpfs here (not root)";
  struct Unmount {
    fs::path path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{state};
  Kiosk kiosk("full-disk-kiosk", {"--state", state.string()});
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  drop_file(kiosk.inbox, "small.json", small_agenda("Agenda B", "Small enough"));
  ASSERT_TRUE(kiosk.shows("Small enough")) << kiosk.log();
  ASSERT_TRUE(eventually([&] { return fs::exists(state / "agenda.json"); }));
  drop_file(kiosk.inbox, "big.json", three_day_agenda("Too big to keep"));
  ASSERT_TRUE(kiosk.shows("Shown but not kept for the next start")) << kiosk.log();
  EXPECT_FALSE(fs::exists(state / ".agenda.json.new"));
  EXPECT_NE(read_file(state / "agenda.json").bytes.find("Small enough"), std::string::npos);
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, TheNewestAgendaFileIsShownAndAnOlderOneDroppedLaterSaysWhy) {
  Kiosk kiosk("several");
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  drop_file(kiosk.inbox, "new.json", small_agenda("Agenda B", "Newer keynote"));
  ASSERT_TRUE(kiosk.shows("Newer keynote")) << kiosk.log();
  write_file(kiosk.dir / "old.json", small_agenda("Agenda C", "Older keynote"));
  fs::last_write_time(kiosk.dir / "old.json",
                      fs::file_time_type::clock::now() - std::chrono::hours(2));
  fs::rename(kiosk.dir / "old.json", kiosk.inbox / "old.json");
  ASSERT_TRUE(kiosk.shows("Not shown: old.json is older than new.json")) << kiosk.log();
  EXPECT_NE(shown(kiosk.out).find("Newer keynote"), std::string::npos);
  EXPECT_EQ(shown(kiosk.out).find("Older keynote"), std::string::npos);
  EXPECT_EQ(kiosk.process->stop(), 0);
}

TEST(InboxDelivery, AnAgendaWithFewerThanHalfTheSessionsIsShownWithAWarning) {
  Kiosk kiosk("fewer");
  ASSERT_TRUE(kiosk.shows("Opening keynote")) << kiosk.log();
  const std::string full = three_day_agenda("The conference");
  drop_file(kiosk.inbox, "full.json", full);
  const std::size_t sessions = agenda::load_agenda_bytes("full", full).agenda->sessions().size();
  ASSERT_TRUE(eventually([&] {
    return kiosk.log().find(std::to_string(sessions) + " sessions accepted") != std::string::npos;
  })) << kiosk.log();
  const std::string half = full.substr(0, full.find("    {\"id\": \"s4\"") - 2) + "\n  ]\n}\n";
  drop_file(kiosk.inbox, "cut.json", half);
  ASSERT_TRUE(kiosk.shows("cut.json has 3 sessions; the agenda shown before had " +
                          std::to_string(sessions)))
      << shown(kiosk.out) << kiosk.log();
  EXPECT_EQ(kiosk.process->stop(), 0);
}

}  // namespace
}  // namespace ijlas::delivery_testing
