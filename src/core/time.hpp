// Calendar dates, wall-clock times and instants with the UTC offset their source stated.
// Only arithmetic lives here; zone names are resolved where a zone database is available.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ijlas::time {

inline constexpr int kSecondsPerDay = 86400;

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend auto operator<=>(const Date&, const Date&) = default;
};

// A moment (seconds since 1970-01-01T00:00:00Z) plus the offset the schedule wrote it with, so
// that the wall time the organizer typed can be shown and written back unchanged.
struct Instant {
  std::int64_t utc_seconds = 0;
  std::int32_t offset_seconds = 0;
  std::int64_t local_seconds() const { return utc_seconds + offset_seconds; }
  friend bool operator==(const Instant&, const Instant&) = default;
};

// A wall-clock reading as written, before a zone or offset gives it a place in time.
struct LocalDateTime {
  Date date;
  int seconds_of_day = 0;
  std::int64_t local_seconds() const;
};

// An ISO 8601 date-time; `offset_seconds` is empty for a floating time (no "Z", no offset).
struct ParsedDateTime {
  LocalDateTime local;
  std::optional<std::int32_t> offset_seconds;
};

std::int64_t days_from_date(Date date);
Date date_from_days(std::int64_t days);
bool is_valid_date(Date date);
Date local_date_of(const Instant& instant);
int local_seconds_of_day(const Instant& instant);

// "2025-11-26"
std::optional<Date> parse_date(std::string_view text);
// "09:30" or "09:30:00" → seconds after midnight (00:00 … 23:59:59).
std::optional<int> parse_clock_time(std::string_view text);
// "00:45", "01:30:00" or "1:30" → seconds; hours may exceed 23.
std::optional<int> parse_duration(std::string_view text);
// "2025-11-26T09:30:00+05:00", "…Z", "…" (floating), also with a space instead of "T" and with
// fractional seconds (dropped).
std::optional<ParsedDateTime> parse_date_time(std::string_view text);

std::string format_date(Date date);                      // "2025-11-26"
std::string format_clock_time(int seconds_of_day);       // "09:30" (or "09:30:15" when seconds)
std::string format_duration(std::int64_t seconds);       // "01:30" (or "01:30:15")
std::string format_offset(std::int32_t offset_seconds);  // "+05:00"
std::string format_date_time(const Instant& instant);    // "2025-11-26T09:30:00+05:00"

}  // namespace ijlas::time
