// The organizer's page (assets/web) in real headless Chromium, on a real broker with twenty real
// headless kiosks: web_page_test.mjs drives the page (playwright-core) and watches the kiosks'
// live shots; this test sets the venue up and checks what the broker kept afterwards. The page
// speaks MQTT over wss:// (the TLS WebSockets listener `ijlas-venue init --tls` writes, `?wss=`),
// so the organizer's password is never in the clear; Chromium is told to accept the broker's
// certificate by its public key (it takes no certificate authority on the command line, and the
// test leaves the machine's trust store alone).
#include <gtest/gtest.h>

#include <iostream>

#include "core/json_value.hpp"
#include "core/utf8.hpp"
#include "venue/venue_topics.hpp"
#include "venue_test_support.hpp"

namespace ijlas::venue_testing {
namespace {

const venue::VenueTopics kTopics(kVenue);

TEST(VenueWebPage, TheOrganizerSignsInSeesTheScreensPublishesAndAnnouncesFromABrowser) {
  // The issue's twenty screens, all online on the page.
  TestBroker broker("web", screen_names(20), true);
  ASSERT_EQ(broker.init_run().exit_code, 0) << broker.init_run().err;
  ASSERT_TRUE(broker.start());
  const auto kiosks = start_kiosks(broker, 20);
  ASSERT_EQ(kiosks.size(), 20u);

  const fs::path good = broker.dir() / "web-agenda.json";
  write_file(good, small_agenda("Published From The Page", "Opening keynote"));
  // A session without its start: the schema's rule, which the page checks.
  const fs::path bad = broker.dir() / "bad-agenda.json";
  write_file(bad, R"({"conference": {"time_zone": "Asia/Karachi", "start": "2025-11-26",
    "end": "2025-11-26"}, "sessions": [{"id": "x", "room": "hall", "end": "11:00"}]})");
  const std::string password =
      read_file(broker.organizer_credentials()).bytes.substr(std::string("organizer:").size());
  std::string screens;
  for (const auto& kiosk : kiosks)
    screens += std::string(screens.empty() ? "" : ",") + "{\"id\":" + json::quote(kiosk->screen) +
               ",\"shots\":" + json::quote(kiosk->out.string()) + "}";
  // The SHA-256 of the broker certificate's public key, base64, as Chromium's
  // --ignore-certificate-errors-spki-list takes it.
  const fs::path spki = broker.dir() / "server.spki";
  const std::string certificate = (broker.dir() / "broker/tls/server.crt").string();
  ASSERT_EQ(std::system(("openssl x509 -pubkey -noout -in " + certificate +
                         " | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary"
                         " | base64 > " +
                         spki.string())
                            .c_str()),
            0);
  const std::string key_hash = utf8::trimmed(read_file(spki).bytes);
  const fs::path config = broker.dir() / "web-test.json";
  write_file(config, "{\"url\":" + json::quote(broker.secure_page_url()) +
                         ",\"spki\":" + json::quote(key_hash) +
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
  const auto settings = broker.retained(kTopics.settings("screen-1"));
  ASSERT_TRUE(settings);
  EXPECT_NE(settings->payload.find("\"name\":\"Lobby East\""), std::string::npos)
      << settings->payload;
}

}  // namespace
}  // namespace ijlas::venue_testing
