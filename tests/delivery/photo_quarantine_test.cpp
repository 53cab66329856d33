// Speaker photos take part in the crash-loop guard like agenda files: the real ijlas binary,
// headless, started after a kiosk that died while decoding a photo left its record behind, sets
// that photo aside in the quarantine folder and says so, instead of decoding it again.
#include <gtest/gtest.h>

#include "delivery_test_support.hpp"
#include "live/input_quarantine.hpp"

namespace ijlas::delivery_testing {
namespace {

TEST(PhotoQuarantine, APhotoAKioskDiedDecodingIsSetAsideAtTheNextStart) {
  const fs::path dir = fresh_dir("photo-set-aside");
  const fs::path photo = dir / "agenda" / "photos" / "amna.png";
  fs::create_directories(photo.parent_path());
  write_file(dir / "agenda" / "start.json", small_agenda("Agenda A", "Opening keynote"));
  write_file(photo, "\x89PNG\r\n\x1a\n (the photo that ended the kiosk)");
  write_file(dir / "none.toml", "# the defaults\n");
  // What a kiosk killed while decoding the photo leaves behind.
  ASSERT_TRUE(
      live::InputQuarantine(dir / "state", dir / "quarantine", "handling-photo").begin(photo));

  KioskProcess kiosk(
      {"--headless", "--live-shots", (dir / "out").string(), "--inbox", (dir / "inbox").string(),
       "--state", (dir / "state").string(), "--agenda", (dir / "agenda" / "start.json").string(),
       "--clock", "2025-11-26T10:20+05:00", "--clock-rate", "0", "--lang", "en", "--size",
       "960x540", "--config", (dir / "none.toml").string()},
      dir / "stderr.log");
  ASSERT_TRUE(eventually([&] {
    return shown(dir / "out").find("Set aside: the photo amna.png") != std::string::npos;
  })) << shown(dir / "out")
      << kiosk.log();
  EXPECT_NE(shown(dir / "out").find("Opening keynote"), std::string::npos);
  EXPECT_FALSE(fs::exists(photo));
  EXPECT_TRUE(fs::exists(dir / "quarantine" / "amna.png"));
  const std::string reason = read_file(dir / "quarantine" / "amna.png.reason.txt").bytes;
  EXPECT_NE(reason.find("What: " + photo.string()), std::string::npos) << reason;
  EXPECT_NE(reason.find("Why: the kiosk stopped"), std::string::npos) << reason;
  EXPECT_FALSE(fs::exists(dir / "state" / "handling-photo"));
  EXPECT_EQ(kiosk.stop(), 0);
}

}  // namespace
}  // namespace ijlas::delivery_testing
