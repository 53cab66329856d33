// Shared by the live tests: small agendas written in code, and instants from ISO 8601 text.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/agenda.hpp"
#include "live/clock.hpp"
#include "live/live_session.hpp"

namespace ijlas::live {

// Failures show timestamps as ISO 8601 UTC with milliseconds. Every test file that compares
// Timestamps includes this header, so that all of them print alike (one definition).
void PrintTo(const Timestamp& timestamp, std::ostream* out);

}  // namespace ijlas::live

namespace ijlas::live::testing {

// An ISO 8601 date-time with an offset ("2025-11-26T10:20+05:00"); the test fails on bad text.
time::Instant instant(std::string_view iso);
Timestamp at(std::string_view iso);

// A conference in Asia/Karachi with rooms "a" and "b" (in that order) and the given days.
agenda::AgendaData conference(std::vector<agenda::Day> days, int day_change_seconds = 0);
agenda::Day day(int index, std::string_view date, std::string_view start, std::string_view end);
agenda::Session session(std::string_view id, std::string_view room, std::string_view start,
                        std::string_view end);

std::vector<std::string> ids(const std::vector<LiveSession>& sessions);

}  // namespace ijlas::live::testing
