// Speaker photos take part in the crash-loop guard like agenda files: a process killed while its
// photo decoder runs leaves the record behind, and the real ijlas binary, headless, started after
// it sets that photo aside in the quarantine folder and says so, instead of decoding it again.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>

#include "delivery_test_support.hpp"
#include "live/input_quarantine.hpp"
#include "platform/photo_decoder.hpp"
#include "platform/png_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas::delivery_testing {
namespace {

TEST(PhotoQuarantine, APhotoAKioskDiedDecodingIsSetAsideAtTheNextStart) {
  const TemporaryFolder dir("delivery-photo-set-aside");
  const fs::path photo = dir / "agenda" / "photos" / "amna.png";
  fs::create_directories(photo.parent_path());
  write_file(dir / "agenda" / "start.json", small_agenda("Agenda A", "Opening keynote"));
  std::string error;
  ASSERT_TRUE(platform::write_png(photo, platform::ImageBuffer(40, 40, {200, 20, 30, 255}), error))
      << error;
  std::ofstream(photo, std::ios::binary | std::ios::app) << "(the photo that ended the kiosk)";
  write_file(dir / "none.toml", "# the defaults\n");
  // A process decoding the photo as the kiosk does, with a decoder that never ends, killed.
  const fs::path record = dir / "state" / "handling-photo";
  const pid_t decoding = ::fork();
  if (decoding == 0) {
    ::setenv("IJLAS_READER_TEST_HOOK", "hang:ended the kiosk", 1);
    platform::PhotoLoading photos;
    photos.executable = IJLAS_READ_BINARY;
    photos.folders = {dir / "agenda"};
    photos.record.emplace(dir / "state", dir / "quarantine", "handling-photo");
    platform::PhotoDecoder decoder(std::move(photos));
    decoder.ask({photo.string(), 100, 100, true});
    for (;;)
      ::pause();
  }
  ASSERT_GT(decoding, 0);
  ASSERT_TRUE(
      eventually([&] { return read_file(record).bytes.find("amna.png") != std::string::npos; }));
  // Its decoder is still at work (the hook holds it), and dies with it.
  ::kill(decoding, SIGKILL);
  ::waitpid(decoding, nullptr, 0);
  ASSERT_TRUE(fs::exists(record));

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
  EXPECT_FALSE(fs::exists(record));
  EXPECT_EQ(kiosk.stop(), 0);
}

}  // namespace
}  // namespace ijlas::delivery_testing
