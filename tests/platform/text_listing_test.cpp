#include <gtest/gtest.h>

#include "core/json_value.hpp"
#include "platform/picture_renderer.hpp"

namespace ijlas::platform {
namespace {

text::Typesetter& typesetter() {
  static text::Typesetter shared(IJLAS_FONT_DIR);
  return shared;
}

std::shared_ptr<const text::ParagraphLayout> layout(std::string_view words, std::string language) {
  text::TextStyle style;
  style.language = std::move(language);
  style.pixel_size = 30;
  return typesetter().layout(words, style);
}

json::Value parse(const std::string& text) {
  json::ParseResult result = json::parse(text);
  EXPECT_TRUE(result.value.has_value()) << result.error.message << "\n" << text;
  return result.value ? *result.value : json::Value{};
}

TEST(TextListing, ListsEveryTextInOrderWithLanguageAndBox) {
  ui::DrawList list;
  list.fill({0, 0, 10, 10}, {1, 2, 3, 255});
  list.text(layout("اب اور اگلا", "ur"), 100, 50, {});
  list.text(layout("Now & Next", "en"), 20, 300, {});
  const std::string json = text_listing_json(list, ScreenRotation({1920, 1080}, Rotation::k0));
  EXPECT_NE(json.find("اب اور اگلا"), std::string::npos);  // Urdu as UTF-8, not \u escapes

  const json::Value value = parse(json);
  ASSERT_TRUE(value.is_array());
  ASSERT_EQ(value.items().size(), 2u);
  const json::Value& urdu = value.items()[0];
  EXPECT_EQ(urdu.find("text")->text(), "اب اور اگلا");
  EXPECT_EQ(urdu.find("language")->text(), "ur");
  EXPECT_EQ(value.items()[1].find("language")->text(), "en");

  const ui::Box bounds = std::get<ui::DrawText>(list.commands()[1]).bounds;
  const auto& box = urdu.find("box")->items();
  ASSERT_EQ(box.size(), 4u);
  EXPECT_EQ(box[0].as_number(), std::floor(bounds.x));
  EXPECT_EQ(box[1].as_number(), std::floor(bounds.y));
  EXPECT_EQ(box[0].as_number() + box[2].as_number(), std::ceil(bounds.right()));
  EXPECT_EQ(box[1].as_number() + box[3].as_number(), std::ceil(bounds.bottom()));
}

TEST(TextListing, EscapesQuotesBackslashesAndControlCharacters) {
  ui::DrawList list;
  list.text(layout("Hall \"A\" \\ East\tWing", "en"), 0, 0, {});
  const std::string json = text_listing_json(list, ScreenRotation({800, 600}, Rotation::k0));
  EXPECT_NE(json.find(R"(Hall \"A\" \\ East\tWing)"), std::string::npos) << json;
  EXPECT_EQ(parse(json).items().at(0).find("text")->text(), "Hall \"A\" \\ East\tWing");
}

TEST(TextListing, InvalidUtf8ComesOutAsReplacementCharacters) {
  ui::DrawList list;
  list.text(layout("Hall \xff B", "en"), 0, 0, {});
  const json::Value value =
      parse(text_listing_json(list, ScreenRotation({800, 600}, Rotation::k0)));
  EXPECT_EQ(value.items().at(0).find("text")->text(), "Hall \xEF\xBF\xBD B");
}

TEST(TextListing, BoxesOfATurnedShotAreInTheTurnedPicture) {
  ui::DrawList list;  // logical 1080 x 1920 on a 1920 x 1080 panel turned 90 degrees
  list.text(layout("مقررین", "ur"), 100, 200, {});
  const ui::Box bounds = std::get<ui::DrawText>(list.commands()[0]).bounds;
  const json::Value value =
      parse(text_listing_json(list, ScreenRotation({1920, 1080}, Rotation::k90)));
  const auto& box = value.items().at(0).find("box")->items();
  // Logical (x, y) lands at physical (1920 - y, x): the box's left is 1920 - its logical bottom.
  EXPECT_EQ(box[0].as_number(), std::floor(1920 - bounds.bottom()));
  EXPECT_EQ(box[1].as_number(), std::floor(bounds.x));
  EXPECT_NEAR(box[2].as_number(), bounds.h, 1.0);
  EXPECT_NEAR(box[3].as_number(), bounds.w, 1.0);
}

TEST(TextListing, TextCutByAClipIsMarkedClippedWithItsVisiblePart) {
  ui::DrawList list;
  list.push_clip({0, 0, 800, 40});
  list.text(layout("Committee Room 1", "en"), 10, 20, {});  // runs below the clip's bottom
  list.pop_clip();
  list.text(layout("Hall A", "en"), 10, 100, {});
  const json::Value value =
      parse(text_listing_json(list, ScreenRotation({800, 600}, Rotation::k0)));
  const json::Value& cut = value.items().at(0);
  ASSERT_NE(cut.find("clipped"), nullptr);
  EXPECT_TRUE(cut.find("clipped")->as_bool());
  const auto& visible = cut.find("visible")->items();
  EXPECT_EQ(visible[1].as_number() + visible[3].as_number(), 40);
  EXPECT_EQ(cut.find("scroll"), nullptr);
  const json::Value& whole = value.items().at(1);
  EXPECT_EQ(whole.find("clipped"), nullptr);
  EXPECT_EQ(whole.find("visible")->items()[3].as_number(),
            whole.find("box")->items()[3].as_number());
}

TEST(TextListing, TextInAScrollingListIsMarkedScroll) {
  ui::DrawList list;
  list.push_clip({0, 0, 800, 600});
  list.push_clip({0, 100, 800, 400}, true);
  list.text(layout("Keynote", "en"), 10, 90, {});  // half scrolled out at the top
  list.pop_clip();
  list.pop_clip();
  const json::Value listing =
      parse(text_listing_json(list, ScreenRotation({800, 600}, Rotation::k0)));
  const json::Value& item = listing.items().at(0);
  ASSERT_NE(item.find("scroll"), nullptr);
  EXPECT_TRUE(item.find("scroll")->as_bool());
  ASSERT_NE(item.find("clipped"), nullptr);
  EXPECT_EQ(item.find("visible")->items()[1].as_number(), 100);
}

TEST(TextListing, NoTextIsAnEmptyArray) {
  ui::DrawList list;
  list.fill({0, 0, 10, 10}, {1, 2, 3, 255});
  EXPECT_TRUE(
      parse(text_listing_json(list, ScreenRotation({80, 60}, Rotation::k0))).items().empty());
}

}  // namespace
}  // namespace ijlas::platform
