#include "live/screen_schedule.hpp"

#include "core/diagnostic.hpp"

namespace ijlas::live {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && space(text.back()))
    text.remove_suffix(1);
  return text;
}

int floor_mod_day(std::int64_t seconds) {
  const std::int64_t day = time::kSecondsPerDay;
  return static_cast<int>(((seconds % day) + day) % day);
}

ScreenScheduleParse parse_error(std::string_view text, std::string_view why) {
  ScreenScheduleParse result;
  result.error = "screen_off " + quoted(text) + " " + std::string(why) +
                 ": write it as \"HH:MM-HH:MM\" in venue time, e.g. \"22:00-07:00\", or \"\" to "
                 "keep the screen always on";
  return result;
}

}  // namespace

ScreenScheduleParse ScreenSchedule::parse(std::string_view text) {
  const std::string_view whole = trimmed(text);
  ScreenScheduleParse result;
  if (whole.empty()) {
    result.schedule = ScreenSchedule();
    return result;
  }
  std::string_view dash = "-";
  std::size_t at = whole.find("\u2013");  // an en dash, as word processors write ranges
  if (at != std::string_view::npos) {
    dash = "\u2013";
  } else {
    at = whole.find('-');
  }
  if (at == std::string_view::npos) return parse_error(text, "is not a span of two times");
  const auto from = time::parse_clock_time(trimmed(whole.substr(0, at)));
  const auto to = time::parse_clock_time(trimmed(whole.substr(at + dash.size())));
  if (!from || !to) return parse_error(text, "does not hold two times");
  if (*from == *to) return parse_error(text, "starts where it ends");
  ScreenSchedule schedule;
  schedule.off_from_ = *from;
  schedule.on_at_ = *to;
  result.schedule = schedule;
  return result;
}

bool ScreenSchedule::off_at(int seconds_of_day) const {
  if (!off_from_) return false;
  const int from = *off_from_;
  if (from < on_at_) return seconds_of_day >= from && seconds_of_day < on_at_;
  return seconds_of_day >= from || seconds_of_day < on_at_;  // overnight
}

bool ScreenSchedule::off_at(const time::Instant& venue_now) const {
  return off_at(floor_mod_day(venue_now.local_seconds()));
}

std::optional<time::Instant> ScreenSchedule::next_change(const time::Instant& venue_now) const {
  if (!off_from_) return std::nullopt;
  const int now = floor_mod_day(venue_now.local_seconds());
  const int target = off_at(now) ? on_at_ : *off_from_;
  int ahead = target - now;
  if (ahead <= 0) ahead += time::kSecondsPerDay;
  return time::Instant{venue_now.utc_seconds + ahead, venue_now.offset_seconds};
}

std::string ScreenSchedule::text() const {
  if (!off_from_) return "";
  return time::format_clock_time(*off_from_) + "-" + time::format_clock_time(on_at_);
}

ScreenSwitch::ScreenSwitch(ScreenSchedule schedule, std::int64_t wake_seconds)
    : schedule_(schedule), wake_seconds_(wake_seconds) {}

void ScreenSwitch::touched(const time::Instant& venue_now) {
  if (!schedule_.off_at(venue_now)) return;  // on anyway: nothing to remember
  awake_until_utc_ = venue_now.utc_seconds + wake_seconds_;
}

bool ScreenSwitch::screen_on(const time::Instant& venue_now) const {
  if (!schedule_.off_at(venue_now)) return true;
  return awake_until_utc_ && venue_now.utc_seconds < *awake_until_utc_;
}

std::optional<time::Instant> ScreenSwitch::next_change(const time::Instant& venue_now) const {
  std::optional<time::Instant> next = schedule_.next_change(venue_now);
  if (awake_until_utc_ && venue_now.utc_seconds < *awake_until_utc_ &&
      (!next || *awake_until_utc_ < next->utc_seconds)) {
    next = time::Instant{*awake_until_utc_, venue_now.offset_seconds};
  }
  return next;
}

}  // namespace ijlas::live
