// Whether the system clock can be believed. A board without a real-time clock that reboots
// without network starts at a stale time (systemd-timesyncd restores roughly the moment it last
// saved), and a kiosk must not show yesterday's sessions as "now". The rule is pure
// (judge_clock); reading the facts off the system and keeping the last known time in the state
// folder are small functions beside it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "live/clock.hpp"

namespace ijlas::live {

struct ClockFacts {
  Timestamp now;                        // the system clock's reading
  std::optional<Timestamp> last_known;  // the latest trusted time seen before (state folder)
  bool synchronized = false;            // NTP says so (timesyncd, adjtimex without STA_UNSYNC)
  bool has_rtc = false;                 // a real-time clock kept time while the power was off
  bool set_since_boot = false;          // the clock was synchronized or set since this boot
};

enum class ClockVerdict {
  kTrusted,
  kBehindLastKnown,  // earlier than a time already seen: the clock went back (or was never set)
  kNotSet,           // no network time, no real-time clock, nothing set since boot
};

// The rule:
// - synchronized by NTP: trusted (network time wins even over a stored time from a clock that was
//   once wrong in the future; the stored time is then replaced);
// - earlier than the last known time: not trusted;
// - otherwise trusted when a real-time clock or a setting since boot vouches for it, else not.
ClockVerdict judge_clock(const ClockFacts& facts);
inline bool trusted(ClockVerdict verdict) {
  return verdict == ClockVerdict::kTrusted;
}
std::string describe(ClockVerdict verdict);  // one line for the log and the service panel

// What the system says, read where the kiosk runs (also inside its sandbox):
// - synchronized: adjtimex(2) without STA_UNSYNC; where the call is refused (the service's
//   ProtectClock=), /run/systemd/timesync/synchronized, which timesyncd makes at its first sync;
// - has_rtc: /sys/class/rtc/rtc0 or /dev/rtc0;
// - set_since_boot: that timesync file, or /run/ijlas-clock-set, which a technician touches after
//   setting the time by hand (timedatectl set-time). /run is a tmpfs: both mean "since this boot".
// The roots are for tests.
struct ClockProbeRoots {
  std::filesystem::path run = "/run";
  std::filesystem::path sys = "/sys";
  std::filesystem::path dev = "/dev";
  bool ask_kernel = true;  // adjtimex; tests turn it off
};
ClockFacts read_clock_facts(Timestamp now, std::optional<Timestamp> last_known,
                            const ClockProbeRoots& roots = {});

// The last known time, kept in `state_dir`/last-known-time as whole UTC seconds on one line. A
// missing or unreadable file is nullopt (first boot).
std::optional<Timestamp> read_last_known_time(const std::filesystem::path& state_dir);
// Written atomically (a temporary file beside it, flushed, renamed over); false on failure, with
// the reason in `error`.
bool write_last_known_time(const std::filesystem::path& state_dir, Timestamp time,
                           std::string& error);

// Keeps the last known time up to date without wearing out an SD card: saves a trusted time when
// it is `interval_seconds` past the one saved last, or earlier than it (network time corrected a
// clock that ran ahead). Untrusted readings are never saved.
class LastKnownTime {
 public:
  LastKnownTime(std::filesystem::path state_dir, std::int64_t interval_seconds = 600);

  std::optional<Timestamp> value() const { return saved_; }
  // Call every minute or so with the current reading and its verdict; true when it wrote the file.
  bool update(Timestamp now, ClockVerdict verdict, std::string& error);

 private:
  std::filesystem::path state_dir_;
  std::int64_t interval_seconds_;
  std::optional<Timestamp> saved_;
};

}  // namespace ijlas::live
