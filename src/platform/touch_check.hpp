// Before SDL starts: can this program read the touch screen? SDL's KMSDRM driver reads input
// through evdev, and when /dev/input/event* cannot be opened it draws on as if nobody touched it.
// This finds the touch screens (sysfs: direct-input devices with absolute X) and tries to open each
// for reading, so that the kiosk can say plainly what is wrong. No SDL.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ijlas::platform {

struct TouchDevice {
  std::string device;  // "/dev/input/event3"
  std::string name;    // "ILITEK ILITEK-TP"
  int open_error = 0;  // errno of open(O_RDONLY), 0 when readable
};

struct TouchCheck {
  enum class Status {
    kReadable,       // at least one touch screen can be read
    kNoTouchScreen,  // none attached: a warning, the kiosk still runs (mouse, keys)
    kNotPermitted,   // touch screens exist, none can be read
  };
  Status status = Status::kNoTouchScreen;
  std::vector<TouchDevice> devices;
  std::string message;  // one line for the log (and the screen when not permitted)
  bool ok() const { return status == Status::kReadable; }
};

struct InputRoots {
  std::filesystem::path sys = "/sys";
  std::filesystem::path dev = "/dev";
};

// The touch screens sysfs knows of, each tried for reading.
std::vector<TouchDevice> find_touch_devices(const InputRoots& roots = {});
// The verdict on what was found (pure; the tests give it devices made by hand).
TouchCheck judge_touch_devices(std::vector<TouchDevice> devices);
inline TouchCheck check_touch_devices(const InputRoots& roots = {}) {
  return judge_touch_devices(find_touch_devices(roots));
}

// Whether a sysfs capability bitmap ("1 0 3" as in capabilities/abs: words of the machine's long,
// most significant first, in hex) has bit `bit` set. Exposed for the tests.
bool bitmap_has(const std::string& bitmap, int bit, int bits_per_word = 64);

}  // namespace ijlas::platform
