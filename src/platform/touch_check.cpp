#include "platform/touch_check.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ijlas::platform {
namespace {

namespace fs = std::filesystem;

constexpr int kAbsX = 0x00;  // linux/input-event-codes.h
constexpr int kAbsMtPositionX = 0x35;
constexpr int kInputPropDirect = 0x01;  // a touch screen, not a touch pad

std::string first_line(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

int event_number(const std::string& name) {
  int number = INT_MAX;
  std::from_chars(name.data() + 5, name.data() + name.size(), number);
  return number;
}

}  // namespace

bool bitmap_has(const std::string& bitmap, int bit, int bits_per_word) {
  std::istringstream words(bitmap);
  std::vector<std::string> parts;
  for (std::string word; words >> word;)
    parts.push_back(word);
  const std::size_t index = static_cast<std::size_t>(bit / bits_per_word);
  if (index >= parts.size()) return false;
  const std::string& word = parts[parts.size() - 1 - index];  // least significant word last
  unsigned long long value = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value, 16);
  if (error != std::errc() || end != word.data() + word.size()) return false;
  return (value >> (bit % bits_per_word)) & 1ULL;
}

std::vector<TouchDevice> find_touch_devices(const InputRoots& roots) {
  const int word_bits = static_cast<int>(sizeof(long) * CHAR_BIT);
  std::vector<TouchDevice> devices;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(roots.sys / "class/input", error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("event", 0) != 0) continue;
    const fs::path device = entry.path() / "device";
    const std::string abs = first_line(device / "capabilities/abs");
    const bool absolute =
        bitmap_has(abs, kAbsMtPositionX, word_bits) || bitmap_has(abs, kAbsX, word_bits);
    if (!absolute || !bitmap_has(first_line(device / "properties"), kInputPropDirect, word_bits)) {
      continue;
    }
    TouchDevice touch;
    touch.device = "/dev/input/" + name;
    touch.name = first_line(device / "name");
    const fs::path node = roots.dev / "input" / name;
    const int fd = ::open(node.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0) {
      ::close(fd);
    } else {
      touch.open_error = errno;
    }
    devices.push_back(touch);
  }
  std::sort(devices.begin(), devices.end(), [](const TouchDevice& a, const TouchDevice& b) {
    return event_number(fs::path(a.device).filename()) <
           event_number(fs::path(b.device).filename());
  });
  return devices;
}

TouchCheck judge_touch_devices(std::vector<TouchDevice> devices) {
  TouchCheck check;
  check.devices = std::move(devices);
  if (check.devices.empty()) {
    check.status = TouchCheck::Status::kNoTouchScreen;
    check.message =
        "no touch screen found: the kiosk runs, but only a mouse or keys can move it "
        "(is the touch screen's USB cable in?)";
    return check;
  }
  const auto readable = std::find_if(check.devices.begin(), check.devices.end(),
                                     [](const TouchDevice& d) { return d.open_error == 0; });
  if (readable != check.devices.end()) {
    check.status = TouchCheck::Status::kReadable;
    check.message = "touch screen " + readable->device + " (" + readable->name + ")";
    return check;
  }
  check.status = TouchCheck::Status::kNotPermitted;
  const TouchDevice& first = check.devices.front();
  check.message = "cannot read the touch screen " + first.device + " (" + first.name +
                  "): " + std::strerror(first.open_error);
  if (first.open_error == EACCES || first.open_error == EPERM) {
    check.message +=
        ": add the ijlas user to the input group (the ijlas service does), or "
        "touches will be ignored";
  } else {
    check.message += ": touches will be ignored";
  }
  return check;
}

}  // namespace ijlas::platform
