#include "live/clock.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>

#include "core/diagnostic.hpp"
#include "core/time.hpp"

namespace ijlas::live {
namespace {

constexpr double kMaxClockRate = 86400;  // a day a second: faster replays skip whole minutes

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Timestamp SystemClock::now() const {
  return {std::chrono::duration_cast<std::chrono::milliseconds>(
              std::chrono::system_clock::now().time_since_epoch())
              .count()};
}

RehearsalClock::RehearsalClock(Timestamp start, double rate, const Clock* pace)
    : start_(start), rate_(rate), pace_(pace), pace_origin_ms_(pace_ms()) {}

std::int64_t RehearsalClock::pace_ms() const {
  return pace_ != nullptr ? pace_->now().utc_ms : steady_ms();
}

Timestamp RehearsalClock::now() const {
  const double run = rate_ * static_cast<double>(pace_ms() - pace_origin_ms_);
  return {start_.utc_ms + stepped_ms_ + static_cast<std::int64_t>(std::llround(run))};
}

std::optional<Timestamp> sample_rehearsal_start(const agenda::Agenda& agenda, Timestamp real_now) {
  if (!agenda.conference().is_sample || agenda.sessions().empty()) return std::nullopt;
  // The conference's dates: from its first day's start to its last day's end.
  std::int64_t first = agenda.sessions().front().start.utc_seconds, last = first;
  for (const agenda::Day& day : agenda.days()) {
    first = std::min(first, day.start.utc_seconds);
    last = std::max(last, day.end.utc_seconds);
  }
  for (const agenda::Session& session : agenda.sessions())
    last = std::max(last, session.end.utc_seconds);
  const std::int64_t now = real_now.utc_seconds();
  if (first <= now && now < last) return std::nullopt;
  return Timestamp::from_seconds(agenda.sessions().front().start.utc_seconds);
}

ClockStartParse parse_clock_start(std::string_view text, const agenda::TimeZone& venue_zone) {
  const std::optional<time::ParsedDateTime> parsed = time::parse_date_time(text);
  if (!parsed) {
    return {std::nullopt, "--clock " + quoted(text) +
                              " is not a date and time: write it like 2025-11-26T10:20+05:00, "
                              "2025-11-26T10:20:00Z, or 2025-11-26T10:20 for the venue's time (" +
                              venue_zone.name() + ")"};
  }
  return {Timestamp::from_seconds(agenda::to_instant(*parsed, &venue_zone).utc_seconds), {}};
}

ClockRateParse parse_clock_rate(std::string_view text) {
  double rate = 0;
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, rate);
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(rate) || rate < 0 ||
      rate > kMaxClockRate) {
    return {std::nullopt, "--clock-rate " + quoted(text) +
                              " is not a rate: write a number from 0 (a frozen clock) to 86400, "
                              "e.g. 1 for real time or 60 for an hour a minute"};
  }
  return {rate, {}};
}

}  // namespace ijlas::live
