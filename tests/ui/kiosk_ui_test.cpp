// The kiosk's UI driven as an attendee would, with no window: taps, swipes, keys and time.
#include "ui/kiosk_ui.hpp"

#include <gtest/gtest.h>

#include <set>

#include "agenda/agenda_loader.hpp"
#include "live/live_session.hpp"
#include "text/typesetter.hpp"
#include "ui/session_row.hpp"

#include "ui/large_agenda.hpp"
#include "ui/venue_format.hpp"

namespace ijlas::ui {
namespace {

// 2025-11-26T10:20+05:00: the first morning of the bundled Islamabad agenda.
constexpr std::int64_t kFirstMorning = 1764134400;  // 2025-11-26T05:20:00Z

class KioskUiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    typesetter_ = new text::Typesetter(IJLAS_FONT_DIR);
    auto loaded =
        agenda::load_agenda_file(std::string(IJLAS_ASSET_DIR) + "/agenda/islamabad-2025.json");
    ASSERT_TRUE(loaded.ok());
    agenda_ = new std::shared_ptr<const agenda::Agenda>(loaded.agenda);
  }
  static void TearDownTestSuite() {
    delete agenda_;
    delete typesetter_;
  }

  void SetUp() override {
    auto zone = agenda::TimeZone::find("Asia/Karachi");
    ASSERT_TRUE(zone);
    ui_ = std::make_unique<KioskUi>(
        *typesetter_, venue_format(std::make_shared<live::VenueTime>(*zone)), KioskOptions{});
    ui_->resize(1920, 1080);
    ui_->set_agenda(*agenda_);
    advance(0);
  }

  // Moves both clocks by `seconds` and draws a frame.
  void advance(double seconds) {
    monotonic_ms_ += static_cast<std::int64_t>(seconds * 1000);
    now_ms_ += static_cast<std::int64_t>(seconds * 1000);
    ui_->update(live::Timestamp{now_ms_}, monotonic_ms_);
    ui_->frame();
  }

  const HitTarget* find(const UiAction& action) const {
    for (const HitTarget& target : ui_->targets()) {
      if (target.action == action) return &target;
    }
    return nullptr;
  }

  const HitTarget* first_session() const {
    for (const HitTarget& target : ui_->targets()) {
      const Route* route = std::get_if<Route>(&target.action);
      if (route && route->kind == ScreenKind::kSession) return &target;
    }
    return nullptr;
  }

  // An urgent announcement in both languages, as a venue's fire drill sends it.
  static Announcement evacuation() {
    Announcement notice;
    notice.text = {"ہال خالی کریں", "Please leave the hall"};
    notice.urgent = true;
    notice.id = "evacuate";
    return notice;
  }

  void tap(const Box& box) {
    const float x = box.x + box.w / 2, y = box.y + box.h / 2;
    ui_->pointer({PointerEvent::Phase::kDown, x, y, monotonic_ms_});
    ui_->pointer({PointerEvent::Phase::kUp, x, y, monotonic_ms_ + 80});
    advance(0.1);
  }

  void swipe(float from_x, float to_x) {
    const float y = 540;
    ui_->pointer({PointerEvent::Phase::kDown, from_x, y, monotonic_ms_});
    ui_->pointer({PointerEvent::Phase::kMove, (from_x + to_x) / 2, y, monotonic_ms_ + 50});
    ui_->pointer({PointerEvent::Phase::kUp, to_x, y, monotonic_ms_ + 100});
    advance(0.3);
  }

  // The texts drawn, with their boxes.
  std::vector<const DrawText*> texts() {
    std::vector<const DrawText*> out;
    for (const DrawCommand& command : ui_->frame().commands()) {
      if (const auto* text = std::get_if<DrawText>(&command)) out.push_back(text);
    }
    return out;
  }
  const DrawText* text_named(std::string_view wanted) {
    for (const DrawText* text : texts()) {
      if (text->layout->text == wanted) return text;
    }
    return nullptr;
  }

  void activate_language_toggle() {
    const HitTarget* toggle = find(ToggleLanguage{});
    ASSERT_NE(toggle, nullptr);
    tap(toggle->box);
  }

  static text::Typesetter* typesetter_;
  static std::shared_ptr<const agenda::Agenda>* agenda_;
  std::unique_ptr<KioskUi> ui_;
  std::int64_t monotonic_ms_ = 1'000'000;
  std::int64_t now_ms_ = kFirstMorning * 1000;
};

text::Typesetter* KioskUiTest::typesetter_ = nullptr;
std::shared_ptr<const agenda::Agenda>* KioskUiTest::agenda_ = nullptr;

TEST_F(KioskUiTest, OpensOnNowAndNextWithOneCardPerRoom) {
  EXPECT_TRUE(ui_->navigation().at_home());
  int rooms = 0;
  for (const agenda::Room& room : (*agenda_)->rooms()) {
    if (text_named(room_label(room, Language::kUrdu))) ++rooms;
  }
  EXPECT_EQ(rooms, static_cast<int>((*agenda_)->rooms().size()));
  // The bottom bar's three destinations, in Urdu.
  EXPECT_NE(text_named("اب اور اگلا"), nullptr);
  EXPECT_NE(text_named("ایجنڈا"), nullptr);
  EXPECT_NE(text_named("مقررین"), nullptr);
}

TEST_F(KioskUiTest, TappingASessionOpensItsDetailAndBackReturns) {
  const HitTarget* session = first_session();
  ASSERT_NE(session, nullptr);
  const std::string id = std::get<Route>(session->action).id;
  tap(session->box);
  EXPECT_EQ(ui_->navigation().current().kind, ScreenKind::kSession);
  EXPECT_EQ(ui_->navigation().current().id, id);
  const agenda::Session* shown = (*agenda_)->find_session(id);
  ASSERT_NE(shown, nullptr);
  EXPECT_NE(text_named(shown->title.ur), nullptr) << "the session's title is on its screen";
  const HitTarget* back = find(GoBack{});
  ASSERT_NE(back, nullptr);
  tap(back->box);
  EXPECT_TRUE(ui_->navigation().at_home());
}

TEST_F(KioskUiTest, SwipeOnTheAgendaMovesToTheNextDayInTheReadingDirection) {
  tap(find(ShowTab{ScreenKind::kAgenda})->box);
  ASSERT_EQ(ui_->navigation().current().kind, ScreenKind::kAgenda);
  EXPECT_EQ(ui_->navigation().day(), 0);
  // Urdu reads right to left: the next day comes in from the left, so the finger moves right.
  swipe(400, 1400);
  EXPECT_EQ(ui_->navigation().day(), 1);
  swipe(1400, 400);
  EXPECT_EQ(ui_->navigation().day(), 0);
}

TEST_F(KioskUiTest, InEnglishTheNextDayIsASwipeToTheLeft) {
  tap(find(ToggleLanguage{})->box);
  ASSERT_EQ(ui_->navigation().language(), Language::kEnglish);
  tap(find(ShowTab{ScreenKind::kAgenda})->box);
  swipe(1400, 400);
  EXPECT_EQ(ui_->navigation().day(), 1);
}

TEST_F(KioskUiTest, IdleReturnsHomeAndLongerIdleStartsAttractMode) {
  tap(find(ShowTab{ScreenKind::kSpeakers})->box);
  ASSERT_EQ(ui_->navigation().current().kind, ScreenKind::kSpeakers);
  advance(59);
  EXPECT_EQ(ui_->navigation().current().kind, ScreenKind::kSpeakers);
  advance(2);
  EXPECT_TRUE(ui_->navigation().at_home());
  EXPECT_FALSE(ui_->navigation().attracting());
  advance(180);
  EXPECT_TRUE(ui_->navigation().attracting());
  advance(16);
  EXPECT_EQ(ui_->navigation().current().kind, ScreenKind::kAgenda) << "the cycle moves on";
  // A touch ends attract mode.
  tap({10, 500, 1, 1});
  EXPECT_FALSE(ui_->navigation().attracting());
}

TEST_F(KioskUiTest, LanguageToggleMirrorsTheLayout) {
  // Urdu: the conference title sits at the start edge, the right; the clock on the left.
  const std::string title_ur = (*agenda_)->conference().title.ur;
  const DrawText* title = text_named(title_ur);
  ASSERT_NE(title, nullptr);
  EXPECT_GT(title->bounds.x + title->bounds.w / 2, 960) << "Urdu title on the right half";
  const Box toggle_ur = find(ToggleLanguage{})->box;
  EXPECT_LT(toggle_ur.x, 960) << "the toggle at the end edge: left in Urdu";

  tap(toggle_ur);
  const DrawText* title_en = text_named((*agenda_)->conference().title.en);
  ASSERT_NE(title_en, nullptr);
  EXPECT_LT(title_en->bounds.x + title_en->bounds.w / 2, 960) << "English title on the left half";
  const Box toggle_en = find(ToggleLanguage{})->box;
  EXPECT_GT(toggle_en.x, 960);
  // Mirror images of each other: each toggle as far from its own end edge (its width follows
  // its word, "English" or "اردو").
  EXPECT_NEAR(toggle_ur.x, 1920 - toggle_en.right(), 1.0f);
  EXPECT_NE(text_named("Now & Next"), nullptr);
}

TEST_F(KioskUiTest, KeysNavigateToo) {
  ui_->key(Key::kDown, monotonic_ms_);
  advance(0.1);
  ui_->key(Key::kEnter, monotonic_ms_);
  advance(0.3);
  EXPECT_EQ(ui_->navigation().current().kind, ScreenKind::kSession);
  ui_->key(Key::kEscape, monotonic_ms_);
  advance(0.3);
  EXPECT_TRUE(ui_->navigation().at_home());
  ui_->key(Key::kLeft, monotonic_ms_);  // Urdu: left is onwards
  advance(0.3);
  EXPECT_EQ(ui_->navigation().current().kind, ScreenKind::kAgenda);
}

TEST_F(KioskUiTest, AStillScreenBuildsNoNewFrame) {
  advance(0.5);  // let the opening settle
  ui_->frame();
  const std::uint64_t shaped = text::shape_call_count();
  advance(0.5);  // within the same minute: nothing to change
  EXPECT_FALSE(ui_->frame_changed());
  EXPECT_EQ(text::shape_call_count(), shaped);
  EXPECT_GT(ui_->next_wakeup_ms(), monotonic_ms_ + 1000) << "an idle kiosk sleeps";
}

TEST_F(KioskUiTest, NoScreenInEitherLanguageDrawsAMissingGlyph) {
  int checked = 0;
  for (const bool english : {false, true}) {
    if (english) tap(find(ToggleLanguage{})->box);
    for (const ScreenKind kind : {ScreenKind::kNowNext, ScreenKind::kAgenda, ScreenKind::kSession,
                                  ScreenKind::kSpeakers, ScreenKind::kSpeaker}) {
      const auto route = ui_->sample_route(kind);
      ui_->show(route ? *route : Route{kind, {}});
      advance(0.5);
      ui_->navigation().touched(monotonic_ms_);  // stay on this screen
      for (const DrawText* text : texts()) {
        for (const auto& line : text->layout->lines) {
          for (const auto& run : line.runs) {
            for (const auto& glyph : run.glyphs) {
              EXPECT_NE(glyph.id, 0u)
                  << screen_name(kind) << ": tofu in \"" << text->layout->text << '"';
              ++checked;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 2000);
}

TEST_F(KioskUiTest, ATickerMovesInTheReadingDirectionOfItsText) {
  auto x_of = [&](const std::string& text) {
    const DrawText* item = text_named(text);
    return item ? item->x : -1e9f;
  };
  Announcement urdu;
  urdu.text = {"اختتامی اجلاس مرکزی ہال میں ہوگا", ""};
  urdu.id = "closing";
  ui_->set_announcements({urdu});
  advance(1);
  const float urdu_before = x_of(urdu.text.ur);
  advance(1);
  // Urdu begins at its right end: it enters from the left and travels right.
  EXPECT_GT(x_of(urdu.text.ur), urdu_before + 100);
  EXPECT_LT(ui_->next_wakeup_ms(), monotonic_ms_ + 100) << "a moving ticker asks for frames";

  Announcement english;
  english.text = {"", "The closing session is in the Main Hall"};
  english.id = "closing-en";
  ui_->set_announcements({english});
  advance(1);
  const float english_before = x_of(english.text.en);
  advance(1);
  EXPECT_LT(x_of(english.text.en), english_before - 100);
}

TEST_F(KioskUiTest, AnUntrustworthyClockShowsNoNowAndSaysWhy) {
  ASSERT_NE(text_named("10:20"), nullptr);
  ui_->set_clock_trusted(false);
  advance(0.1);
  EXPECT_EQ(text_named("10:20"), nullptr) << "no time in the top bar";
  EXPECT_NE(text_named("--:--"), nullptr);
  EXPECT_NE(text_named(std::string(ui_string(UiString::kClockNotSet, Language::kUrdu))), nullptr);
  EXPECT_EQ(first_session(), nullptr) << "no card claims a session is on now";
  ui_->set_clock_trusted(true);
  advance(0.1);
  EXPECT_NE(text_named("10:20"), nullptr);
  EXPECT_NE(first_session(), nullptr);
}

TEST_F(KioskUiTest, UrgentAnnouncementShowsBothLanguagesAndATapDoesNotEndIt) {
  ui_->set_announcements({evacuation()});
  advance(0.1);
  EXPECT_NE(text_named("ہال خالی کریں"), nullptr);
  EXPECT_NE(text_named("Please leave the hall"), nullptr) << "English too on the Urdu screen";
  tap({100, 500, 10, 10});
  tap({960, 900, 10, 10});
  EXPECT_NE(text_named("ہال خالی کریں"), nullptr) << "a passer-by's tap does not end it";
  EXPECT_EQ(find(DismissNotice{}), nullptr);
  ui_->set_announcements({});  // withdrawn
  advance(0.1);
  EXPECT_EQ(text_named("ہال خالی کریں"), nullptr);
}

TEST_F(KioskUiTest, StaffHideAnUrgentAnnouncementWithAThreeSecondHold) {
  ui_->set_announcements({evacuation()});
  advance(0.1);
  ui_->pointer({PointerEvent::Phase::kDown, 960, 500, monotonic_ms_});
  advance(1.5);
  EXPECT_NE(text_named("Please leave the hall"), nullptr) << "a short hold is not enough";
  advance(1.6);
  ui_->pointer({PointerEvent::Phase::kUp, 960, 500, monotonic_ms_});
  advance(0.1);
  EXPECT_EQ(text_named("Please leave the hall"), nullptr);
  EXPECT_FALSE(ui_->service_panel_open());
}

TEST_F(KioskUiTest, TheServicePanelOpensFromAHoldAtTheClockNeverFromBack) {
  tap(first_session()->box);
  const HitTarget* back = find(GoBack{});
  ASSERT_NE(back, nullptr);
  const float bx = back->box.x + back->box.w / 2, by = back->box.y + back->box.h / 2;
  ui_->pointer({PointerEvent::Phase::kDown, bx, by, monotonic_ms_});
  advance(3.5);
  ui_->pointer({PointerEvent::Phase::kUp, bx, by, monotonic_ms_});
  advance(0.1);
  EXPECT_FALSE(ui_->service_panel_open()) << "a long press on Back";
  const DrawText* clock = text_named("10:20");
  ASSERT_NE(clock, nullptr);
  const float cx = clock->bounds.x + clock->bounds.w / 2,
              cy = clock->bounds.y + clock->bounds.h / 2;
  ui_->pointer({PointerEvent::Phase::kDown, cx, cy, monotonic_ms_});
  advance(3.1);
  ui_->pointer({PointerEvent::Phase::kUp, cx, cy, monotonic_ms_});
  EXPECT_TRUE(ui_->service_panel_open());
}

TEST_F(KioskUiTest, ATapOutsideTheServicePanelClosesItAndReachesNothingBeneath) {
  ui_->key(Key::kServiceOverlay, monotonic_ms_);
  ASSERT_TRUE(ui_->service_panel_open());
  ui_->set_service_panel_size(700, 400);  // as the platform drew it, at the top-left
  advance(0.1);
  // The English toggle lies under the panel in Urdu: a tap on the panel does not reach it.
  const HitTarget* toggle = find(ToggleLanguage{});
  ASSERT_NE(toggle, nullptr);
  ASSERT_LT(toggle->box.x + toggle->box.w / 2, 700);
  ASSERT_LT(toggle->box.y + toggle->box.h / 2, 400);
  tap(toggle->box);
  EXPECT_TRUE(ui_->service_panel_open()) << "a tap on the panel keeps it open";
  EXPECT_EQ(ui_->navigation().language(), Language::kUrdu);
  // A tap on a room card outside the panel closes it and opens nothing.
  const HitTarget* card = first_session();
  ASSERT_NE(card, nullptr);
  ASSERT_GE(card->box.y + card->box.h / 2, 400);
  tap(card->box);
  EXPECT_FALSE(ui_->service_panel_open());
  EXPECT_TRUE(ui_->navigation().at_home()) << "the closing tap opened the session";
  // Closed, the same tap works again.
  tap(card->box);
  EXPECT_EQ(ui_->navigation().current().kind, ScreenKind::kSession);
}

TEST_F(KioskUiTest, IdleReturnsHomeInTheKiosksOwnLanguage) {
  activate_language_toggle();
  EXPECT_EQ(ui_->navigation().language(), Language::kEnglish);
  advance(61);
  EXPECT_EQ(ui_->navigation().language(), Language::kUrdu);
  EXPECT_TRUE(ui_->navigation().at_home());
}

TEST_F(KioskUiTest, AnAcceptedAgendaIsConfirmedInBothLanguagesForAWhile) {
  ui_->confirm_agenda("islamabad.json", 31);
  advance(0.1);
  EXPECT_NE(text_named("Agenda updated: 31 sessions from islamabad.json"), nullptr);
  bool urdu = false;
  for (const DrawText* text : texts())
    urdu = urdu || text->layout->text ==
                       fill(UiString::kAgendaUpdated, Language::kUrdu, "31", "islamabad.json");
  EXPECT_TRUE(urdu);
  advance(11);
  EXPECT_EQ(text_named("Agenda updated: 31 sessions from islamabad.json"), nullptr);
}

TEST_F(KioskUiTest, AnOrganizerNoticeIsAMarkNotAText) {
  const std::size_t before = texts().size();
  ui_->set_notice("Not used: agenda.json:3:1: a session without a start");
  advance(0.1);
  EXPECT_EQ(texts().size(), before) << "attendees see no message text";
  EXPECT_EQ(ui_->notice(), "Not used: agenda.json:3:1: a session without a start");
}

TEST_F(KioskUiTest, SettingsTheBoardCouldNotApplyAreShownInFullUntilFixed) {
  // Unlike an organizer notice (a mark), the technician at the screen must read these.
  const std::string notice =
      "Board settings: ijlas.toml:5:12: display.rotation must be 0, 90, 180 or 270";
  ui_->set_board_notice(notice);
  advance(0.1);
  EXPECT_NE(text_named(notice), nullptr);
  advance(3600);
  EXPECT_NE(text_named(notice), nullptr) << "it stays while the settings are wrong";
  ui_->set_board_notice("");
  advance(0.1);
  EXPECT_EQ(text_named(notice), nullptr);
}

TEST_F(KioskUiTest, TheBoardNoticesUrduAndEnglishAreParagraphsOfTheirOwn) {
  // In one paragraph the English would follow the Urdu's direction, and a cut one would end with
  // its ellipsis on the left.
  const std::string urdu = "بورڈ کی ترتیبات لاگو نہیں ہوئیں";
  const std::string english =
      "Board settings: ijlas.toml:43:1: error: cannot redefine existing table 'board' (the file "
      "was not used: correct it on the boot partition)";
  ui_->set_board_notice(urdu + "\n" + english);
  advance(0.1);
  EXPECT_NE(text_named(urdu), nullptr);
  EXPECT_NE(text_named(english), nullptr);
}

TEST_F(KioskUiTest, ASpeakersNameIsWholeOnOneLineInEitherOrientationAndLanguage) {
  agenda::AgendaData data = (*agenda_)->data();
  // Too long to sit beside the portrait on a portrait screen at any title size.
  agenda::Speaker long_name;
  long_name.id = "long-name";
  long_name.name = {"ماریہ مگدالینا الیگزینڈریسکو", "Maria-Magdalena Alexandrescu"};
  data.speakers.push_back(long_name);
  const auto agenda = std::make_shared<const agenda::Agenda>(std::move(data));
  ui_->set_agenda(agenda);
  for (const Language language : {Language::kUrdu, Language::kEnglish}) {
    if (ui_->navigation().language() != language) activate_language_toggle();
    for (const auto& [width, height] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}}) {
      ui_->resize(width, height);
      for (const agenda::Speaker& speaker : agenda->speakers()) {
        ui_->show({ScreenKind::kSpeaker, speaker.id});
        advance(0);
        const std::string& name = localized(speaker.name, language);
        const DrawText* drawn = text_named(name);
        ASSERT_NE(drawn, nullptr) << name;
        EXPECT_EQ(drawn->layout->lines.size(), 1u) << name << " at " << width << "x" << height;
        EXPECT_FALSE(drawn->layout->lines.front().ellipsized) << name;
        EXPECT_GE(drawn->bounds.x, 0) << name;
        EXPECT_LE(drawn->bounds.right(), width) << name;
      }
      // Whole in the list of speakers and on a session's speaker chips too.
      for (const Route& route :
           {Route{ScreenKind::kSpeakers, {}}, *ui_->sample_route(ScreenKind::kSession)}) {
        ui_->show(route);
        advance(0);
        int names = 0;
        for (const agenda::Speaker& speaker : agenda->speakers()) {
          const DrawText* drawn = text_named(localized(speaker.name, language));
          if (!drawn) continue;
          ++names;
          for (const text::LayoutLine& line : drawn->layout->lines)
            EXPECT_FALSE(line.ellipsized)
                << drawn->layout->text << " at " << width << "x" << height;
        }
        EXPECT_GT(names, 1) << screen_name(route.kind);
      }
    }
  }
}

TEST_F(KioskUiTest, InPortraitEveryRoomIsReachedByPagesThatTurnByThemselvesAndBySwipe) {
  ui_->resize(1080, 1920);
  advance(0.1);
  const auto rooms_shown = [&] {
    std::set<std::string> shown;
    for (const agenda::Room& room : (*agenda_)->rooms()) {
      if (text_named(room_label(room, Language::kUrdu))) shown.insert(room.id);
    }
    return shown;
  };
  const std::set<std::string> first = rooms_shown();
  ASSERT_LT(first.size(), (*agenda_)->rooms().size()) << "the portrait column holds fewer cards";
  std::set<std::string> seen = first;
  for (int page = 0; page < 4; ++page) {
    advance(12.5);
    for (const std::string& id : rooms_shown())
      seen.insert(id);
  }
  EXPECT_EQ(seen.size(), (*agenda_)->rooms().size());
  // A swipe up turns to another page at once.
  const std::set<std::string> before = rooms_shown();
  ui_->pointer({PointerEvent::Phase::kDown, 540, 1200, monotonic_ms_});
  for (int k = 1; k <= 5; ++k)
    ui_->pointer({PointerEvent::Phase::kMove, 540, 1200.0f - 80 * k, monotonic_ms_ + 20 * k});
  ui_->pointer({PointerEvent::Phase::kUp, 540, 800, monotonic_ms_ + 120});
  advance(0.3);
  EXPECT_NE(rooms_shown(), before);
}

TEST_F(KioskUiTest, InPortraitACardsSpeakersAreWholeWhenItsPageHasRoomAndWrapBetweenNames) {
  activate_language_toggle();
  ui_->resize(1080, 1920);
  advance(0.1);
  const DrawText* names = nullptr;
  for (const DrawText* text : texts()) {
    if (text->layout->text.find("Ambassador") != std::string::npos) names = text;
  }
  ASSERT_NE(names, nullptr) << "the opening session's speakers on the Main Hall card";
  const text::ParagraphLayout& layout = *names->layout;
  ASSERT_GT(layout.lines.size(), 1u) << "too long for one line of a portrait card";
  for (const text::LayoutLine& line : layout.lines) {
    EXPECT_FALSE(line.ellipsized) << "the page has room for the whole list";
  }
  for (std::size_t i = 0; i + 1 < layout.lines.size(); ++i) {
    const std::string_view shown = std::string_view(layout.text).substr(0, layout.lines[i].end);
    EXPECT_TRUE(shown.ends_with(", ")) << "line " << i << " ends inside a name: " << shown;
  }
}

// A venue of thirty rooms (FOSDEM's) on a portrait screen: compact cards carry NOW and NEXT at the
// start of their time lines, so that a page holds more than one room and fewer pages turn before
// one's own.
TEST_F(KioskUiTest, InPortraitAVenueOfManyRoomsPutsCompactCardsSeveralToAPage) {
  agenda::AgendaData data = (*agenda_)->data();
  const time::Instant opening = data.sessions.front().start;  // 09:30, the first morning
  for (int i = 0; i < 24; ++i) {
    const std::string id = "hall-" + std::to_string(i);
    data.rooms.push_back({id, {"ہال " + std::to_string(i), "Hall " + std::to_string(i)}});
    for (int slot = 0; slot < 2; ++slot) {
      agenda::Session session;
      session.id = id + "-" + std::to_string(slot);
      session.title = {"اجلاس " + std::to_string(i), "Workshop " + std::to_string(i)};
      session.start = {opening.utc_seconds + slot * 3600LL, opening.offset_seconds};
      session.end = {session.start.utc_seconds + 3600, opening.offset_seconds};
      session.room = id;
      data.sessions.push_back(session);
    }
  }
  const auto venue = std::make_shared<const agenda::Agenda>(std::move(data));
  ui_->set_agenda(venue);
  activate_language_toggle();
  ui_->resize(1080, 1920);
  advance(0.1);
  const auto rooms_on_page = [&] {
    int shown = 0;
    for (const agenda::Room& room : venue->rooms())
      shown += text_named(room_label(room, Language::kEnglish)) != nullptr;
    return shown;
  };
  advance(12.5);  // past the bundled rooms' page, to one of the halls'
  EXPECT_GE(rooms_on_page(), 2);
  std::vector<const DrawText*> badges, ranges;
  for (const DrawText* text : texts()) {
    if (text->layout->text == "NOW") badges.push_back(text);
    if (text->layout->text == "09:30–10:30") ranges.push_back(text);
  }
  ASSERT_GE(badges.size(), 2u) << "at least two halls' running sessions on the page";
  ASSERT_EQ(ranges.size(), badges.size());
  for (std::size_t i = 0; i < badges.size(); ++i) {
    const Box& badge = badges[i]->bounds;
    const Box& range = ranges[i]->bounds;
    EXPECT_LT(badge.y, range.bottom()) << "card " << i << ": the badge beside its times";
    EXPECT_LT(range.y, badge.bottom()) << "card " << i;
    EXPECT_LT(badge.right(), range.x) << "card " << i << ": NOW first, at the start edge";
  }
}

TEST(TimeRange, InUrduARangeIsALeftToRightIsolate) {
  EXPECT_EQ(isolated("09:30–10:30", Language::kUrdu), "\u206609:30–10:30\u2069");
  EXPECT_EQ(isolated("09:30–10:30", Language::kEnglish), "09:30–10:30");
  EXPECT_EQ(isolated("مرکزی ہال", Language::kUrdu), "مرکزی ہال");
  EXPECT_EQ(fill(UiString::kBreakUntil, Language::kUrdu, "11:30").find("\u206611:30\u2069") !=
                std::string::npos,
            true);
}

TEST(RoomLabel, AShortLastWordIsBoundToTheWordBefore) {
  agenda::Room room;
  room.name = {"کمیٹی روم 1", "Committee Room 1"};
  EXPECT_EQ(room_label(room, Language::kEnglish), "Committee Room\u00A01");
  room.name = {"", "Plenary Hall"};
  EXPECT_EQ(room_label(room, Language::kEnglish), "Plenary Hall");
}

// [SECTION] Between sessions by touch, the QR code, lists that do not grow with the agenda

// The session after (+1) or before (-1) `id` in its room, from the agenda itself.
std::string neighbour_in_room(const agenda::Agenda& agenda, const std::string& id, int step) {
  const auto sessions = live::live_sessions(agenda);
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    if (sessions[i].session->id != id) continue;
    for (std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + step;
         j >= 0 && j < static_cast<std::ptrdiff_t>(sessions.size()); j += step) {
      if (sessions[j].room == sessions[i].room) return sessions[j].session->id;
    }
  }
  return {};
}

TEST_F(KioskUiTest, ASwipeInTheReadingDirectionGoesToTheNextSessionInTheRoom) {
  const HitTarget* session = first_session();
  ASSERT_NE(session, nullptr);
  const std::string id = std::get<Route>(session->action).id;
  const std::string next = neighbour_in_room(**agenda_, id, +1);
  ASSERT_FALSE(next.empty());
  tap(session->box);
  // Urdu reads right to left: the next session comes in from the left, the finger moves right.
  swipe(400, 1400);
  EXPECT_EQ(ui_->navigation().current().id, next);
  swipe(1400, 400);
  EXPECT_EQ(ui_->navigation().current().id, id);
  // Stepping replaces the page: Back still returns to where the visitor came from.
  tap(find(GoBack{})->box);
  EXPECT_TRUE(ui_->navigation().at_home());
}

TEST_F(KioskUiTest, InEnglishTheNextSessionIsASwipeToTheLeft) {
  tap(find(ToggleLanguage{})->box);
  const HitTarget* session = first_session();
  ASSERT_NE(session, nullptr);
  const std::string id = std::get<Route>(session->action).id;
  tap(session->box);
  swipe(1400, 400);
  EXPECT_EQ(ui_->navigation().current().id, neighbour_in_room(**agenda_, id, +1));
}

TEST_F(KioskUiTest, TwoArrowsStepToThePreviousAndNextSessionAtTheirEdges) {
  const HitTarget* session = first_session();
  ASSERT_NE(session, nullptr);
  const std::string id = std::get<Route>(session->action).id;
  tap(session->box);
  const HitTarget* next = find(StepSession{+1});
  ASSERT_NE(next, nullptr);
  const HitTarget* previous = find(StepSession{-1});
  if (!neighbour_in_room(**agenda_, id, -1).empty()) {
    ASSERT_NE(previous, nullptr);
    // Urdu: the next session's arrow on the left, the previous one's on the right.
    EXPECT_LT(next->box.right(), previous->box.x);
  }
  tap(next->box);
  EXPECT_EQ(ui_->navigation().current().id, neighbour_in_room(**agenda_, id, +1));
  ASSERT_NE(find(StepSession{-1}), nullptr);
  tap(find(StepSession{-1})->box);
  EXPECT_EQ(ui_->navigation().current().id, id);
}

TEST_F(KioskUiTest, OneTapListsWhatRunsInTheOtherRoomsMeanwhile) {
  // A session with parallel ones, and how many of them, from the agenda itself.
  std::string id;
  int parallel = 0;
  for (const agenda::Session& session : (*agenda_)->sessions()) {
    int overlapping = 0;
    for (const agenda::Session& other : (*agenda_)->sessions()) {
      if (other.room != session.room && other.start.utc_seconds < session.end.utc_seconds &&
          other.end.utc_seconds > session.start.utc_seconds) {
        ++overlapping;
      }
    }
    if (overlapping > parallel) id = session.id, parallel = overlapping;
  }
  ASSERT_GT(parallel, 0);
  ui_->show({ScreenKind::kSession, id});
  advance(0);
  const HitTarget* other_rooms = find(ToggleOtherRooms{});
  ASSERT_NE(other_rooms, nullptr);
  tap(other_rooms->box);
  const agenda::Session* shown = (*agenda_)->find_session(id);
  int listed = 0;
  for (const HitTarget& target : ui_->targets()) {
    const Route* route = std::get_if<Route>(&target.action);
    if (!route || route->kind != ScreenKind::kSession) continue;
    const agenda::Session* other = (*agenda_)->find_session(route->id);
    ASSERT_NE(other, nullptr);
    EXPECT_NE(other->room, shown->room);
    EXPECT_LT(other->start.utc_seconds, shown->end.utc_seconds);
    EXPECT_GT(other->end.utc_seconds, shown->start.utc_seconds);
    ++listed;
  }
  EXPECT_EQ(listed, parallel);
  tap(find(ToggleOtherRooms{})->box);
  EXPECT_NE(text_named(shown->title.ur), nullptr) << "a second tap returns to the session";
}

TEST_F(KioskUiTest, ARunningSessionsPageShowsItsNowBadgeAndMinutesLeft) {
  const auto route = ui_->sample_route(ScreenKind::kSession);
  ASSERT_TRUE(route);
  ui_->show(*route);
  advance(0);
  EXPECT_NE(text_named("ابھی جاری"), nullptr);
  const live::LiveState* live = ui_->live_state();
  int left = -1;
  for (const auto& room : live->rooms) {
    if (room.now && room.now->live.session->id == route->id) left = room.now->minutes_left;
  }
  ASSERT_GT(left, 0);
  EXPECT_NE(text_named(fill(UiString::kMinutesLeft, Language::kUrdu, std::to_string(left))),
            nullptr);
}

TEST_F(KioskUiTest, ARunningSessionsPageDrawsTheNowBadgeAndProgressBarOfItsCard) {
  struct Marks {
    Box badge, track, done;
  };
  const auto marks = [&] {
    Marks found;
    const auto& commands = ui_->frame().commands();
    for (std::size_t i = 1; i < commands.size(); ++i) {
      const auto* before = std::get_if<FillRect>(&commands[i - 1]);
      if (const auto* text = std::get_if<DrawText>(&commands[i]);
          text && before && text->layout->text == "ابھی جاری") {
        found.badge = before->box;
      }
      const auto* fill = std::get_if<FillRect>(&commands[i]);
      if (fill && before && fill->color == colors::kProgress && before->color == colors::kDivider) {
        found.track = before->box;
        found.done = fill->box;
      }
    }
    return found;
  };
  const auto route = ui_->sample_route(ScreenKind::kSession);
  ASSERT_TRUE(route);
  const Marks card = marks();  // the first room's card runs the sample session
  ui_->show(*route);
  advance(0);
  const Marks page = marks();
  ASSERT_GT(card.badge.w, 0);
  ASSERT_GT(card.track.w, 0);
  EXPECT_EQ(page.badge.w, card.badge.w);
  EXPECT_EQ(page.badge.h, card.badge.h);
  EXPECT_EQ(page.track.h, card.track.h);
  EXPECT_EQ(page.done.h, card.done.h);
  EXPECT_NEAR(page.done.w / page.track.w, card.done.w / card.track.w, 0.01);
  // In Urdu both fill from the right, the start edge.
  EXPECT_FLOAT_EQ(page.done.right(), page.track.right());
  EXPECT_FLOAT_EQ(card.done.right(), card.track.right());
}

TEST_F(KioskUiTest, AFirstTimeVisitorSeesASwipeHintThatFades) {
  const std::string hint = "اسی ہال کا اگلا یا پچھلا اجلاس: سوائپ کریں";
  tap(first_session()->box);
  EXPECT_NE(text_named(hint), nullptr);
  advance(5);
  EXPECT_EQ(text_named(hint), nullptr) << "faded";
  tap(find(GoBack{})->box);
  tap(first_session()->box);
  EXPECT_EQ(text_named(hint), nullptr) << "once per visitor";
  advance(61);  // idle: home, and the next visitor is new
  tap(first_session()->box);
  EXPECT_NE(text_named(hint), nullptr);
}

TEST_F(KioskUiTest, TheIdleClockStartsAtTheFirstUpdateNotAtTheBootClocksOrigin) {
  // The fixture's monotonic clock starts 1,000 s after its origin (a kiosk started after boot).
  auto zone = agenda::TimeZone::find("Asia/Karachi");
  KioskUi fresh(*typesetter_, venue_format(std::make_shared<live::VenueTime>(*zone)), {});
  fresh.set_agenda(*agenda_);
  fresh.update(live::Timestamp{now_ms_}, 3'600'000);
  fresh.update(live::Timestamp{now_ms_}, 3'605'000);
  EXPECT_FALSE(fresh.navigation().attracting());
  fresh.update(live::Timestamp{now_ms_}, 3'600'000 + 181'000);
  EXPECT_TRUE(fresh.navigation().attracting());
}

TEST_F(KioskUiTest, ASessionWithAUrlShowsAQrCodeLargeEnoughToScanFromAMetre) {
  agenda::AgendaData data = (*agenda_)->data();
  data.sessions.front().url = "https://example.org/islamabad-2025/opening";
  const std::string id = data.sessions.front().id;
  ui_->set_agenda(std::make_shared<const agenda::Agenda>(std::move(data)));
  ui_->show({ScreenKind::kSession, id});
  advance(0);
  const auto white = [](const FillRect& fill) {
    return fill.color == Color{0xFF, 0xFF, 0xFF, 0xFF} && fill.box.w == fill.box.h;
  };
  const FillRect* code = nullptr;
  for (const DrawCommand& command : ui_->frame().commands()) {
    const auto* fill = std::get_if<FillRect>(&command);
    if (fill && white(*fill)) code = fill;
  }
  ASSERT_NE(code, nullptr);
  EXPECT_GE(code->box.w, 200) << "about 4 cm on a 55-inch 1080p panel";
  EXPECT_NE(text_named("اجلاس کا صفحہ فون پر"), nullptr);
  // The other sessions have no url: no code.
  ui_->show({ScreenKind::kSession, (*agenda_)->sessions()[1].id});
  advance(0);
  for (const DrawCommand& command : ui_->frame().commands()) {
    const auto* fill = std::get_if<FillRect>(&command);
    EXPECT_FALSE(fill && white(*fill) && fill->box.w >= 100);
  }
}

TEST_F(KioskUiTest, TheAgendaAndSpeakersDrawOnlyTheirVisibleRowsOfAHugeAgenda) {
  const auto commands_on = [&](ScreenKind kind) {
    ui_->show({kind, {}});
    advance(0);
    ui_->redraw();
    return ui_->frame().commands().size();
  };
  const std::size_t agenda_small = commands_on(ScreenKind::kAgenda);
  const std::size_t speakers_small = commands_on(ScreenKind::kSpeakers);
  ui_->set_agenda(large_agenda(**agenda_, 30'000, 15'000));
  const std::size_t agenda_large = commands_on(ScreenKind::kAgenda);
  const std::size_t speakers_large = commands_on(ScreenKind::kSpeakers);
  // A screen and a margin of rows, whatever the list's length (the bundled day has ~20 rows).
  EXPECT_LT(agenda_large, 2 * agenda_small + 100);
  EXPECT_LT(speakers_large, 2 * speakers_small + 100);
}

}  // namespace
}  // namespace ijlas::ui
