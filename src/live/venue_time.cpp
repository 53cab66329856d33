#include "live/venue_time.hpp"

#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace ijlas::live {
namespace {

using Formatter = std::unique_ptr<icu::SimpleDateFormat>;

// A formatter that reads calendar dates: its zone is GMT and dates are formatted at noon, so no
// zone rule can move a date to its neighbour. Empty when ICU lacks the locale's data.
Formatter make_formatter(const icu::UnicodeString& pattern, const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  auto formatter = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
  if (U_FAILURE(status)) return nullptr;
  formatter->setTimeZone(*icu::TimeZone::getGMT());
  return formatter;
}

// Urdu takes its pattern from ICU's data for the skeleton (order, separators, month names).
// One generator serves every skeleton: building it is most of the cost, part of the first frame.
Formatter make_skeleton_formatter(icu::DateTimePatternGenerator* generator,
                                  const char16_t* skeleton, const icu::Locale& locale) {
  if (generator == nullptr) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString pattern =
      generator->getBestPattern(icu::UnicodeString(skeleton), status);
  if (U_FAILURE(status)) return nullptr;
  return make_formatter(pattern, locale);
}

std::string format_with(const Formatter& formatter, time::Date date) {
  if (!formatter) return time::format_date(date);
  const double noon_ms =
      (static_cast<double>(time::days_from_date(date)) * time::kSecondsPerDay + 43200) * 1000;
  icu::UnicodeString text;
  formatter->format(noon_ms, text);
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

}  // namespace

struct VenueTime::Formatters {
  Formatter urdu_full;
  Formatter urdu_weekday_day_month;
  Formatter english_full;
  Formatter english_weekday_day_month;
};

VenueTime::VenueTime(agenda::TimeZone zone)
    : zone_(std::move(zone)), formatters_(std::make_unique<Formatters>()) {
  const icu::Locale urdu("ur", "PK");
  const icu::Locale english("en", "PK");
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(urdu, status));
  if (U_FAILURE(status)) generator.reset();
  formatters_->urdu_full = make_skeleton_formatter(generator.get(), u"EEEEdMMMMy", urdu);
  formatters_->urdu_weekday_day_month =
      make_skeleton_formatter(generator.get(), u"EEEEdMMMM", urdu);
  // English in the kiosk's house style, "Wednesday 26 November 2025" (en_PK's own pattern
  // adds a comma after the weekday).
  formatters_->english_full = make_formatter(icu::UnicodeString(u"EEEE d MMMM y"), english);
  formatters_->english_weekday_day_month =
      make_formatter(icu::UnicodeString(u"EEEE d MMMM"), english);
}

VenueTime::~VenueTime() = default;
VenueTime::VenueTime(VenueTime&&) noexcept = default;
VenueTime& VenueTime::operator=(VenueTime&&) noexcept = default;

time::Instant VenueTime::wall_time(Timestamp at) const {
  return zone_.at(at.utc_seconds());
}

time::Instant VenueTime::wall_time(const time::Instant& instant) const {
  return zone_.at(instant.utc_seconds);
}

std::string VenueTime::clock_text(Timestamp at) const {
  const int seconds = time::local_seconds_of_day(wall_time(at));
  return time::format_clock_time(seconds - seconds % 60);
}

std::string VenueTime::clock_text(const time::Instant& instant) const {
  return clock_text(Timestamp::from_seconds(instant.utc_seconds));
}

time::Date VenueTime::date_of(Timestamp at) const {
  return time::local_date_of(wall_time(at));
}

std::string VenueTime::urdu_date(time::Date date, DateStyle style) const {
  return format_with(
      style == DateStyle::kFull ? formatters_->urdu_full : formatters_->urdu_weekday_day_month,
      date);
}

std::string VenueTime::english_date(time::Date date, DateStyle style) const {
  return format_with(style == DateStyle::kFull ? formatters_->english_full
                                               : formatters_->english_weekday_day_month,
                     date);
}

}  // namespace ijlas::live
