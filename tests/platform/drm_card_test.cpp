// Choosing the display card by what sysfs says, and naming it by its stable path.
#include "platform/drm_card.hpp"

#include <gtest/gtest.h>

#include "board_test_folder.hpp"

namespace ijlas::platform {
namespace {

// A Raspberry Pi 4 as it often comes up: card0 the render-only v3d GPU, card1 the vc4 display
// controller with two HDMI ports, the screen on the first.
void raspberry_pi_4(const FakeRoot& root, const char* hdmi1_status = "connected") {
  root.folder("sys/class/drm/card0");
  root.folder("sys/class/drm/renderD128");
  root.folder("sys/class/drm/card1");
  root.write("sys/class/drm/card1-HDMI-A-1/status", std::string(hdmi1_status) + "\n");
  root.write("sys/class/drm/card1-HDMI-A-2/status", "disconnected\n");
  root.write("sys/class/drm/version", "drm 1.1.0 20060810\n");
  root.link("dev/dri/by-path/platform-gpu-card", "../card0");
  root.link("dev/dri/by-path/platform-gpu-render", "../renderD128");
  root.link("dev/dri/by-path/platform-fe00b840.mailbox-card", "../card1");
}

TEST(DrmCard, ListsOnlyCardsThatDriveScreens) {
  const FakeRoot root;
  raspberry_pi_4(root);
  const auto cards = list_display_cards({root.sys(), root.dev()});
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(cards[0].index, 1);
  EXPECT_EQ(cards[0].device, "/dev/dri/card1");
  EXPECT_EQ(cards[0].stable_path, "/dev/dri/by-path/platform-fe00b840.mailbox-card");
  EXPECT_EQ(cards[0].connectors, (std::vector<std::string>{"HDMI-A-1", "HDMI-A-2"}));
  EXPECT_EQ(cards[0].connected, (std::vector<std::string>{"HDMI-A-1"}));
}

TEST(DrmCard, PicksTheCardWithAScreenWhateverItsNumber) {
  const FakeRoot root;
  // Another boot: the display controller probed first this time, and a second display card
  // (a USB adapter) has nothing plugged in.
  root.write("sys/class/drm/card0-HDMI-A-1/status", "connected\n");
  root.folder("sys/class/drm/card0");
  root.folder("sys/class/drm/card1");
  root.folder("sys/class/drm/card2");
  root.write("sys/class/drm/card2-DVI-I-1/status", "disconnected\n");
  root.link("dev/dri/by-path/platform-fe00b840.mailbox-card", "../card0");
  const DrmCardChoice choice = find_display_card("", {root.sys(), root.dev()});
  ASSERT_TRUE(choice.card);
  EXPECT_EQ(choice.card->index, 0);
  EXPECT_EQ(choice.message,
            "display card /dev/dri/by-path/platform-fe00b840.mailbox-card (now /dev/dri/card0), "
            "screen on HDMI-A-1");
}

TEST(DrmCard, AConfiguredStablePathWins) {
  const FakeRoot root;
  raspberry_pi_4(root, "disconnected");
  root.folder("sys/class/drm/card2");
  root.write("sys/class/drm/card2-HDMI-A-3/status", "connected\n");
  const DrmCardChoice choice = find_display_card("/dev/dri/by-path/platform-fe00b840.mailbox-card",
                                                 {root.sys(), root.dev()});
  ASSERT_TRUE(choice.card);
  EXPECT_EQ(choice.card->index, 1);
  EXPECT_NE(choice.message.find("as configured"), std::string::npos);
}

TEST(DrmCard, AScreenInStandbyStillGetsTheCardThatDrivesIt) {
  const FakeRoot root;
  raspberry_pi_4(root, "disconnected");
  const DrmCardChoice choice = find_display_card("", {root.sys(), root.dev()});
  ASSERT_TRUE(choice.card);
  EXPECT_EQ(choice.card->index, 1);
  EXPECT_NE(choice.message.find("no screen reports as connected"), std::string::npos);
}

TEST(DrmCard, NoDisplayCardSaysWhatToCheck) {
  const FakeRoot root;
  root.folder("sys/class/drm/card0");  // only a render GPU
  const DrmCardChoice choice =
      find_display_card("/dev/dri/by-path/gone-card", {root.sys(), root.dev()});
  EXPECT_FALSE(choice.card);
  EXPECT_NE(choice.message.find("gone-card not found"), std::string::npos);
  EXPECT_NE(choice.message.find("vc4-kms-v3d"), std::string::npos);
}

TEST(DrmCard, WithoutByPathLinksTheCardIsNamedByItsNode) {
  const FakeRoot root;
  root.folder("sys/class/drm/card0");
  root.write("sys/class/drm/card0-Virtual-1/status", "connected\n");
  const DrmCardChoice choice = find_display_card("", {root.sys(), root.dev()});
  ASSERT_TRUE(choice.card);
  EXPECT_EQ(choice.card->stable_path, "/dev/dri/card0");
  EXPECT_EQ(choice.message, "display card /dev/dri/card0, screen on Virtual-1");
}

TEST(DrmCard, AMissingNodeIsAnAccessProblem) {
  const FakeRoot root;
  DrmCard card;
  card.index = 1;
  card.device = "/dev/dri/card1";
  EXPECT_NE(card_access_problem(card, {root.sys(), root.dev()}).find("cannot open /dev/dri/card1"),
            std::string::npos);
  root.write("dev/dri/card1", "");
  EXPECT_EQ(card_access_problem(card, {root.sys(), root.dev()}), "");
}

}  // namespace
}  // namespace ijlas::platform
