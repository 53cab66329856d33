// Finding the touch screens in sysfs and saying plainly when they cannot be read.
#include "platform/touch_check.hpp"

#include <gtest/gtest.h>

#include <cerrno>

#include "board_test_folder.hpp"

namespace ijlas::platform {
namespace {

// ABS_X, ABS_Y, ABS_MT_SLOT, ABS_MT_POSITION_X/Y, ABS_MT_TRACKING_ID as the kernel prints them.
constexpr const char* kTouchAbs = "660800000000003";
constexpr const char* kDirect = "2";  // INPUT_PROP_DIRECT

void input_device(const FakeRoot& root, const std::string& event, const std::string& name,
                  const std::string& abs, const std::string& properties) {
  const std::string device = "sys/class/input/" + event + "/device/";
  root.write(device + "name", name + "\n");
  root.write(device + "capabilities/abs", abs + "\n");
  root.write(device + "properties", properties + "\n");
}

TEST(TouchCheck, ReadsTheKernelsBitmaps) {
  EXPECT_TRUE(bitmap_has("3", 0));
  EXPECT_TRUE(bitmap_has("3", 1));
  EXPECT_FALSE(bitmap_has("3", 2));
  EXPECT_TRUE(bitmap_has(kTouchAbs, 0x35));
  EXPECT_FALSE(bitmap_has("0", 0x35));
  EXPECT_TRUE(bitmap_has("1 0", 64));  // the word for bits 64..127 comes first
  EXPECT_FALSE(bitmap_has("1 0", 0));
  EXPECT_TRUE(bitmap_has("1 0", 32, 32));
  EXPECT_FALSE(bitmap_has("", 0));
  EXPECT_FALSE(bitmap_has("zz", 0));
}

TEST(TouchCheck, FindsTouchScreensButNotKeyboardsOrTouchPads) {
  const FakeRoot root;
  input_device(root, "event0", "Logitech USB Keyboard", "0", "0");
  input_device(root, "event1", "SynPS/2 Synaptics TouchPad", kTouchAbs, "5");  // POINTER, no DIRECT
  input_device(root, "event4", "ILITEK ILITEK-TP", kTouchAbs, kDirect);
  input_device(root, "event12", "raspberrypi-ts", "3", kDirect);  // single touch: ABS_X/ABS_Y
  root.write("sys/class/input/input4/name", "not an event node\n");
  root.write("dev/input/event4", "");
  root.write("dev/input/event12", "");
  const auto devices = find_touch_devices({root.sys(), root.dev()});
  ASSERT_EQ(devices.size(), 2u);
  EXPECT_EQ(devices[0].device, "/dev/input/event4");
  EXPECT_EQ(devices[0].name, "ILITEK ILITEK-TP");
  EXPECT_EQ(devices[0].open_error, 0);
  EXPECT_EQ(devices[1].device, "/dev/input/event12");
  const TouchCheck check = check_touch_devices({root.sys(), root.dev()});
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(check.message, "touch screen /dev/input/event4 (ILITEK ILITEK-TP)");
}

TEST(TouchCheck, ATouchScreenThatCannotBeOpenedIsReported) {
  const FakeRoot root;
  input_device(root, "event2", "ILITEK ILITEK-TP", kTouchAbs, kDirect);  // no node in dev/
  const TouchCheck check = check_touch_devices({root.sys(), root.dev()});
  EXPECT_EQ(check.status, TouchCheck::Status::kNotPermitted);
  EXPECT_EQ(check.devices.at(0).open_error, ENOENT);
  EXPECT_NE(check.message.find("cannot read the touch screen /dev/input/event2"),
            std::string::npos);
}

TEST(TouchCheck, PermissionDeniedSaysWhichGroupIsMissing) {
  const TouchCheck check =
      judge_touch_devices({{"/dev/input/event3", "FT5406 memory based driver", EACCES}});
  EXPECT_EQ(check.status, TouchCheck::Status::kNotPermitted);
  EXPECT_FALSE(check.ok());
  EXPECT_EQ(check.message,
            "cannot read the touch screen /dev/input/event3 (FT5406 memory based driver): "
            "Permission denied: add the ijlas user to the input group (the ijlas service does), "
            "or touches will be ignored");
}

TEST(TouchCheck, OneReadableTouchScreenIsEnough) {
  const TouchCheck check = judge_touch_devices(
      {{"/dev/input/event3", "locked", EACCES}, {"/dev/input/event5", "open", 0}});
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(check.message, "touch screen /dev/input/event5 (open)");
}

TEST(TouchCheck, NoTouchScreenIsAWarningThatTheKioskOutlives) {
  const FakeRoot root;
  const TouchCheck check = check_touch_devices({root.sys(), root.dev()});
  EXPECT_EQ(check.status, TouchCheck::Status::kNoTouchScreen);
  EXPECT_NE(check.message.find("no touch screen found: the kiosk runs"), std::string::npos);
}

}  // namespace
}  // namespace ijlas::platform
