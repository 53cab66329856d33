// What can be checked of the screen switch without a display: the fallback without KMSDRM and the
// HDMI-CEC command line. DPMS itself needs a real DRM device (checked on the board).
#include "platform/display_power.hpp"

#include <gtest/gtest.h>

namespace ijlas::platform {
namespace {

TEST(DisplayPower, WithoutADrmConnectionTheCallerDrawsBlack) {
  DisplayPower power(-1);
  EXPECT_EQ(power.method(), DisplayPower::Method::kBlackFrame);
  std::string error;
  EXPECT_FALSE(power.set_on(false, error));
  EXPECT_NE(error.find("black frame"), std::string::npos);
}

TEST(DisplayPower, AWindowOfAnotherVideoDriverHasNoDrmConnection) {
  ASSERT_EQ(SDL_VideoInit("dummy"), 0) << SDL_GetError();
  SDL_Window* window = SDL_CreateWindow("t", 0, 0, 64, 64, SDL_WINDOW_HIDDEN);
  ASSERT_NE(window, nullptr) << SDL_GetError();
  EXPECT_EQ(DisplayPower::for_window(window).method(), DisplayPower::Method::kBlackFrame);
  SDL_DestroyWindow(window);
  SDL_VideoQuit();
}

TEST(DisplayPower, ADescriptorThatIsNoDrmDeviceFailsWithAReason) {
  DisplayPower power(0);  // standard input: DPMS cannot take
  EXPECT_EQ(power.method(), DisplayPower::Method::kDpms);
  std::string error;
  EXPECT_FALSE(power.set_on(true, error));
  EXPECT_NE(error.find("DPMS"), std::string::npos);
}

TEST(DisplayPower, TheTvSleepsAndWakesOverCec) {
  const DisplayPower power(-1, "/usr/bin/cec-ctl", "/dev/cec0");
  EXPECT_EQ(power.cec_command(false),
            (std::vector<std::string>{"/usr/bin/cec-ctl", "-d", "/dev/cec0", "--playback", "--to",
                                      "0", "--standby"}));
  EXPECT_EQ(power.cec_command(true).back(), "--image-view-on");
  EXPECT_TRUE(DisplayPower(-1).cec_command(true).empty());
}

TEST(DisplayPower, AMissingCecProgramIsSkippedQuietly) {
  DisplayPower power(-1, "/nonexistent/cec-ctl", "/dev/null");
  std::string error;
  power.set_on(false, error);
  EXPECT_EQ(error.find("cec-ctl"), std::string::npos);
}

}  // namespace
}  // namespace ijlas::platform
