// The pure pieces of the UI: gestures, inertia, the strings, initials.
#include <gtest/gtest.h>

#include <cmath>
#include <utility>

#include "ui/detail_screens.hpp"
#include "ui/gesture_recognizer.hpp"
#include "ui/inertial_scroll.hpp"
#include "ui/navigation.hpp"
#include "ui/qr_code.hpp"
#include "ui/theme.hpp"
#include "ui/ui_action.hpp"
#include "ui/ui_strings.hpp"

namespace ijlas::ui {
namespace {

using Phase = PointerEvent::Phase;

TEST(GestureRecognizer, AShortStillTouchIsATap) {
  GestureRecognizer gestures(20);
  EXPECT_TRUE(gestures.handle({Phase::kDown, 100, 100, 0}).empty());
  const auto out = gestures.handle({Phase::kUp, 105, 103, 120});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Gesture::Kind::kTap);
  EXPECT_EQ(out[0].x, 100);
}

TEST(GestureRecognizer, AHorizontalMoveIsASwipeTowardsItsSide) {
  GestureRecognizer gestures(20);
  gestures.handle({Phase::kDown, 800, 500, 0});
  gestures.handle({Phase::kMove, 700, 505, 40});
  const auto out = gestures.handle({Phase::kUp, 400, 510, 90});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Gesture::Kind::kSwipeLeft);
}

TEST(GestureRecognizer, AVerticalMoveDragsAndFlicksWithItsSpeed) {
  GestureRecognizer gestures(20);
  gestures.handle({Phase::kDown, 500, 800, 0});
  auto out = gestures.handle({Phase::kMove, 502, 760, 20});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, Gesture::Kind::kDragStart);
  EXPECT_EQ(out[1].kind, Gesture::Kind::kDragMove);
  EXPECT_FLOAT_EQ(out[1].dy, -40);
  gestures.handle({Phase::kMove, 502, 700, 40});
  out = gestures.handle({Phase::kUp, 502, 640, 60});
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back().kind, Gesture::Kind::kDragEnd);
  // 160 px up in the last 60 ms: about -2667 px/s.
  EXPECT_NEAR(out.back().velocity, -160.0f / 0.060f, 1.0f);
}

TEST(GestureRecognizer, HoldingStillIsALongPressAndNotATap) {
  GestureRecognizer gestures(20, 800);
  gestures.handle({Phase::kDown, 10, 10, 0});
  EXPECT_FALSE(gestures.poll(500));
  const auto press = gestures.poll(820);
  ASSERT_TRUE(press);
  EXPECT_EQ(press->kind, Gesture::Kind::kLongPress);
  EXPECT_TRUE(gestures.handle({Phase::kUp, 10, 10, 900}).empty());
}

TEST(InertialScroll, AFlickGlidesAndStopsWithinTheContent) {
  InertialScroll scroll;
  scroll.set_extent(5000, 1000);
  scroll.fling(-3000, 0);  // finger flicked up: the content moves up, the offset grows
  EXPECT_TRUE(scroll.moving());
  scroll.update(500);
  const float half = scroll.offset();
  EXPECT_GT(half, 0);
  scroll.update(1000);
  EXPECT_GT(scroll.offset(), half);
  // It decelerates: the second half second covers less than the first.
  EXPECT_LT(scroll.offset() - half, half);
  EXPECT_FALSE(scroll.update(1100));
  EXPECT_NEAR(scroll.offset(), 3000.0f * 1.0f / 2, 1.0f);  // v²/2a with a = 3000 px/s²
}

TEST(InertialScroll, NeverPassesItsEnds) {
  InertialScroll scroll;
  scroll.set_extent(1200, 1000);
  scroll.drag(-500);
  EXPECT_EQ(scroll.offset(), 200);
  scroll.drag(900);
  EXPECT_EQ(scroll.offset(), 0);
}

TEST(UiStrings, EveryStringExistsInBothLanguages) {
  for (int id = 0; id <= static_cast<int>(UiString::kRehearsalTime); ++id) {
    EXPECT_FALSE(ui_string(static_cast<UiString>(id), Language::kUrdu).empty()) << id;
    EXPECT_FALSE(ui_string(static_cast<UiString>(id), Language::kEnglish).empty()) << id;
  }
  EXPECT_EQ(fill(UiString::kInMinutes, Language::kEnglish, "12"), "in 12 min");
  // The number goes into Urdu as a left-to-right isolate (LRI … PDI).
  EXPECT_EQ(fill(UiString::kInMinutes, Language::kUrdu, "12"), "\u206612\u2069 منٹ میں");
}

TEST(Initials, ComeFromTheEnglishNameWithoutTitles) {
  agenda::Speaker speaker;
  speaker.name = {"ایمبیسڈر نبیل منیر", "Ambassador Nabeel Munir"};
  EXPECT_EQ(initials_of(speaker), "NM");
  speaker.name = {"فلپ اولیور گراس", "Philip Oliver Gross"};
  EXPECT_EQ(initials_of(speaker), "PG");
  speaker.name = {"مایو ساتو", ""};
  EXPECT_EQ(initials_of(speaker), "م");
}

TEST(Theme, SizesFollowTheShortSideAndTouchTargetsStayLarge) {
  const Theme landscape = Theme::for_screen(1920, 1080);
  EXPECT_EQ(landscape.s, 1080);
  EXPECT_FLOAT_EQ(landscape.latin_size(TextRole::kBody), 0.028f * 1080);
  EXPECT_FLOAT_EQ(landscape.size(TextRole::kBody, true), 0.028f * 1080 * 1.2f);
  // Body text at least 1/40 of the screen's height from 720p to 4K, landscape and portrait (a
  // portrait screen's height is its long side), and touch targets at least 9 mm wide.
  for (const auto& [w, h] : {std::pair{1280.0f, 720.0f},
                             {1920.0f, 1080.0f},
                             {3840.0f, 2160.0f},
                             {1080.0f, 1920.0f},
                             {720.0f, 1280.0f},
                             {2160.0f, 3840.0f}}) {
    const Theme theme = Theme::for_screen(w, h);
    EXPECT_GE(theme.latin_size(TextRole::kBody), h / 40.0f - 0.01f) << w << "x" << h;
    // A 21-inch 16:9 panel is 465 mm along its long side.
    const float mm_per_px = 465.0f / std::max(w, h);
    EXPECT_GE(theme.touch() * mm_per_px, 9.0f) << w << "x" << h;
  }
  EXPECT_GT(Theme::for_screen(1080, 1920).s, 1080) << "portrait text grows with the height";
}

TEST(Navigation, BackStackAndTabs) {
  Navigation navigation;
  EXPECT_TRUE(navigation.at_home());
  navigation.open({ScreenKind::kSession, "opening"});
  navigation.open({ScreenKind::kSpeaker, "mayo-sato"});
  EXPECT_TRUE(navigation.can_go_back());
  EXPECT_TRUE(navigation.back());
  EXPECT_EQ(navigation.current().id, "opening");
  navigation.step_tab(+1);
  EXPECT_EQ(navigation.current().kind, ScreenKind::kAgenda);
  EXPECT_FALSE(navigation.can_go_back());
  navigation.step_tab(-2);
  EXPECT_EQ(navigation.current().kind, ScreenKind::kSpeakers);
}

TEST(Navigation, TheIdleClockStartsAtTheFirstTickNotAtTheMonotonicClocksOrigin) {
  // CLOCK_MONOTONIC counts from boot: a kiosk started an hour after boot is not idle yet.
  Navigation navigation(Language::kUrdu, {60'000, 180'000, 15'000});
  const std::int64_t started = 3'600'000;
  EXPECT_FALSE(navigation.tick(started));
  EXPECT_FALSE(navigation.tick(started + 179'999));
  EXPECT_FALSE(navigation.attracting());
  EXPECT_TRUE(navigation.tick(started + 180'000));
  EXPECT_TRUE(navigation.attracting());
}

TEST(Navigation, AnUnstartedIdleClockAsksForATickAtOnce) {
  Navigation navigation;
  EXPECT_LT(navigation.next_deadline_ms(), 0);
  navigation.tick(5'000);
  EXPECT_EQ(navigation.next_deadline_ms(), 5'000 + NavigationTimeouts{}.attract_ms);
}

TEST(UiAction, EveryActionReadsBackFromItsText) {
  const std::vector<UiAction> actions = {Route{ScreenKind::kSession, "opening"},
                                         Route{ScreenKind::kSpeaker, "philip-oliver-gross"},
                                         ShowTab{ScreenKind::kAgenda},
                                         ShowDay{2},
                                         ToggleLanguage{},
                                         GoBack{},
                                         DismissNotice{},
                                         Covered{},
                                         StepSession{-1},
                                         StepSession{+1},
                                         ToggleOtherRooms{}};
  for (const UiAction& action : actions) {
    EXPECT_EQ(parse_action(action_text(action)), action) << action_text(action);
  }
  EXPECT_EQ(action_text(Route{ScreenKind::kSession, "opening"}), "session:opening");
  EXPECT_EQ(action_text(ShowTab{ScreenKind::kNowNext}), "tab:now-next");
}

TEST(UiAction, TextThatNamesNoActionIsRefused) {
  for (const char* text : {"", "session:", "tab:session", "day:-1", "day:1x", "backwards"}) {
    EXPECT_FALSE(parse_action(text).has_value()) << text;
  }
}

TEST(UiAction, OnlySessionsAndSpeakersAreTheScreensContent) {
  EXPECT_TRUE(opens_detail(Route{ScreenKind::kSpeaker, "x"}));
  EXPECT_FALSE(opens_detail(ShowTab{ScreenKind::kAgenda}));
  EXPECT_FALSE(opens_detail(Covered{}));
}

TEST(QrCode, EveryDarkModuleOfTheMatrixIsDrawnScaledInsideAQuietZone) {
  const auto matrix = encode_qr("https://example.org/islamabad-2025/opening");
  ASSERT_TRUE(matrix);
  ASSERT_GE(matrix->size, 21);
  ASSERT_EQ((matrix->size - 17) % 4, 0) << "a QR version's side is 17 + 4 v";
  const float module = qr_module_for(*matrix, 200);
  EXPECT_GE(qr_side(*matrix, module), 200);
  EXPECT_EQ(module, std::floor(module)) << "whole pixels: sharp edges";
  DrawList list;
  draw_qr(list, *matrix, 100, 50, module);
  const auto& commands = list.commands();
  ASSERT_FALSE(commands.empty());
  const FillRect& light = std::get<FillRect>(commands.front());
  EXPECT_EQ(light.box, (Box{100, 50, qr_side(*matrix, module), qr_side(*matrix, module)}));
  EXPECT_EQ(light.color, (Color{0xFF, 0xFF, 0xFF, 0xFF}));
  // Each module's centre is dark exactly where the matrix says so; the border stays light.
  const auto dark_at = [&](float x, float y) {
    for (std::size_t i = 1; i < commands.size(); ++i) {
      const FillRect& fill = std::get<FillRect>(commands[i]);
      if (fill.box.contains(x, y)) return true;
    }
    return false;
  };
  const int quiet = kQrQuietModules;
  for (int row = -quiet; row < matrix->size + quiet; ++row) {
    for (int column = -quiet; column < matrix->size + quiet; ++column) {
      const bool inside = row >= 0 && column >= 0 && row < matrix->size && column < matrix->size;
      const float x = 100 + (column + quiet + 0.5f) * module;
      const float y = 50 + (row + quiet + 0.5f) * module;
      EXPECT_EQ(dark_at(x, y), inside && matrix->at(column, row)) << column << "," << row;
    }
  }
}

TEST(QrCode, TheThreeFinderSquaresAreWhereScannersLookForThem) {
  const auto matrix = encode_qr("https://example.org/s/1");
  ASSERT_TRUE(matrix);
  const int last = matrix->size - 1;
  for (const auto& [x, y] : {std::pair{0, 0}, std::pair{last - 6, 0}, std::pair{0, last - 6}}) {
    EXPECT_TRUE(matrix->at(x, y) && matrix->at(x + 6, y + 6) && matrix->at(x + 3, y + 3));
    EXPECT_FALSE(matrix->at(x + 1, y + 1));
  }
}

}  // namespace
}  // namespace ijlas::ui
