#include "platform/screen_rotation.hpp"

#include <gtest/gtest.h>

namespace ijlas::platform {
namespace {

constexpr Size kPanel{1920, 1080};

TEST(ScreenRotation, TurningAQuarterSwapsTheLogicalSides) {
  EXPECT_EQ(ScreenRotation(kPanel, Rotation::k0).logical(), (Size{1920, 1080}));
  EXPECT_EQ(ScreenRotation(kPanel, Rotation::k90).logical(), (Size{1080, 1920}));
  EXPECT_EQ(ScreenRotation(kPanel, Rotation::k180).logical(), (Size{1920, 1080}));
  EXPECT_EQ(ScreenRotation(kPanel, Rotation::k270).logical(), (Size{1080, 1920}));
}

// Where the logical picture's top-left, top-right and bottom-left corners land on the panel.
struct Corners {
  Rotation rotation;
  Point top_left, top_right, bottom_left;
};

class CornerTest : public ::testing::TestWithParam<Corners> {};

TEST_P(CornerTest, LogicalCornersLandOnThePanelCornersTurnedClockwise) {
  const Corners& c = GetParam();
  const ScreenRotation rotation(kPanel, c.rotation);
  const Size l = rotation.logical();
  const float w = static_cast<float>(l.width), h = static_cast<float>(l.height);
  EXPECT_EQ(rotation.to_physical(Point{0, 0}), c.top_left);
  EXPECT_EQ(rotation.to_physical(Point{w, 0}), c.top_right);
  EXPECT_EQ(rotation.to_physical(Point{0, h}), c.bottom_left);
  EXPECT_EQ(rotation.to_logical(c.top_left), (Point{0, 0}));
  EXPECT_EQ(rotation.to_logical(c.top_right), (Point{w, 0}));
  EXPECT_EQ(rotation.to_logical(c.bottom_left), (Point{0, h}));
}

INSTANTIATE_TEST_SUITE_P(
    EveryRotation, CornerTest,
    ::testing::Values(Corners{Rotation::k0, {0, 0}, {1920, 0}, {0, 1080}},
                      // Turned clockwise: the logical top edge runs down the panel's right edge.
                      Corners{Rotation::k90, {1920, 0}, {1920, 1080}, {0, 0}},
                      Corners{Rotation::k180, {1920, 1080}, {0, 1080}, {1920, 0}},
                      Corners{Rotation::k270, {0, 1080}, {0, 0}, {1920, 1080}}));

TEST(ScreenRotation, PhysicalToLogicalUndoesLogicalToPhysical) {
  for (const Rotation r : {Rotation::k0, Rotation::k90, Rotation::k180, Rotation::k270}) {
    const ScreenRotation rotation(kPanel, r);
    for (const Point p : {Point{0, 0}, Point{12.5f, 700}, Point{1079, 3}, Point{500, 1919}}) {
      const Point back = rotation.to_logical(rotation.to_physical(p));
      EXPECT_FLOAT_EQ(back.x, p.x) << static_cast<int>(r);
      EXPECT_FLOAT_EQ(back.y, p.y) << static_cast<int>(r);
    }
  }
}

TEST(ScreenRotation, APortraitTouchNearThePanelsTopRightIsNearTheLogicalTopLeft) {
  const ScreenRotation rotation(kPanel, Rotation::k90);
  const Point p = rotation.to_logical({1900, 30});
  EXPECT_FLOAT_EQ(p.x, 30);
  EXPECT_FLOAT_EQ(p.y, 20);
}

TEST(ScreenRotation, BoxesTurnWithTheirCorners) {
  const ScreenRotation rotation({40, 30}, Rotation::k90);  // logical 30 x 40
  EXPECT_EQ(rotation.to_physical(ui::Box{2, 5, 10, 4}), (ui::Box{31, 2, 4, 10}));
  const ScreenRotation upside_down({40, 30}, Rotation::k180);
  EXPECT_EQ(upside_down.to_physical(ui::Box{2, 5, 10, 4}), (ui::Box{28, 21, 10, 4}));
}

TEST(ScreenRotation, TakesAQuarterTurnsDegreesAndNothingElse) {
  EXPECT_EQ(rotation_from_degrees(0), Rotation::k0);
  EXPECT_EQ(rotation_from_degrees(90), Rotation::k90);
  EXPECT_EQ(rotation_from_degrees(180), Rotation::k180);
  EXPECT_EQ(rotation_from_degrees(270), Rotation::k270);
  EXPECT_FALSE(rotation_from_degrees(45).has_value());
  EXPECT_FALSE(rotation_from_degrees(360).has_value());
  EXPECT_FALSE(rotation_from_degrees(-90).has_value());
}

}  // namespace
}  // namespace ijlas::platform
