// Talks to systemd when it supervises the kiosk (Type=notify, WatchdogSec=): READY=1 once the
// first picture is out, WATCHDOG=1 from every turn of the main loop, STATUS= lines for
// `systemctl status`. Without systemd (NOTIFY_SOCKET unset) every call does nothing.
#pragma once

#include <cstdint>
#include <string>

namespace ijlas::app {

class ServiceNotifier {
 public:
  ServiceNotifier();

  // Once; later calls only update the status.
  void ready(const std::string& status);
  // From each loop iteration; sends at most every quarter of the watchdog interval.
  void watchdog(std::int64_t monotonic_ms);
  void status(const std::string& status);

  // The longest the loop may sleep so that systemd hears from it in time (half the watchdog
  // interval), or INT64_MAX when there is no watchdog.
  std::int64_t max_sleep_ms() const { return max_sleep_ms_; }

 private:
  bool ready_ = false;
  std::int64_t watchdog_ms_ = 0;  // 0: no watchdog
  std::int64_t max_sleep_ms_;
  std::int64_t last_ping_ms_ = -1;
  std::string last_status_;
};

}  // namespace ijlas::app
