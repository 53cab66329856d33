#include "core/time.hpp"

#include <chrono>
#include <cstdio>

namespace ijlas::time {
namespace {

// Reads exactly `width` ASCII digits at `offset`.
std::optional<int> read_digits(std::string_view text, std::size_t offset, std::size_t width) {
  if (offset + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = offset; i < offset + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string two_digits(std::int64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%02lld", static_cast<long long>(value));
  return buffer;
}

// Parses "HH:MM" or "HH:MM:SS" where HH has `min_hour_digits`..2 digits; returns seconds.
std::optional<int> parse_hours_minutes(std::string_view text, int max_hours) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 3) return std::nullopt;
  const auto hours = read_digits(text, 0, colon);
  const auto minutes = read_digits(text, colon + 1, 2);
  if (!hours || !minutes || *hours > max_hours || *minutes > 59) return std::nullopt;
  int seconds = 0;
  std::size_t end = colon + 3;
  if (end < text.size()) {
    if (text[end] != ':') return std::nullopt;
    const auto read = read_digits(text, end + 1, 2);
    if (!read || *read > 59) return std::nullopt;
    seconds = *read;
    end += 3;
  }
  if (end != text.size()) return std::nullopt;
  return *hours * 3600 + *minutes * 60 + seconds;
}

}  // namespace

std::int64_t LocalDateTime::local_seconds() const {
  return days_from_date(date) * kSecondsPerDay + seconds_of_day;
}

std::int64_t days_from_date(Date date) {
  const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

Date date_from_days(std::int64_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool is_valid_date(Date date) {
  if (date.year < 1 || date.year > 9999) return false;
  const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && ymd.ok();
}

Date local_date_of(const Instant& instant) {
  const std::int64_t local = instant.local_seconds();
  std::int64_t days = local / kSecondsPerDay;
  if (local % kSecondsPerDay < 0) --days;
  return date_from_days(days);
}

int local_seconds_of_day(const Instant& instant) {
  const std::int64_t rest = instant.local_seconds() % kSecondsPerDay;
  return static_cast<int>(rest < 0 ? rest + kSecondsPerDay : rest);
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = read_digits(text, 0, 4);
  const auto month = read_digits(text, 5, 2);
  const auto day = read_digits(text, 8, 2);
  if (!year || !month || !day) return std::nullopt;
  const Date date{*year, *month, *day};
  if (!is_valid_date(date)) return std::nullopt;
  return date;
}

std::optional<int> parse_clock_time(std::string_view text) {
  if (text.size() < 4 || text.find(':') > 2) return std::nullopt;
  return parse_hours_minutes(text, 23);
}

std::optional<int> parse_duration(std::string_view text) {
  return parse_hours_minutes(text, 999);
}

std::optional<ParsedDateTime> parse_date_time(std::string_view text) {
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ' && text[10] != 't')) {
    return std::nullopt;
  }
  const auto date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  std::string_view rest = text.substr(11);
  std::size_t clock_end = 0;
  while (clock_end < rest.size() &&
         (rest[clock_end] == ':' || (rest[clock_end] >= '0' && rest[clock_end] <= '9'))) {
    ++clock_end;
  }
  const auto clock = parse_clock_time(rest.substr(0, clock_end));
  if (!clock) return std::nullopt;
  rest.remove_prefix(clock_end);
  if (!rest.empty() && (rest[0] == '.' || rest[0] == ',')) {
    std::size_t digits = 1;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9')
      ++digits;
    if (digits == 1) return std::nullopt;
    rest.remove_prefix(digits);
  }
  ParsedDateTime parsed{{*date, *clock}, std::nullopt};
  if (rest.empty()) return parsed;
  if (rest == "Z" || rest == "z") {
    parsed.offset_seconds = 0;
    return parsed;
  }
  if (rest[0] != '+' && rest[0] != '-') return std::nullopt;
  const int sign = rest[0] == '-' ? -1 : 1;
  const auto hours = read_digits(rest, 1, 2);
  std::optional<int> minutes;
  if (rest.size() == 6 && rest[3] == ':') {
    minutes = read_digits(rest, 4, 2);
  } else if (rest.size() == 5) {
    minutes = read_digits(rest, 3, 2);
  } else if (rest.size() == 3) {
    minutes = 0;
  }
  if (!hours || !minutes || *hours > 18 || *minutes > 59) return std::nullopt;
  parsed.offset_seconds = sign * (*hours * 3600 + *minutes * 60);
  return parsed;
}

std::string format_date(Date date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string format_clock_time(int seconds_of_day) {
  std::string out = two_digits(seconds_of_day / 3600) + ':' + two_digits(seconds_of_day / 60 % 60);
  if (seconds_of_day % 60 != 0) out += ':' + two_digits(seconds_of_day % 60);
  return out;
}

std::string format_duration(std::int64_t seconds) {
  std::string out = seconds < 0 ? "-" : "";
  if (seconds < 0) seconds = -seconds;
  out += two_digits(seconds / 3600) + ':' + two_digits(seconds / 60 % 60);
  if (seconds % 60 != 0) out += ':' + two_digits(seconds % 60);
  return out;
}

std::string format_offset(std::int32_t offset_seconds) {
  const char sign = offset_seconds < 0 ? '-' : '+';
  const std::int32_t magnitude = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  return sign + two_digits(magnitude / 3600) + ':' + two_digits(magnitude / 60 % 60);
}

std::string format_date_time(const Instant& instant) {
  const int seconds = local_seconds_of_day(instant);
  return format_date(local_date_of(instant)) + 'T' + two_digits(seconds / 3600) + ':' +
         two_digits(seconds / 60 % 60) + ':' + two_digits(seconds % 60) +
         format_offset(instant.offset_seconds);
}

}  // namespace ijlas::time
