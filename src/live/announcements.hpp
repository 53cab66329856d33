// Announcements for attendees (`{"ijlas_announcements": 1, "announcements": […]}`): a text in Urdu
// and English, a priority and the time they are shown. They come and go on the venue's clock.
//   {"id": "lunch", "text": {"ur": "…", "en": "…"}, "priority": "high",
//    "from": "2025-11-26T12:30:00+05:00", "until": "2025-11-26T13:30:00+05:00"}
// `priority` is "normal" (the default: the ticker) or "high" (covers the screen until dismissed);
// `from` defaults to the moment the file arrived, `until` to 12 hours after `from`. Times without
// an offset are read in the venue's zone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/agenda.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "live/clock.hpp"

namespace ijlas::live {

inline constexpr std::int64_t kDefaultAnnouncementMs = std::int64_t{12} * 3600 * 1000;

struct Announcement {
  std::string id;
  agenda::LocalizedText text;
  bool high_priority = false;
  Timestamp from;
  Timestamp until;
  friend bool operator==(const Announcement&, const Announcement&) = default;
};

struct AnnouncementsParse {
  std::vector<Announcement> announcements;  // empty when diagnostics has errors
  DiagnosticList diagnostics;
};

// `received` is when the file arrived (the default `from`).
AnnouncementsParse parse_announcements(const std::string& name, std::string_view bytes,
                                       Timestamp received, const agenda::TimeZone& venue_zone);

// Those shown at `now` (from <= now < until), high priority first, otherwise in file order.
std::vector<Announcement> active_announcements(const std::vector<Announcement>& all, Timestamp now);

// The next from or until after `now`, or Timestamp{INT64_MAX} when nothing will change.
Timestamp next_announcement_change(const std::vector<Announcement>& all, Timestamp now);

}  // namespace ijlas::live
