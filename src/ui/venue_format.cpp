#include "ui/venue_format.hpp"

namespace ijlas::ui {

VenueFormat venue_format(const std::shared_ptr<const live::VenueTime>& venue) {
  VenueFormat format;
  format.time = [venue](std::int64_t utc) {
    return venue->clock_text(live::Timestamp::from_seconds(utc));
  };
  format.day = [venue](std::int64_t utc, Language language) {
    const time::Date date = venue->date_of(live::Timestamp::from_seconds(utc));
    return language == Language::kUrdu
               ? venue->urdu_date(date, live::DateStyle::kWeekdayDayMonth)
               : venue->english_date(date, live::DateStyle::kWeekdayDayMonth);
  };
  format.date = [venue](std::int64_t utc, Language language) {
    const time::Date date = venue->date_of(live::Timestamp::from_seconds(utc));
    return language == Language::kUrdu ? venue->urdu_date(date) : venue->english_date(date);
  };
  return format;
}

}  // namespace ijlas::ui
