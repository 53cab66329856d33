#include "app/service_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <limits>

namespace ijlas::app {

ServiceNotifier::ServiceNotifier() : max_sleep_ms_(std::numeric_limits<std::int64_t>::max()) {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
    watchdog_ms_ = static_cast<std::int64_t>(usec / 1000);
    max_sleep_ms_ = std::max<std::int64_t>(watchdog_ms_ / 2, 1);
  }
}

void ServiceNotifier::ready(const std::string& status) {
  if (ready_) {
    this->status(status);
    return;
  }
  ready_ = true;
  last_status_ = status;
  sd_notify(0, ("READY=1\nSTATUS=" + status).c_str());
}

void ServiceNotifier::watchdog(std::int64_t monotonic_ms) {
  if (watchdog_ms_ == 0) return;
  if (last_ping_ms_ >= 0 && monotonic_ms - last_ping_ms_ < watchdog_ms_ / 4) return;
  last_ping_ms_ = monotonic_ms;
  sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::status(const std::string& status) {
  if (status == last_status_) return;
  last_status_ = status;
  sd_notify(0, ("STATUS=" + status).c_str());
}

}  // namespace ijlas::app
