// What time it is: the real clock, or a rehearsal clock that starts at a chosen instant and runs
// at any rate, so that a whole conference day can be replayed before the venue opens.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda.hpp"
#include "agenda/time_zone.hpp"

namespace ijlas::live {

// A clock reading: milliseconds since 1970-01-01T00:00:00Z. No offset: zones are for display.
struct Timestamp {
  std::int64_t utc_ms = 0;

  static constexpr Timestamp from_seconds(std::int64_t utc_seconds) { return {utc_seconds * 1000}; }
  // Whole seconds, rounded towards the past (also before 1970).
  constexpr std::int64_t utc_seconds() const {
    return utc_ms >= 0 ? utc_ms / 1000 : -((-utc_ms + 999) / 1000);
  }
  friend constexpr auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

// The operating system's real time (follows NTP adjustments).
class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// Starts at `start` and runs at `rate` × real time: 1 is real time, 60 an hour a minute, 0 a
// frozen clock that moves only by advance(). Real time is read from `pace` when given (tests pass
// a frozen RehearsalClock and advance it; it must outlive this clock), else from the monotonic
// clock. Not thread-safe.
class RehearsalClock final : public Clock {
 public:
  RehearsalClock(Timestamp start, double rate, const Clock* pace = nullptr);

  Timestamp now() const override;
  double rate() const { return rate_; }
  // Steps the clock by `seconds` (negative steps back), on top of its running.
  void advance(std::int64_t seconds) { advance_ms(seconds * 1000); }
  void advance_ms(std::int64_t milliseconds) { stepped_ms_ += milliseconds; }

 private:
  std::int64_t pace_ms() const;

  Timestamp start_;
  double rate_;
  const Clock* pace_;
  std::int64_t pace_origin_ms_;
  std::int64_t stepped_ms_ = 0;
};

// Where a rehearsal of `agenda` starts when it is a sample (`"sample": true`) and `real_now`
// lies outside its days: its first session, so that the demo is live, not a finished event.
// Empty for a real agenda, or a sample shown during its own days.
std::optional<Timestamp> sample_rehearsal_start(const agenda::Agenda& agenda, Timestamp real_now);

// The value of `--clock`, or a message that quotes the bad text and shows the accepted forms.
struct ClockStartParse {
  std::optional<Timestamp> start;
  std::string error;  // set when start is empty
};

// "2025-11-26T10:20+05:00", "2025-11-26T10:20:00+05:00", "2025-11-26T05:20Z", or without an
// offset "2025-11-26T10:20", which is read as a wall time in `venue_zone`.
ClockStartParse parse_clock_start(std::string_view text, const agenda::TimeZone& venue_zone);

// The value of `--clock-rate`: a finite number from 0 to 86400 ("0", "1", "60", "0.5").
struct ClockRateParse {
  std::optional<double> rate;
  std::string error;  // set when rate is empty
};
ClockRateParse parse_clock_rate(std::string_view text);

}  // namespace ijlas::live
