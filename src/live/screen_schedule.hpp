// When the venue screen is dark: a nightly span of venue wall time ("22:00-07:00", from the
// configuration's [display] screen_off), and a touch in the dark that wakes it for a few minutes.
// Pure arithmetic on instants; the platform's DisplayPower does the switching.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace ijlas::live {

struct ScreenScheduleParse;

class ScreenSchedule {
 public:
  ScreenSchedule() = default;  // never off

  // "" (never off), "22:00-07:00" (overnight, past midnight), "13:00-14:00", also "22:00–07:00"
  // with an en dash and spaces around it. A span that starts where it ends is an error.
  static ScreenScheduleParse parse(std::string_view text);

  bool never_off() const { return !off_from_; }
  // Inside the span: off from the first second, on again at the end's first second.
  bool off_at(int seconds_of_day) const;
  bool off_at(const time::Instant& venue_now) const;
  // The next instant (same offset as venue_now) at which off_at changes; nullopt if never.
  // A change of the venue's UTC offset in between (summer time) is not foreseen: callers ask again
  // after each change.
  std::optional<time::Instant> next_change(const time::Instant& venue_now) const;
  std::string text() const;  // "22:00-07:00", "" when never off
  friend bool operator==(const ScreenSchedule&, const ScreenSchedule&) = default;

 private:
  std::optional<int> off_from_;  // seconds of the day
  int on_at_ = 0;
};

// ScreenSchedule::parse(): the schedule, or a message that quotes the bad text and shows the
// accepted form.
struct ScreenScheduleParse {
  std::optional<ScreenSchedule> schedule;
  std::string error;  // set when schedule is empty
};

// The schedule plus touches: a touch while the screen is off by schedule keeps it on for
// `wake_seconds` after the last touch. Tell it every touch, ask it on each loop.
class ScreenSwitch {
 public:
  explicit ScreenSwitch(ScreenSchedule schedule, std::int64_t wake_seconds = 300);

  const ScreenSchedule& schedule() const { return schedule_; }
  void touched(const time::Instant& venue_now);
  bool screen_on(const time::Instant& venue_now) const;
  // When screen_on() may change next (the schedule's next change or the end of a touch's wake);
  // nullopt when never. The loop should wake up then at the latest.
  std::optional<time::Instant> next_change(const time::Instant& venue_now) const;

 private:
  ScreenSchedule schedule_;
  std::int64_t wake_seconds_;
  std::optional<std::int64_t> awake_until_utc_;
};

}  // namespace ijlas::live
