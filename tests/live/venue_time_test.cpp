// Wall time, the clock and dates in the venue's zone; the date strings are ICU 72's (CLDR 42)
// Urdu and English data for Wednesday 26 November 2025.
#include "live/venue_time.hpp"

#include <gtest/gtest.h>

#include "live_test_support.hpp"

namespace ijlas::live {
namespace {

using testing::at;
using testing::instant;

class VenueTimeTest : public ::testing::Test {
 protected:
  static VenueTime karachi() {
    const auto zone = agenda::TimeZone::find("Asia/Karachi");
    EXPECT_TRUE(zone);
    return VenueTime(*zone);
  }
  VenueTime venue_ = karachi();
};

TEST_F(VenueTimeTest, WallTimeCarriesTheVenuesOffset) {
  const time::Instant wall = venue_.wall_time(at("2025-11-26T05:20:00Z"));
  EXPECT_EQ(wall.offset_seconds, 5 * 3600);
  EXPECT_EQ(time::format_date_time(wall), "2025-11-26T10:20:00+05:00");
  EXPECT_EQ(venue_.wall_time(instant("2025-11-26T06:20+01:00")), wall);
}

TEST_F(VenueTimeTest, ClockShowsHoursAndMinutesInTheVenue) {
  EXPECT_EQ(venue_.clock_text(at("2025-11-26T05:20:59Z")), "10:20");
  EXPECT_EQ(venue_.clock_text(at("2025-11-26T18:05:00Z")), "23:05");
  EXPECT_EQ(venue_.clock_text(instant("2025-11-26T06:20:00+01:00")), "10:20");  // not 06:20
}

TEST_F(VenueTimeTest, DateOfAnInstantIsTheVenuesDate) {
  EXPECT_EQ(venue_.date_of(at("2025-11-26T18:59:59Z")), (time::Date{2025, 11, 26}));
  EXPECT_EQ(venue_.date_of(at("2025-11-26T19:00:00Z")), (time::Date{2025, 11, 27}));  // 00:00
}

TEST_F(VenueTimeTest, UrduDate) {
  // ICU's ur pattern for the skeleton EEEEdMMMMy is "EEEE، d MMMM، y" (Arabic commas).
  const std::string date = venue_.urdu_date({2025, 11, 26});
  EXPECT_EQ(date, "بدھ، 26 نومبر، 2025");
  EXPECT_NE(date.find("نومبر"), std::string::npos);
  EXPECT_NE(date.find("2025"), std::string::npos);
  EXPECT_EQ(date.rfind("بدھ", 0), 0u);  // Wednesday, first
  EXPECT_EQ(venue_.urdu_date({2025, 11, 27}), "جمعرات، 27 نومبر، 2025");
  EXPECT_EQ(venue_.urdu_date({2025, 11, 26}, DateStyle::kWeekdayDayMonth), "بدھ، 26 نومبر");
}

TEST_F(VenueTimeTest, EnglishDate) {
  EXPECT_EQ(venue_.english_date({2025, 11, 26}), "Wednesday 26 November 2025");
  EXPECT_EQ(venue_.english_date({2025, 11, 27}), "Thursday 27 November 2025");
  EXPECT_EQ(venue_.english_date({2025, 11, 26}, DateStyle::kWeekdayDayMonth),
            "Wednesday 26 November");
}

TEST_F(VenueTimeTest, TheVenuesDateInBothLanguages) {
  // 00:30 on the 27th in Islamabad is still the 26th in UTC: the venue's date is shown.
  const time::Date date = venue_.date_of(at("2025-11-26T19:30:00Z"));
  EXPECT_EQ(venue_.english_date(date), "Thursday 27 November 2025");
  EXPECT_EQ(venue_.urdu_date(date), "جمعرات، 27 نومبر، 2025");
}

}  // namespace
}  // namespace ijlas::live
