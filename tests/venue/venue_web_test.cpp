// The organizer's page (assets/web) in real headless Chromium, on a real broker with two real
// headless kiosks: web_page_test.mjs drives the page (playwright-core) and watches the kiosks'
// live shots; this test sets the venue up and checks what the broker kept afterwards.
#include <gtest/gtest.h>

#include <iostream>

#include "core/json_value.hpp"
#include "venue/venue_topics.hpp"
#include "venue_test_support.hpp"

namespace ijlas::venue_testing {
namespace {

const venue::VenueTopics kTopics(kVenue);

TEST(VenueWebPage, TheOrganizerSignsInSeesTheScreensPublishesAndAnnouncesFromABrowser) {
  TestBroker broker("web", {"lobby-1", "lobby-2"});
  ASSERT_EQ(broker.init_run().exit_code, 0) << broker.init_run().err;
  ASSERT_TRUE(broker.start());
  VenueKiosk first(broker, "lobby-1"), second(broker, "lobby-2");
  for (const VenueKiosk* kiosk : {&first, &second})
    ASSERT_TRUE(kiosk->shows("Before the venue")) << kiosk->process->log();

  const fs::path good = broker.dir() / "web-agenda.json";
  write_file(good, small_agenda("Published From The Page", "Opening keynote"));
  // A session without its start: the schema's rule, which the page checks.
  const fs::path bad = broker.dir() / "bad-agenda.json";
  write_file(bad, R"({"conference": {"time_zone": "Asia/Karachi", "start": "2025-11-26",
    "end": "2025-11-26"}, "sessions": [{"id": "x", "room": "hall", "end": "11:00"}]})");
  const std::string password =
      read_file(broker.organizer_credentials()).bytes.substr(std::string("organizer:").size());
  std::string screens;
  for (const VenueKiosk* kiosk : {&first, &second})
    screens += std::string(screens.empty() ? "" : ",") + "{\"id\":" + json::quote(kiosk->screen) +
               ",\"shots\":" + json::quote(kiosk->out.string()) + "}";
  const fs::path config = broker.dir() / "web-test.json";
  write_file(config, "{\"url\":" + json::quote(broker.page_url()) +
                         ",\"password\":" + json::quote(password.substr(0, password.find('\n'))) +
                         ",\"screens\":[" + screens + "],\"good\":" + json::quote(good.string()) +
                         ",\"bad\":" + json::quote(bad.string()) +
                         ",\"title\":\"Published From The Page\",\"session\":\"keynote\","
                         "\"place\":\"Lobby East\"}");

  const fs::path out = broker.dir() / "web-test.out";
  const std::string command = std::string(IJLAS_NODE) + " " + IJLAS_WEB_TEST_SCRIPT + " " +
                              config.string() + " > " + out.string() + " 2>&1";
  const int status = std::system(command.c_str());
  const std::string said = read_file(out).bytes;
  std::cout << said;
  EXPECT_EQ(status, 0) << said;

  // What the broker kept: the page's agenda with its source, the urgent announcement gone, the
  // delay in force.
  const auto agenda = broker.retained(kTopics.agenda());
  ASSERT_TRUE(agenda && agenda->properties.count(venue::kSourceProperty));
  EXPECT_NE(agenda->payload.find("Published From The Page"), std::string::npos);
  EXPECT_EQ(agenda->properties.at(venue::kSourceProperty), "web-agenda.json");
  const auto announcements = broker.retained(kTopics.announcements());
  ASSERT_TRUE(announcements);
  EXPECT_EQ(announcements->payload.find("upstairs"), std::string::npos) << announcements->payload;
  const auto overrides = broker.retained(kTopics.overrides());
  ASSERT_TRUE(overrides);
  EXPECT_NE(overrides->payload.find("\"delayed\""), std::string::npos) << overrides->payload;
  // The place the page assigned the first screen, beside its room and language.
  const auto settings = broker.retained(kTopics.settings("lobby-1"));
  ASSERT_TRUE(settings);
  EXPECT_NE(settings->payload.find("\"name\":\"Lobby East\""), std::string::npos)
      << settings->payload;
}

}  // namespace
}  // namespace ijlas::venue_testing
