// A finger at each corner of the panel reaches ui at the logical corner that the picture drew
// there, for every way the panel can be mounted (0, 90, 180 and 270 degrees clockwise).
#include <gtest/gtest.h>

#include "platform/screen_rotation.hpp"
#include "platform/sdl_event_translator.hpp"

namespace ijlas::platform {
namespace {

constexpr Size kPanel{1920, 1080};

struct Corner {
  float finger_x, finger_y;  // SDL's normalized touch position on the panel
  Point logical;             // where ui must see it
};

struct Mounting {
  Rotation rotation;
  Corner corners[4];  // the panel's top-left, top-right, bottom-right, bottom-left
};

class TouchRotationTest : public testing::TestWithParam<Mounting> {};

TEST_P(TouchRotationTest, FingersAtThePanelsCornersLandOnTheLogicalCornersDrawnThere) {
  const Mounting& mounting = GetParam();
  const ScreenRotation rotation(kPanel, mounting.rotation);
  for (const Corner& corner : mounting.corners) {
    SdlEventTranslator translator(rotation, kPanel);
    SDL_Event down{};
    down.tfinger.type = SDL_FINGERDOWN;
    down.tfinger.fingerId = 1;
    down.tfinger.x = corner.finger_x;
    down.tfinger.y = corner.finger_y;
    const auto input = translator.translate(down);
    ASSERT_TRUE(input && std::holds_alternative<ui::PointerEvent>(*input));
    const auto& pointer = std::get<ui::PointerEvent>(*input);
    EXPECT_FLOAT_EQ(pointer.x, corner.logical.x) << corner.finger_x << "," << corner.finger_y;
    EXPECT_FLOAT_EQ(pointer.y, corner.logical.y) << corner.finger_x << "," << corner.finger_y;
    // The picture puts that logical corner under the finger: drawing and touch share one turn.
    const Point drawn = rotation.to_physical(corner.logical);
    EXPECT_FLOAT_EQ(drawn.x, corner.finger_x * kPanel.width);
    EXPECT_FLOAT_EQ(drawn.y, corner.finger_y * kPanel.height);
  }
}

// Landscape 1920x1080 at 0 and 180; portrait 1080x1920 at 90 and 270.
INSTANTIATE_TEST_SUITE_P(
    EveryMounting, TouchRotationTest,
    testing::Values(
        Mounting{Rotation::k0,
                 {{0, 0, {0, 0}}, {1, 0, {1920, 0}}, {1, 1, {1920, 1080}}, {0, 1, {0, 1080}}}},
        Mounting{Rotation::k90,
                 {{0, 0, {0, 1920}}, {1, 0, {0, 0}}, {1, 1, {1080, 0}}, {0, 1, {1080, 1920}}}},
        Mounting{Rotation::k180,
                 {{0, 0, {1920, 1080}}, {1, 0, {0, 1080}}, {1, 1, {0, 0}}, {0, 1, {1920, 0}}}},
        Mounting{Rotation::k270,
                 {{0, 0, {1080, 0}}, {1, 0, {1080, 1920}}, {1, 1, {0, 1920}}, {0, 1, {0, 0}}}}),
    [](const testing::TestParamInfo<Mounting>& info) {
      return "Degrees" + std::to_string(static_cast<int>(info.param.rotation));
    });

TEST(TouchRotation, AFingerInTheMiddleOfTheTopEdgeOfAPortraitPanel) {
  // Mounted at 90 degrees, the panel's right edge is the picture's top: its middle is (540, 0).
  SdlEventTranslator translator(ScreenRotation(kPanel, Rotation::k90), kPanel);
  SDL_Event down{};
  down.tfinger.type = SDL_FINGERDOWN;
  down.tfinger.x = 1.0f;
  down.tfinger.y = 0.5f;
  const auto input = translator.translate(down);
  ASSERT_TRUE(input && std::holds_alternative<ui::PointerEvent>(*input));
  EXPECT_FLOAT_EQ(std::get<ui::PointerEvent>(*input).x, 540);
  EXPECT_FLOAT_EQ(std::get<ui::PointerEvent>(*input).y, 0);
}

}  // namespace
}  // namespace ijlas::platform
