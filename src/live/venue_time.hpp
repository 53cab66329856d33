// Times and dates as the venue reads them: wall time in the venue's zone, the clock as "10:20"
// and dates in Urdu and English from ICU's locale data ("بدھ، 26 نومبر، 2025",
// "Wednesday 26 November 2025"). The date formatters are built once; not thread-safe.
#pragma once

#include <memory>
#include <string>

#include "agenda/time_zone.hpp"
#include "core/time.hpp"
#include "live/clock.hpp"

namespace ijlas::live {

enum class DateStyle {
  kFull,             // weekday, day, month and year
  kWeekdayDayMonth,  // for day tabs: without the year
};

class VenueTime {
 public:
  explicit VenueTime(agenda::TimeZone zone);
  ~VenueTime();
  VenueTime(VenueTime&&) noexcept;
  VenueTime& operator=(VenueTime&&) noexcept;

  const agenda::TimeZone& zone() const { return zone_; }

  // The instant with the venue's offset at that moment (its wall time is local_seconds()).
  time::Instant wall_time(Timestamp at) const;
  time::Instant wall_time(const time::Instant& instant) const;
  // 24-hour "10:20" (seconds dropped) in the venue's zone, whatever offset `instant` carries.
  std::string clock_text(Timestamp at) const;
  std::string clock_text(const time::Instant& instant) const;
  time::Date date_of(Timestamp at) const;

  // A calendar date (no zone involved) in Urdu (ICU locale ur_PK, Western digits) or English.
  std::string urdu_date(time::Date date, DateStyle style = DateStyle::kFull) const;
  std::string english_date(time::Date date, DateStyle style = DateStyle::kFull) const;

 private:
  struct Formatters;
  agenda::TimeZone zone_;
  std::unique_ptr<Formatters> formatters_;
};

}  // namespace ijlas::live
