// Dates, times and durations as organizers type them into a sheet: "2:00 p.m.", "14.30 Uhr",
// "90 min", "1:30", "27.10.2016", "10/27/2016", "Oct 27, 2016". A date whose day and month could
// be swapped is read in the order the file declares (`date_format:`) or its other dates prove.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace ijlas::agenda {

enum class DateOrder { kDayFirst, kMonthFirst };

// A date as written, before the file's day/month order is known.
struct WrittenDate {
  std::optional<time::Date> fixed;  // year first, month by name, or dotted (always day first)
  int first = 0;                    // the two numbers before the year, as written
  int second = 0;
  int year = 0;

  bool can_be(DateOrder order) const { return fixed || as(order).has_value(); }
  std::optional<time::Date> as(DateOrder order) const;
};

std::optional<WrittenDate> read_written_date(std::string_view text);

// "DD/MM/YYYY", "MM/DD/YYYY", "DMY", "M/D/Y", "day first", "month first", …
std::optional<DateOrder> read_date_order(std::string_view hint);
std::string_view date_order_example(DateOrder order);  // "DD/MM/YYYY"

// A time of day, 24-hour or 12-hour: "09:30", "9.30", "14:00 Uhr", "2pm", "2:00 p.m." → seconds.
std::optional<int> read_time_of_day(std::string_view text);

// Minutes ("45", "45 min", "1 h 30 min", "1.5 h") or "H:MM[:SS]" → seconds.
std::optional<int> read_duration(std::string_view text);

// A cell holding date and time ("2016-10-27 09:00", "27.10.2016 2:00 PM", "…T09:00:00") split
// into its two parts; empty when there is no time after the date.
struct DateAndTime {
  std::string date;
  std::string time;
};
std::optional<DateAndTime> split_date_and_time(std::string_view text);

// "09:00–10:30", "2pm - 3pm", "9:00 bis 10:00" → the two times.
struct TimeRange {
  int start = 0;
  int end = 0;
};
std::optional<TimeRange> read_time_range(std::string_view text);

}  // namespace ijlas::agenda
