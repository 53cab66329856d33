#include "live_test_support.hpp"

#include <gtest/gtest.h>

namespace ijlas::live {

void PrintTo(const Timestamp& timestamp, std::ostream* out) {
  const std::int64_t seconds = timestamp.utc_seconds();
  const std::int64_t milliseconds = timestamp.utc_ms - seconds * 1000;
  *out << time::format_date_time({seconds, 0}) << " +" << milliseconds << " ms";
}

}  // namespace ijlas::live

namespace ijlas::live::testing {

time::Instant instant(std::string_view iso) {
  const auto parsed = time::parse_date_time(iso);
  EXPECT_TRUE(parsed && parsed->offset_seconds) << "not a date-time with offset: " << iso;
  if (!parsed || !parsed->offset_seconds) return {};
  return {parsed->local.local_seconds() - *parsed->offset_seconds, *parsed->offset_seconds};
}

Timestamp at(std::string_view iso) {
  return Timestamp::from_seconds(instant(iso).utc_seconds);
}

agenda::AgendaData conference(std::vector<agenda::Day> days, int day_change_seconds) {
  agenda::AgendaData data;
  data.conference.acronym = "test";
  data.conference.time_zone = "Asia/Karachi";
  data.conference.day_change_seconds = day_change_seconds;
  data.days = std::move(days);
  data.rooms = {{"a", {"کمرہ اے", "Room A"}}, {"b", {"کمرہ بی", "Room B"}}};
  return data;
}

agenda::Day day(int index, std::string_view date, std::string_view start, std::string_view end) {
  const auto parsed = time::parse_date(date);
  EXPECT_TRUE(parsed) << "not a date: " << date;
  return {index, parsed.value_or(time::Date{}), instant(start), instant(end)};
}

agenda::Session session(std::string_view id, std::string_view room, std::string_view start,
                        std::string_view end) {
  agenda::Session session;
  session.id = id;
  session.title.en = "Session " + std::string(id);
  session.room = room;
  session.start = instant(start);
  session.end = instant(end);
  return session;
}

std::vector<std::string> ids(const std::vector<LiveSession>& sessions) {
  std::vector<std::string> out;
  for (const LiveSession& live : sessions)
    out.push_back(live.session->id);
  return out;
}

}  // namespace ijlas::live::testing
