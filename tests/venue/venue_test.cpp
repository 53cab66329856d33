// The venue broker end to end: each test runs its own mosquitto (set up by `ijlas-venue init`),
// the organizer's real `ijlas-venue` and real headless kiosks, and looks at what the kiosks
// show (their live shots) and say (their retained status topic).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

#include "venue/venue_link.hpp"
#include "venue/venue_topics.hpp"
#include "venue_test_support.hpp"

namespace ijlas::venue_testing {
namespace {

const venue::VenueTopics kTopics(kVenue);

std::vector<std::string> with(std::vector<std::string> options,
                              const std::vector<std::string>& more) {
  options.insert(options.end(), more.begin(), more.end());
  return options;
}

// Up and connected, showing its own first agenda; else which of the two it is not, and its log.
::testing::AssertionResult ready(const VenueKiosk& kiosk) {
  if (!kiosk.shows("Before the venue"))
    return ::testing::AssertionFailure() << kiosk.screen << " does not show its first agenda:\n"
                                         << kiosk.process->log();
  if (!eventually([&] { return kiosk.connections() >= 1; }))
    return ::testing::AssertionFailure() << kiosk.screen << " has not connected to the broker:\n"
                                         << kiosk.process->log();
  return ::testing::AssertionSuccess();
}

TEST(VenueBroker, AnAgendaPublishedByTheOrganizerIsOnEveryScreen) {
  const std::vector<std::string> screens = {"lobby-1", "lobby-2", "hall-door", "registration",
                                            "cafe"};
  TestBroker broker("five", screens);
  ASSERT_EQ(broker.init_run().exit_code, 0) << broker.init_run().err;
  ASSERT_TRUE(broker.start());
  std::vector<std::unique_ptr<VenueKiosk>> kiosks;
  for (const std::string& screen : screens)
    kiosks.push_back(std::make_unique<VenueKiosk>(broker, screen));
  for (const auto& kiosk : kiosks)
    ASSERT_TRUE(ready(*kiosk));

  const auto published = std::chrono::steady_clock::now();
  ASSERT_EQ(publish(broker, "Venue Day One"), 0);
  std::chrono::milliseconds slowest{0};
  for (const auto& kiosk : kiosks) {
    ASSERT_TRUE(kiosk->shows("Venue Day One", 15s)) << kiosk->process->log();
    slowest = std::max(slowest, std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - published));
  }
  // The figure for the closing note: publish to the live shot of the last of five screens.
  std::cout << "publish-to-every-screen latency, 5 kiosks: " << slowest.count() << " ms\n";
  ::testing::Test::RecordProperty("latency_ms_5_kiosks", static_cast<int>(slowest.count()));

  // Every screen says so in its status, with the version the organizer's tool gave the agenda.
  const auto agenda = broker.retained(kTopics.agenda());
  ASSERT_TRUE(agenda && agenda->properties.count(venue::kVersionProperty));
  const std::string version = agenda->properties.at(venue::kVersionProperty);
  EXPECT_EQ(agenda->properties.at(venue::kSourceProperty), "Venue Day One.json");
  for (const std::string& screen : screens) {
    EXPECT_TRUE(status_eventually(broker, screen, [&](const std::string& status) {
      return status.find("\"online\":true") != std::string::npos &&
             status.find("\"version\":\"" + version + "\"") != std::string::npos;
    })) << screen;
  }
  const ProgramRun table = run_venue_tool(with(broker.organizer_options(), {"screens"}));
  EXPECT_EQ(table.exit_code, 0);
  for (const std::string& screen : screens)
    EXPECT_NE(table.out.find(screen), std::string::npos) << table.out;
  EXPECT_NE(table.out.find(version), std::string::npos) << table.out;

  // A screen that leaves says so through its last will.
  kiosks.front()->process->stop();
  EXPECT_TRUE(status_eventually(broker, "lobby-1", [](const std::string& status) {
    return status.find("\"online\":false") != std::string::npos;
  }));
}

// Twenty screens on one broker all take a published agenda and an urgent announcement, from the
// organizer's command to the last live shot (issue 13). The times are printed, not asserted: the
// issue's 3 s and 2 s are venue_benchmark's figures (PublishToEveryScreen/20,
// UrgentAnnouncementToEveryScreen/20), since a test's timing holds on no busy machine (nor under
// the sanitizers).
TEST(VenueBroker, TwentyScreensAllShowAPublishedAgendaAndAnUrgentAnnouncement) {
  TestBroker broker("twenty", screen_names(20));
  ASSERT_EQ(broker.init_run().exit_code, 0) << broker.init_run().err;
  ASSERT_TRUE(broker.start());
  const auto kiosks = start_kiosks(broker, 20);
  ASSERT_EQ(kiosks.size(), 20u);

  auto on_every_screen = [&](const std::string& text) {
    const auto from = std::chrono::steady_clock::now();
    for (const auto& kiosk : kiosks)
      if (!kiosk->shows(text)) {
        ADD_FAILURE() << kiosk->screen << " does not show " << text << "\n"
                      << kiosk->process->log();
        return -1L;
      }
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::steady_clock::now() - from)
                                 .count());
  };
  const auto sent = std::chrono::steady_clock::now();
  ASSERT_EQ(publish(broker, "Twenty Screens Agenda"), 0);
  const long tool_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - sent)
          .count();
  const long agenda_ms = tool_ms + on_every_screen("Twenty Screens Agenda");
  const auto announced = std::chrono::steady_clock::now();
  ASSERT_EQ(
      run_venue_tool(with(broker.organizer_options(), {"announce", "--ur", "ہال بدل گیا ہے", "--en",
                                                       "Twenty halls", "--urgent", "--id", "hall"}))
          .exit_code,
      0);
  const long announce_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - announced)
                               .count() +
                           on_every_screen("Twenty halls");
  std::cout << "20 kiosks: agenda on every live shot after " << agenda_ms
            << " ms, urgent announcement after " << announce_ms << " ms; broker "
            << broker.rss_kib() << " KiB\n";
  ::testing::Test::RecordProperty("agenda_ms_20_kiosks", static_cast<int>(agenda_ms));
  ::testing::Test::RecordProperty("announcement_ms_20_kiosks", static_cast<int>(announce_ms));
  EXPECT_GE(agenda_ms, 0);
  EXPECT_GE(announce_ms, 0);
  for (const auto& kiosk : kiosks)
    EXPECT_TRUE(status_eventually(broker, kiosk->screen, [](const std::string& status) {
      return status.find("\"online\":true") != std::string::npos;
    }));
}

TEST(VenueBroker, AnAssignedLanguageReachesItsScreenAlone) {
  TestBroker broker("assign", {"lobby-1", "lobby-2"});
  ASSERT_TRUE(broker.start());
  VenueKiosk assigned(broker, "lobby-1"), other(broker, "lobby-2");
  ASSERT_TRUE(ready(assigned));
  ASSERT_TRUE(ready(other));
  ASSERT_EQ(run_venue_tool(with(broker.organizer_options(), {"assign", "lobby-1", "--lang", "ur"}))
                .exit_code,
            0);
  EXPECT_TRUE(assigned.shows("اب اور اگلا", 15s)) << assigned.process->log();  // Now & Next
  EXPECT_TRUE(assigned.shows("Before the venue"));
  ASSERT_EQ(publish(broker, "Later Agenda"), 0);
  ASSERT_TRUE(other.shows("Later Agenda", 15s));
  EXPECT_EQ(shown(other.out).find("اب اور اگلا"), std::string::npos);
  EXPECT_EQ(run_venue_tool(with(broker.organizer_options(), {"assign", "lobby-1", "--lang", "fr"}))
                .exit_code,
            2);
}

// The retained settings of `screen`, as the screen reads them.
venue::ScreenAssignment settings_of(const TestBroker& broker, const std::string& screen) {
  std::string error;
  const auto message = broker.retained(kTopics.settings(screen));
  return venue::parse_assignment(message ? message->payload : "", error)
      .value_or(venue::ScreenAssignment{"?", "?", "?"});
}

TEST(VenueBroker, AssignChangesSeveralScreensOrAWholeRoomAndKeepsWhatItIsNotGiven) {
  TestBroker broker("assign-many", {"lobby-1", "lobby-2", "hall-door"});
  ASSERT_TRUE(broker.start());
  VenueKiosk lobby_1(broker, "lobby-1"), lobby_2(broker, "lobby-2"), door(broker, "hall-door");
  ASSERT_TRUE(ready(lobby_1));
  ASSERT_TRUE(ready(lobby_2));
  ASSERT_TRUE(ready(door));
  const auto assign = [&](const std::vector<std::string>& words) {
    return run_venue_tool(with(with(broker.organizer_options(), {"assign"}), words)).exit_code;
  };
  ASSERT_EQ(assign({"lobby-1,lobby-2", "--room", "main-hall", "--name", "Foyer"}), 0);
  EXPECT_EQ(settings_of(broker, "lobby-1"), (venue::ScreenAssignment{"main-hall", "ur", "Foyer"}));
  EXPECT_EQ(settings_of(broker, "lobby-2"), (venue::ScreenAssignment{"main-hall", "ur", "Foyer"}));
  EXPECT_FALSE(broker.retained(kTopics.settings("hall-door"))->retained);

  // The screens of a room: their language changes, their room and place stay.
  ASSERT_EQ(assign({"--in-room", "main-hall", "--lang", "en"}), 0);
  EXPECT_EQ(settings_of(broker, "lobby-1"), (venue::ScreenAssignment{"main-hall", "en", "Foyer"}));
  EXPECT_EQ(settings_of(broker, "lobby-2"), (venue::ScreenAssignment{"main-hall", "en", "Foyer"}));
  EXPECT_EQ(assign({"--in-room", "no-such-room", "--lang", "en"}), 1);

  // Every screen that reported: the door too, which had no settings yet.
  ASSERT_EQ(assign({"--all", "--name", "Venue"}), 0);
  EXPECT_EQ(settings_of(broker, "hall-door"), (venue::ScreenAssignment{"", "ur", "Venue"}));
  EXPECT_EQ(settings_of(broker, "lobby-2"), (venue::ScreenAssignment{"main-hall", "en", "Venue"}));
  EXPECT_TRUE(door.shows("اب اور اگلا", 15s)) << door.process->log();  // Urdu: Now & Next

  EXPECT_EQ(assign({"--all", "lobby-1", "--lang", "en"}), 2);
  EXPECT_EQ(assign({"lobby-1"}), 2);
  EXPECT_EQ(assign({"lobby-1", "--lang", "fr"}), 2);
}

// The organizer's screen-off hours reach the screen: dark (a black live shot, no text) inside
// them, showing again once they are taken away. A bad span never leaves the tool.
TEST(VenueBroker, AssignedScreenOffHoursDarkenTheScreenInsideThem) {
  TestBroker broker("screen-off", {"lobby-1", "lobby-2"});
  ASSERT_TRUE(broker.start());
  VenueKiosk dark(broker, "lobby-1"), other(broker, "lobby-2");  // both at 10:20 venue time
  ASSERT_TRUE(ready(dark));
  ASSERT_TRUE(ready(other));
  const auto assign = [&](const std::vector<std::string>& words) {
    return run_venue_tool(with(with(broker.organizer_options(), {"assign"}), words)).exit_code;
  };
  ASSERT_EQ(assign({"lobby-1", "--screen-off", "10:00-11:00"}), 0);
  EXPECT_TRUE(eventually(
      [&] { return shown(dark.out).find("Before the venue") == std::string::npos; }, 15s))
      << dark.process->log();
  EXPECT_TRUE(other.shows("Before the venue"));
  EXPECT_EQ(settings_of(broker, "lobby-1").screen_off, "10:00-11:00");

  ASSERT_EQ(assign({"lobby-1", "--screen-off", "22:00-07:00"}), 0);  // outside: on again
  EXPECT_TRUE(dark.shows("Before the venue", 15s)) << dark.process->log();
  EXPECT_EQ(assign({"lobby-1", "--screen-off", "25:00-07:00"}), 2);
  EXPECT_EQ(settings_of(broker, "lobby-1").screen_off, "22:00-07:00");
}

// The box [x, y, w, h] of the first text on the screen's live shot that contains `text`.
std::optional<std::array<int, 4>> box_of(const fs::path& out, const std::string& text) {
  std::istringstream lines(read_file(out / "current.json").bytes);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t at = line.find("\"box\":[");
    if (line.find(text) == std::string::npos || at == std::string::npos) continue;
    std::array<int, 4> box{};
    if (std::sscanf(line.c_str() + at + 7, "%d,%d,%d,%d", &box[0], &box[1], &box[2], &box[3]) == 4)
      return box;
  }
  return std::nullopt;
}

// A screen mounted on its side is turned by the organizer: the kiosk lays out for the turned
// size and turns its picture, as --rotate does, its texts then running down the panel. A bad
// angle never leaves the tool.
TEST(VenueBroker, AnAssignedRotationTurnsTheScreensPicture) {
  TestBroker broker("rotate", {"lobby-1"});
  ASSERT_TRUE(broker.start());
  VenueKiosk kiosk(broker, "lobby-1");
  ASSERT_TRUE(ready(kiosk));
  const auto runs_down = [&] {
    const auto box = box_of(kiosk.out, "Before the venue");
    return box && (*box)[3] > (*box)[2];
  };
  EXPECT_TRUE(kiosk.shows("Before the venue"));
  EXPECT_FALSE(runs_down());
  const auto assign = [&](const std::vector<std::string>& words) {
    return run_venue_tool(with(with(broker.organizer_options(), {"assign"}), words)).exit_code;
  };
  ASSERT_EQ(assign({"lobby-1", "--rotate", "90"}), 0);
  EXPECT_TRUE(eventually(runs_down, 15s)) << kiosk.process->log();
  EXPECT_EQ(settings_of(broker, "lobby-1").rotation, 90);
  EXPECT_EQ(assign({"lobby-1", "--rotate", "45"}), 2);
  EXPECT_EQ(settings_of(broker, "lobby-1").rotation, 90);
  ASSERT_EQ(assign({"lobby-1", "--rotate", "0"}), 0);
  EXPECT_TRUE(eventually([&] { return !runs_down() && kiosk.shows("Before the venue"); }, 15s))
      << kiosk.process->log();
}

// Each screen says whether its clock can be believed; the organizer's table shows it beside the
// screen's place and room.
TEST(VenueBroker, TheScreensTableShowsEachScreensPlaceRoomAndClockTrust) {
  TestBroker broker("clock", {"lobby-1"});
  ASSERT_TRUE(broker.start());
  VenueKiosk kiosk(broker, "lobby-1");  // on a rehearsal clock (--clock)
  ASSERT_TRUE(ready(kiosk));
  EXPECT_TRUE(status_eventually(broker, "lobby-1", [](const std::string& status) {
    return status.find("\"clock\":{\"trust\":\"rehearsal\"") != std::string::npos;
  }));
  ASSERT_EQ(run_venue_tool(with(broker.organizer_options(), {"assign", "lobby-1", "--room",
                                                             "main-hall", "--name", "Lobby-East"}))
                .exit_code,
            0);
  const ProgramRun table = run_venue_tool(with(broker.organizer_options(), {"screens"}));
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("PLACE"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("CLOCK"), std::string::npos) << table.out;
  const std::size_t row = table.out.find("\nlobby-1");
  ASSERT_NE(row, std::string::npos) << table.out;
  const std::string line = table.out.substr(row + 1, table.out.find('\n', row + 1) - row - 1);
  EXPECT_NE(line.find("Lobby-East"), std::string::npos) << line;
  EXPECT_NE(line.find("main-hall"), std::string::npos) << line;
  EXPECT_NE(line.find("rehearsal"), std::string::npos) << line;
}

TEST(VenueBroker, AnUrgentAnnouncementCoversEveryScreenUntilItIsWithdrawn) {
  TestBroker broker("announce", {"lobby-1", "lobby-2"});
  ASSERT_TRUE(broker.start());
  VenueKiosk first(broker, "lobby-1"), second(broker, "lobby-2");
  ASSERT_TRUE(ready(first));
  ASSERT_TRUE(ready(second));
  const auto sent = std::chrono::steady_clock::now();
  const ProgramRun announced = run_venue_tool(
      with(broker.organizer_options(), {"announce", "--ur", "ہال بدل گیا ہے", "--en",
                                        "The hall has changed", "--urgent", "--id", "hall"}));
  ASSERT_EQ(announced.exit_code, 0) << announced.err;
  EXPECT_TRUE(first.shows("The hall has changed", 15s) &&
              second.shows("The hall has changed", 15s));
  std::cout << "announcement on both screens after "
            << std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - sent)
                   .count()
            << " ms\n";

  // A second one is added to the retained document, not put in its place.
  ASSERT_EQ(run_venue_tool(with(broker.organizer_options(),
                                {"announce", "--ur", "دوپہر", "--en", "Lunch", "--id", "lunch"}))
                .exit_code,
            0);
  const auto document = broker.retained(kTopics.announcements());
  ASSERT_TRUE(document);
  EXPECT_NE(document->payload.find("\"hall\""), std::string::npos) << document->payload;
  EXPECT_NE(document->payload.find("\"lunch\""), std::string::npos) << document->payload;

  ASSERT_EQ(run_venue_tool(with(broker.organizer_options(), {"withdraw", "hall"})).exit_code, 0);
  EXPECT_TRUE(eventually(
      [&] { return shown(first.out).find("The hall has changed") == std::string::npos; }, 15s));
  EXPECT_EQ(run_venue_tool(with(broker.organizer_options(), {"withdraw", "hall"})).exit_code, 1);
}

TEST(VenueBroker, ABadFileIsRefusedByTheToolBeforeAnythingIsSent) {
  TestBroker broker("bad-file", {"lobby-1"});
  ASSERT_TRUE(broker.start());
  const fs::path file = broker.dir() / "schedule.json";
  write_file(file, "{\"ijlas_agenda\": 1,\n  \"conference\": ");
  const ProgramRun run =
      run_venue_tool(with(broker.organizer_options(), {"publish", file.string()}));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(file.string() + ":2:17: error:"), std::string::npos) << run.err;
  const auto agenda = broker.retained(kTopics.agenda());
  ASSERT_TRUE(agenda);
  EXPECT_TRUE(agenda->payload.empty()) << "something was published";
}

TEST(VenueBroker, ABadPayloadSentByHandIsRefusedAndReportedByTheScreen) {
  TestBroker broker("bad-payload", {"lobby-1"});
  ASSERT_TRUE(broker.start());
  VenueKiosk kiosk(broker, "lobby-1", false);  // its id: the user name in its credentials
  ASSERT_TRUE(ready(kiosk));
  ASSERT_EQ(publish(broker, "Good Agenda"), 0);
  ASSERT_TRUE(kiosk.shows("Good Agenda", 15s));

  auto organizer = broker.session(broker.organizer_credentials());
  std::string error;
  ASSERT_TRUE(organizer->connect(10s, error)) << error;
  ASSERT_TRUE(organizer->publish(kTopics.agenda(), "{\"ijlas_agenda\": 1, \"sessions\": [", true,
                                 {}, 10s, error))
      << error;
  EXPECT_TRUE(status_eventually(broker, "lobby-1", [](const std::string& status) {
    return status.find("\"ok\":false") != std::string::npos &&
           status.find("venue-agenda.json:1:") != std::string::npos;
  }));
  EXPECT_TRUE(kiosk.shows("Good Agenda"));
  EXPECT_TRUE(kiosk.process->running());
}

TEST(VenueBroker, ScreensKeepTheirAgendaWithoutTheBrokerAndCatchUpWhenItIsBack) {
  TestBroker broker("restart", {"lobby-1", "lobby-2"});
  ASSERT_TRUE(broker.start());
  VenueKiosk first(broker, "lobby-1"), second(broker, "lobby-2");
  ASSERT_TRUE(ready(first));
  ASSERT_TRUE(ready(second));
  ASSERT_EQ(publish(broker, "Kept Agenda"), 0);
  ASSERT_TRUE(first.shows("Kept Agenda", 15s) && second.shows("Kept Agenda", 15s));
  const std::string version =
      broker.retained(kTopics.agenda())->properties[venue::kVersionProperty];

  broker.kill();
  for (VenueKiosk* kiosk : {&first, &second}) {
    EXPECT_TRUE(eventually([&] {
      return kiosk->process->log().find("lost the broker") != std::string::npos;
    })) << kiosk->process->log();
    EXPECT_TRUE(kiosk->shows("Kept Agenda"));
    EXPECT_TRUE(kiosk->process->running());
  }

  // Back with what it kept (persistence), the screens find it again and follow it.
  ASSERT_TRUE(broker.start());
  auto kept = broker.retained(kTopics.agenda());
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->properties[venue::kVersionProperty], version);
  for (VenueKiosk* kiosk : {&first, &second})
    EXPECT_TRUE(eventually([&] { return kiosk->connections() >= 2; }, 15s))
        << kiosk->process->log();
  ASSERT_EQ(publish(broker, "After The Restart"), 0);
  EXPECT_TRUE(first.shows("After The Restart", 15s));
  EXPECT_TRUE(second.shows("After The Restart", 15s));
}

TEST(VenueBroker, AScreenStartedWhileTheBrokerIsDownShowsItsLastGoodAgendaAndCatchesUp) {
  TestBroker broker("late-broker", {"lobby-1"});
  ASSERT_TRUE(broker.start());
  VenueKiosk kiosk(broker, "lobby-1");
  ASSERT_TRUE(ready(kiosk));
  ASSERT_EQ(publish(broker, "Remembered Agenda"), 0);
  ASSERT_TRUE(kiosk.shows("Remembered Agenda", 15s));
  kiosk.process->stop();
  broker.stop();

  kiosk.start();  // its state folder keeps the last good agenda
  EXPECT_TRUE(kiosk.shows("Remembered Agenda"));
  ASSERT_TRUE(broker.start());
  ASSERT_EQ(publish(broker, "Caught Up"), 0);
  EXPECT_TRUE(kiosk.shows("Caught Up", 15s)) << kiosk.process->log();
}

// The width and height in a PNG's header ("" when it is not a PNG).
std::string png_size(const std::string& bytes) {
  if (bytes.size() < 24 || bytes.compare(1, 3, "PNG") != 0) return "";
  const auto number = [&](std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) |
           (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) |
           static_cast<unsigned char>(bytes[at + 3]);
  };
  return std::to_string(number(16)) + "x" + std::to_string(number(20));
}

TEST(VenueBroker, ShotsWritesEveryScreensThumbnailAndAGridOfThem) {
  TestBroker broker("shots", {"lobby-1", "lobby-2", "hall-door"});
  ASSERT_TRUE(broker.start());
  VenueKiosk first(broker, "lobby-1"), second(broker, "lobby-2"), third(broker, "hall-door");
  ASSERT_TRUE(ready(first));
  ASSERT_TRUE(ready(second));
  ASSERT_TRUE(ready(third));
  for (const char* screen : {"lobby-1", "lobby-2", "hall-door"})
    ASSERT_TRUE(status_eventually(broker, screen, [](const std::string& status) {
      return status.find("\"online\":true") != std::string::npos;
    }));
  const fs::path dir = broker.dir() / "shots";
  const ProgramRun run = run_venue_tool(with(broker.organizer_options(), {"shots", dir.string()}));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  // 960x540 screens: thumbnails of 320x180, three of them in a grid of two columns.
  for (const char* screen : {"lobby-1", "lobby-2", "hall-door"})
    EXPECT_EQ(png_size(read_file(dir / (std::string(screen) + ".png")).bytes), "320x180") << screen;
  EXPECT_EQ(png_size(read_file(dir / "grid.png").bytes), "664x384");
  // Retained, with the request it answered: the page sees it at once when it signs in.
  const auto thumbnail = broker.retained(kTopics.thumbnail("lobby-1"));
  ASSERT_TRUE(thumbnail);
  EXPECT_EQ(png_size(thumbnail->payload), "320x180");
  EXPECT_TRUE(thumbnail->properties.count(venue::kRequestProperty));

  // A screen that is gone is named, and the run says it is not complete.
  third.process->stop();
  ASSERT_TRUE(status_eventually(broker, "hall-door", [](const std::string& status) {
    return status.find("\"online\":false") != std::string::npos;
  }));
  const ProgramRun again =
      run_venue_tool(with(broker.organizer_options(), {"shots", dir.string()}));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(png_size(read_file(dir / "grid.png").bytes), "664x196");
}

TEST(VenueBroker, AnAnnouncementForARoomOrScreensReachesThoseScreensAlone) {
  TestBroker broker("targets", {"lobby-1", "lobby-2"});
  ASSERT_TRUE(broker.start());
  VenueKiosk door(broker, "lobby-1"), lobby(broker, "lobby-2");
  ASSERT_TRUE(ready(door));
  ASSERT_TRUE(ready(lobby));
  ASSERT_EQ(run_venue_tool(with(broker.organizer_options(),
                                {"assign", "lobby-1", "--room", "hall", "--lang", "en"}))
                .exit_code,
            0);
  const ProgramRun to_room =
      run_venue_tool(with(broker.organizer_options(),
                          {"announce", "--ur", "ہال میں خاموشی", "--en", "Quiet in the hall",
                           "--urgent", "--room", "hall", "--id", "quiet"}));
  ASSERT_EQ(to_room.exit_code, 0) << to_room.err;
  EXPECT_TRUE(door.shows("Quiet in the hall", 15s)) << door.process->log();
  const ProgramRun to_lobby = run_venue_tool(
      with(broker.organizer_options(), {"announce", "--ur", "لابی", "--en", "Coffee in the lobby",
                                        "--urgent", "--screens", "lobby-2", "--id", "coffee"}));
  ASSERT_EQ(to_lobby.exit_code, 0) << to_lobby.err;
  EXPECT_TRUE(lobby.shows("Coffee in the lobby", 15s)) << lobby.process->log();
  // By now the door's announcement has been on the lobby's topic a while, had it gone there.
  EXPECT_EQ(shown(lobby.out).find("Quiet in the hall"), std::string::npos);
  EXPECT_EQ(shown(door.out).find("Coffee in the lobby"), std::string::npos);
  EXPECT_EQ(broker.retained(kTopics.announcements())->payload, "");

  ASSERT_EQ(run_venue_tool(with(broker.organizer_options(), {"withdraw", "quiet"})).exit_code, 0);
  EXPECT_TRUE(eventually([&] { return shown(door.out).find("Quiet") == std::string::npos; }));
  EXPECT_NE(run_venue_tool(with(broker.organizer_options(),
                                {"announce", "--ur", "x", "--en", "x", "--room", "nowhere"}))
                .err.find("no screen is assigned the room"),
            std::string::npos);
}

TEST(VenueBroker, AMovedSessionIsAnOverrideTheScreensAccept) {
  TestBroker broker("move", {"lobby-1"});
  ASSERT_TRUE(broker.start());
  const ProgramRun moved =
      run_venue_tool(with(broker.organizer_options(), {"move", "keynote", "--room", "hall",
                                                       "--start", "2025-11-26T10:30:00+05:00"}));
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  const auto overrides = broker.retained(kTopics.overrides());
  ASSERT_TRUE(overrides);
  EXPECT_NE(overrides->payload.find(
                R"({"state":"moved","room":"hall","start":"2025-11-26T10:30:00+05:00"})"),
            std::string::npos)
      << overrides->payload;
  EXPECT_EQ(run_venue_tool(with(broker.organizer_options(), {"move", "keynote"})).exit_code, 2);
  // The screens' own parser refuses a start that is no time, before anything is sent.
  EXPECT_EQ(run_venue_tool(
                with(broker.organizer_options(), {"move", "keynote", "--start", "half past ten"}))
                .exit_code,
            1);
}

// The organizer's tool reads what is retained and goes on at once: its own marker, published
// after subscribing, comes back after the retained messages. A user who may not write the
// marker's topic (a screen) still gets them, at the end of the listening time.
TEST(VenueBroker, ReadingWhatIsRetainedEndsWhenTheSessionsOwnMarkerComesBack) {
  TestBroker broker("echo", {"lobby-1"});
  ASSERT_TRUE(broker.start());
  ASSERT_EQ(publish(broker, "Retained Agenda"), 0);
  std::string error;
  auto organizer = broker.session(broker.organizer_credentials());
  organizer->echo_under(kTopics.organizer_echoes());
  ASSERT_TRUE(organizer->connect(10s, error)) << error;
  const auto asked = std::chrono::steady_clock::now();
  const auto agenda = organizer->collect(kTopics.agenda(), 60s, error);
  EXPECT_LT(std::chrono::steady_clock::now() - asked, 30s) << "waited for the whole listen time";
  ASSERT_EQ(agenda.size(), 1u) << error;
  EXPECT_NE(agenda.front().payload.find("Retained Agenda"), std::string::npos);
  // Twice on one session: each collect() waits for its own marker.
  EXPECT_EQ(organizer->collect(kTopics.agenda(), 60s, error).size(), 1u);
  EXPECT_LT(std::chrono::steady_clock::now() - asked, 30s);

  auto screen = broker.session(broker.screen_credentials("lobby-1"));
  screen->echo_under(kTopics.organizer_echoes());
  ASSERT_TRUE(screen->connect(10s, error)) << error;
  EXPECT_EQ(screen->collect(kTopics.agenda(), 1s, error).size(), 1u) << error;
}

TEST(VenueBroker, OnlyTheOrganizerWritesTheVenueAndEachScreenOnlyItsOwnStatus) {
  TestBroker broker("acl", {"lobby-1", "lobby-2"}, true);
  ASSERT_EQ(broker.init_run().exit_code, 0) << broker.init_run().err;
  ASSERT_TRUE(broker.start());
  ASSERT_EQ(publish(broker, "Organizer Agenda"), 0);
  std::string error;

  auto screen = broker.session(broker.screen_credentials("lobby-1"));
  ASSERT_TRUE(screen->connect(10s, error)) << error;
  EXPECT_FALSE(
      screen->publish(kTopics.agenda(), small_agenda("Forged", "x"), true, {}, 10s, error));
  EXPECT_NE(error.find("Not authorized"), std::string::npos) << error;
  EXPECT_FALSE(
      screen->publish(kTopics.status("lobby-2"), "{\"online\":true}", true, {}, 10s, error));
  EXPECT_TRUE(screen->publish(kTopics.status("lobby-1"), "{\"online\":true}", true, {}, 10s, error))
      << error;
  EXPECT_EQ(broker.retained(kTopics.agenda())->payload.find("Forged"), std::string::npos);
  EXPECT_TRUE(screen->publish(kTopics.thumbnail("lobby-1"), "png", true, {}, 10s, error)) << error;
  EXPECT_FALSE(screen->publish(kTopics.thumbnail("lobby-2"), "png", true, {}, 10s, error));
  EXPECT_FALSE(
      screen->publish(kTopics.screen_announcements("lobby-1"), "{}", true, {}, 10s, error));

  const fs::path wrong = broker.dir() / "wrong.credentials";
  write_file(wrong, "organizer:not-the-password\n");
  EXPECT_FALSE(broker.session(wrong)->connect(10s, error));
  EXPECT_NE(error.find("Not authorized"), std::string::npos) << error;
  EXPECT_FALSE(broker.session({})->connect(10s, error));
  EXPECT_NE(error.find("Not authorized"), std::string::npos) << error;

  // TLS with the certificates init made.
  const ProgramRun over_tls = run_venue_tool(
      {"--broker", broker.tls_url(), "--ca-file", broker.ca_file().string(), "--venue", kVenue,
       "--password-file", broker.organizer_credentials().string(), "screens"});
  EXPECT_EQ(over_tls.exit_code, 0) << over_tls.err;
  EXPECT_NE(over_tls.out.find("lobby-1"), std::string::npos) << over_tls.out;
}

// Two suites run side by side, and two tests can be given the same free port. The second broker
// must then move to other ports rather than let its kiosks reach the first one and be refused.
TEST(TestBroker, APortAnotherTestsBrokerTookMeanwhileMovesTheBrokerToOthers) {
  TestBroker first("first-on-port", {"lobby-1"});
  ASSERT_TRUE(first.start());
  TestBroker second("second-on-port", {"lobby-1"});
  const fs::path config = second.dir() / "broker/mosquitto.conf";
  std::string text = read_file(config).bytes;
  const std::string own = second.url().substr(second.url().rfind(':') + 1);
  const std::string taken = first.url().substr(first.url().rfind(':') + 1);
  const std::size_t at = text.find("listener " + own + " ");
  ASSERT_NE(at, std::string::npos) << text;
  text.replace(at, ("listener " + own).size(), "listener " + taken);
  write_file(config, text);

  ASSERT_TRUE(second.start());
  // Its first mosquitto found the port taken; a second one, set up anew, runs.
  EXPECT_NE(read_file(second.dir() / "mosquitto-0.log.err").bytes.find("Address already in use"),
            std::string::npos);
  EXPECT_TRUE(fs::exists(second.dir() / "mosquitto-1.log.err"));
  VenueKiosk kiosk(second, "lobby-1");
  EXPECT_TRUE(ready(kiosk));
}

}  // namespace
}  // namespace ijlas::venue_testing
