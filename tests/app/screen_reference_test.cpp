// Every screen in both languages, landscape 1920x1080 and portrait 1080x1920, compared with
// reviewed pictures in tests/app/reference/ and their text listings, exactly.
// IJLAS_UPDATE_REFERENCES=1 writes new references instead: look at every one before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "app/kiosk_setup.hpp"
#include "app/screen_shots.hpp"
#include "app_test_support.hpp"
#include "platform/png_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas::app {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxDifferent = 150;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Variant {
  const char* language;
  int width, height;
};

std::string name_of(const Variant& v) {
  return std::string(v.language) + "-" + std::to_string(v.width) + "x" + std::to_string(v.height);
}

class ScreenReference : public ::testing::TestWithParam<Variant> {};

TEST_P(ScreenReference, EveryScreenMatchesItsReviewedPicture) {
  const Variant variant = GetParam();
  const TemporaryFolder out("shots-" + name_of(variant));
  const CommandLine line =
      testing::shot_command(out, variant.language, variant.width, variant.height);
  std::string error;
  auto setup = set_up_kiosk(line, error);
  ASSERT_TRUE(setup) << error;
  ASSERT_EQ(write_screen_shots(*setup, line), 0);

  const fs::path references = fs::path(IJLAS_TEST_DATA_DIR) / "app/reference" / name_of(variant);
  const bool update = std::getenv("IJLAS_UPDATE_REFERENCES") &&
                      std::string(std::getenv("IJLAS_UPDATE_REFERENCES")) == "1";
  int compared = 0;
  for (const char* screen : {"now-next", "agenda", "session", "speakers", "speaker"}) {
    const fs::path shot = out / (std::string(screen) + ".png");
    ASSERT_TRUE(fs::exists(shot)) << shot;
    ASSERT_TRUE(fs::exists(out / (std::string(screen) + ".json"))) << screen;
    const fs::path reference = references / (std::string(screen) + ".png");
    const fs::path listing = references / (std::string(screen) + ".json");
    if (update) {
      fs::create_directories(references);
      fs::copy_file(shot, reference, fs::copy_options::overwrite_existing);
      fs::copy_file(out / (std::string(screen) + ".json"), listing,
                    fs::copy_options::overwrite_existing);
      continue;
    }
    // What is written where, to the pixel: a moved, cut or changed text fails here first.
    EXPECT_EQ(read_text(out / (std::string(screen) + ".json")), read_text(listing))
        << screen << ": the text listing differs from " << listing;
    std::string problem;
    const auto actual = platform::read_png(shot, problem);
    ASSERT_TRUE(actual) << problem;
    const auto expected = platform::read_png(reference, problem);
    ASSERT_TRUE(expected) << problem;
    ASSERT_EQ(actual->width(), variant.width);
    ASSERT_EQ(actual->height(), variant.height);
    ASSERT_EQ(expected->width(), actual->width());
    ASSERT_EQ(expected->height(), actual->height());
    // A pixel differs when a channel is off by more than 40 levels. At most kMaxDifferent may:
    // fewer than the ink of the smallest text on a screen ("in 10 min" at meta size fills a
    // 119 x 30 box at 1080p), so that no text can vanish or change unseen.
    std::size_t different = 0;
    const auto& a = actual->rgba();
    const auto& b = expected->rgba();
    for (std::size_t i = 0; i < a.size(); i += 4) {
      for (int c = 0; c < 3; ++c) {
        if (std::abs(int(a[i + c]) - int(b[i + c])) > 40) {
          ++different;
          break;
        }
      }
    }
    const std::size_t pixels = a.size() / 4;
    EXPECT_LE(different, kMaxDifferent)
        << screen << ": " << different << " of " << pixels << " pixels differ from " << reference;
    ++compared;
  }
  if (update) GTEST_SKIP() << "wrote references to " << references;
  EXPECT_EQ(compared, 5);
}

INSTANTIATE_TEST_SUITE_P(Kiosk, ScreenReference,
                         ::testing::Values(Variant{"ur", 1920, 1080}, Variant{"en", 1920, 1080},
                                           Variant{"ur", 1080, 1920}, Variant{"en", 1080, 1920}),
                         [](const auto& info) {
                           std::string name = name_of(info.param);
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace ijlas::app
