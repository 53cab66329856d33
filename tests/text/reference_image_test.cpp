// The press release's mixed lines (Urdu with digits, parentheses, quotation marks) drawn at two
// sizes and two widths, compared with reviewed reference pictures in tests/text/reference/.
// IJLAS_UPDATE_REFERENCES=1 writes new references instead: look at every one before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "platform/paragraph_image.hpp"
#include "platform/png_file.hpp"
#include "text_test_support.hpp"

namespace ijlas::text {
namespace {

struct Case {
  int line;  // 1-based line of the press release
  float size;
  float width;
};

std::string name_of(const Case& c) {
  return "press-line" + std::to_string(c.line) + "-" + std::to_string(static_cast<int>(c.size)) +
         "px-" + std::to_string(static_cast<int>(c.width)) + "w";
}

class ReferenceImage : public ::testing::TestWithParam<Case> {};

TEST_P(ReferenceImage, MatchesTheReviewedPicture) {
  const Case c = GetParam();
  const auto lines = testing::press_release_lines();
  ASSERT_GE(lines.size(), static_cast<std::size_t>(c.line));
  Typesetter typesetter(IJLAS_FONT_DIR);
  TextStyle style;
  style.pixel_size = c.size;
  style.max_width = c.width;
  const auto layout = typesetter.layout(lines[c.line - 1], style);
  const platform::ImageBuffer actual =
      platform::render_paragraph(typesetter, *layout, 16, {0, 0, 0, 255}, {255, 255, 255, 255});

  const std::filesystem::path reference =
      std::filesystem::path(IJLAS_TEST_DATA_DIR) / "text/reference" / (name_of(c) + ".png");
  std::string error;
  if (const char* update = std::getenv("IJLAS_UPDATE_REFERENCES"); update && *update == '1') {
    std::filesystem::create_directories(reference.parent_path());
    ASSERT_TRUE(platform::write_png(reference, actual, error, platform::PngFormat::kGray)) << error;
    GTEST_SKIP() << "wrote " << reference;
  }
  const auto expected = platform::read_png(reference, error);
  ASSERT_TRUE(expected) << error;
  ASSERT_EQ(actual.width(), expected->width()) << reference;
  ASSERT_EQ(actual.height(), expected->height()) << reference;

  // Tolerance for rounding differences between builds: a pixel counts as different beyond 48
  // levels, and at most 0.2% of pixels may differ.
  std::size_t different = 0;
  for (std::size_t i = 0; i < actual.rgba().size(); i += 4) {
    const int delta = std::abs(int(actual.rgba()[i]) - int(expected->rgba()[i]));
    if (delta > 48) ++different;
  }
  const std::size_t pixels = actual.rgba().size() / 4;
  EXPECT_LE(different * 1000, pixels * 2)
      << different << " of " << pixels << " pixels differ from " << reference;
}

// Line 1: parentheses, acronyms spelt in Urdu, "26 اور 27 نومبر 2025". Line 3: quotation marks
// (a straight " opening, a curly ” closing) and the years 2023 and 2025.
INSTANTIATE_TEST_SUITE_P(PressRelease, ReferenceImage,
                         ::testing::Values(Case{1, 28, 900}, Case{1, 28, 1500}, Case{1, 56, 900},
                                           Case{1, 56, 1500}, Case{3, 28, 900}, Case{3, 28, 1500},
                                           Case{3, 56, 900}, Case{3, 56, 1500}),
                         [](const auto& info) {
                           std::string name = name_of(info.param);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace ijlas::text
