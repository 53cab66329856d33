// The small values of the venue link: broker addresses, credentials files and a screen's
// assignment, each read strictly and refused with what to fix.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/diagnostic.hpp"
#include "venue/venue_address.hpp"
#include "venue/venue_link.hpp"

namespace ijlas::venue {
namespace {

TEST(VenueAddress, PlainAndTlsBrokersHaveTheirUsualPorts) {
  std::string error;
  EXPECT_EQ(parse_broker_url("mqtt://hub.local", error), (BrokerAddress{"hub.local", 1883, false}));
  EXPECT_EQ(parse_broker_url("mqtts://192.168.1.10", error),
            (BrokerAddress{"192.168.1.10", 8883, true}));
  EXPECT_EQ(parse_broker_url("mqtt://192.168.1.10:11883/", error),
            (BrokerAddress{"192.168.1.10", 11883, false}));
}

TEST(VenueAddress, AnAddressThatIsNotABrokerSaysWhatToWrite) {
  std::string error;
  EXPECT_FALSE(parse_broker_url("tcp://hub:1883", error));
  EXPECT_NE(error.find("must start with mqtt:// or mqtts://"), std::string::npos) << error;
  EXPECT_FALSE(parse_broker_url("mqtt://hub:18830000", error));
  EXPECT_EQ(error, "has the port " + quoted("18830000") + ": give a number from 1 to 65535");
  EXPECT_FALSE(parse_broker_url("mqtt://:1883", error));
  EXPECT_EQ(error, "has no host name: write mqtt://HOST or mqtt://HOST:PORT");
}

TEST(VenueAddress, CredentialsAreUserColonPasswordOnTheFirstLine) {
  const auto path = std::filesystem::temp_directory_path() / "ijlas-venue-credentials-test";
  std::ofstream(path) << "lobby-1:pa:ss\r\nignored\n";
  std::string error;
  const auto credentials = read_credentials(path, error);
  ASSERT_TRUE(credentials) << error;
  EXPECT_EQ(credentials->user, "lobby-1");
  EXPECT_EQ(credentials->password, "pa:ss");
  std::ofstream(path) << "no-colon\n";
  EXPECT_FALSE(read_credentials(path, error));
  EXPECT_EQ(error, path.string() + ":1:1: the first line must be user:password");
  std::filesystem::remove(path);
}

TEST(VenueAddress, ATopicNameIsOneLevelOfPlainCharacters) {
  EXPECT_TRUE(is_topic_name("lobby-1"));
  EXPECT_TRUE(is_topic_name("d1b2c3.Hall_2"));
  EXPECT_FALSE(is_topic_name(""));
  EXPECT_FALSE(is_topic_name("lobby/1"));
  EXPECT_FALSE(is_topic_name("lobby+"));
  EXPECT_FALSE(is_topic_name("#"));
  EXPECT_FALSE(is_topic_name(std::string(65, 'a')));
}

TEST(ScreenAssignment, GivesTheRoomLanguagePlaceScreenOffHoursAndRotationAndRefusesTheRest) {
  std::string error;
  EXPECT_EQ(parse_assignment(R"({"rotation": 270})", error)->rotation, 270);
  EXPECT_FALSE(parse_assignment(R"({"rotation": 45})", error));
  EXPECT_FALSE(parse_assignment(R"({"rotation": "90"})", error));
  EXPECT_EQ(parse_assignment(R"({"room": "hall", "language": "en", "name": "Lobby 1"})", error),
            (ScreenAssignment{"hall", "en", "Lobby 1"}));
  EXPECT_EQ(parse_assignment("{}", error), (ScreenAssignment{"", "ur", ""}));
  EXPECT_EQ(parse_assignment(R"({"screen_off": "22:00-07:00"})", error)->screen_off, "22:00-07:00");
  EXPECT_FALSE(parse_assignment(R"({"language": "fr"})", error));
  EXPECT_EQ(error, quoted("language") +
                       " is not \"room\": ROOM-ID, \"language\": \"ur\" | \"en\", \"name\": PLACE, "
                       "\"screen_off\": \"HH:MM-HH:MM\" or \"rotation\": 0 | 90 | 180 | 270");
  EXPECT_FALSE(parse_assignment("[1]", error));
  EXPECT_EQ(error, "must be a JSON object");
  EXPECT_FALSE(parse_assignment(std::string(5000, ' '), error));
}

// What ijlas-venue writes is what the screens read back.
TEST(ScreenAssignment, TheWrittenDocumentReadsBackTheSame) {
  const ScreenAssignment settings{"main-hall", "en", "Hall door \"A\"", "22:00-07:00", 90};
  std::string error;
  EXPECT_EQ(parse_assignment(assignment_json(settings), error), settings) << error;
}

}  // namespace
}  // namespace ijlas::venue
