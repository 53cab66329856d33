// Every screen, in both languages and both orientations, every room-door screen, on the bundled
// agenda and on two real exports: no text is cut off outside a scrolling list, none lies outside
// the screen, and no two texts overlap. The text placements are what `--shot` lists.
#include <gtest/gtest.h>

#include <sstream>

#include "agenda/agenda_loader.hpp"
#include "shared_files.hpp"
#include "text/typesetter.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/venue_format.hpp"

namespace ijlas::ui {
namespace {

struct Case {
  const char* name;
  std::string path;     // "schedules/…": in the shared folder
  std::int64_t at_utc;  // an instant with sessions running
};

struct Size {
  float width, height;
};

text::Typesetter& typesetter() {
  static text::Typesetter shared(IJLAS_FONT_DIR);
  return shared;
}

std::string describe(const TextPlacement& placed) {
  std::ostringstream out;
  out << '"' << placed.item->layout->text << "\" box [" << placed.box.x << "," << placed.box.y
      << " " << placed.box.w << "x" << placed.box.h << "] visible [" << placed.visible.x << ","
      << placed.visible.y << " " << placed.visible.w << "x" << placed.visible.h << "]";
  return out.str();
}

// Everything wrong with one frame, one line each.
std::vector<std::string> problems(const DrawList& list, Size screen) {
  std::vector<std::string> found;
  const std::vector<TextPlacement> placed = text_placements(list);
  constexpr float kSlack = 1.0f;  // rounding to whole pixels
  for (const TextPlacement& item : placed) {
    if (item.clipped && !item.scroll) found.push_back("cut off: " + describe(item));
    const Box& v = item.visible;
    if (v.w <= 0 || v.h <= 0) continue;
    if (v.x < -kSlack || v.y < -kSlack || v.right() > screen.width + kSlack ||
        v.bottom() > screen.height + kSlack) {
      found.push_back("outside the screen: " + describe(item));
    }
  }
  for (std::size_t i = 0; i < placed.size(); ++i) {
    for (std::size_t j = i + 1; j < placed.size(); ++j) {
      const Box& a = placed[i].visible;
      const Box& b = placed[j].visible;
      const float w = std::min(a.right(), b.right()) - std::max(a.x, b.x);
      const float h = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
      if (w > kSlack && h > kSlack) {
        found.push_back("overlap: " + describe(placed[i]) + " and " + describe(placed[j]));
      }
    }
  }
  return found;
}

class ScreenLayout : public ::testing::TestWithParam<Case> {
 protected:
  std::shared_ptr<const agenda::Agenda> load(const Case& c) {
    const bool shared = c.path.rfind("schedules/", 0) == 0;
    auto loaded = agenda::load_agenda_file(shared ? shared_file(c.path) : c.path);
    EXPECT_TRUE(loaded.ok()) << c.path;
    return loaded.agenda;
  }

  std::unique_ptr<KioskUi> kiosk(const std::shared_ptr<const agenda::Agenda>& agenda,
                                 Language language, Size size, std::string room) {
    const std::string zone_name =
        agenda->conference().time_zone.empty() ? "UTC" : agenda->conference().time_zone;
    auto zone = agenda::TimeZone::find(zone_name);
    if (!zone) zone = agenda::TimeZone::find("UTC");
    KioskOptions options;
    options.language = language;
    options.room_id = std::move(room);
    auto ui = std::make_unique<KioskUi>(
        typesetter(), venue_format(std::make_shared<live::VenueTime>(*zone)), options);
    ui->resize(size.width, size.height);
    ui->set_agenda(agenda);
    return ui;
  }

  // Draws the route at the case's instant and reports what is wrong with it.
  void check(KioskUi& ui, const Route& route, std::int64_t at_utc, Size size,
             const std::string& what) {
    ui.update(live::Timestamp{at_utc * 1000}, 1'000'000);
    ui.show(route);
    ui.update(live::Timestamp{at_utc * 1000}, 1'000'000);
    const std::vector<std::string> found = problems(ui.frame(), size);
    for (std::size_t i = 0; i < found.size() && i < 5; ++i)
      ADD_FAILURE() << what << ": " << found[i];
    if (found.size() > 5) ADD_FAILURE() << what << ": and " << found.size() - 5 << " more";
  }
};

TEST_P(ScreenLayout, NoTextIsCutOutsideTheScreenOrOverlapped) {
  const Case c = GetParam();
  const auto agenda = load(c);
  ASSERT_TRUE(agenda);
  for (const Language language : {Language::kUrdu, Language::kEnglish}) {
    for (const Size size : {Size{1920, 1080}, Size{1080, 1920}}) {
      const std::string variant = std::string(c.name) + " " + language_tag(language) + " " +
                                  std::to_string(int(size.width)) + "x" +
                                  std::to_string(int(size.height));
      auto ui = kiosk(agenda, language, size, {});
      for (const ScreenKind kind : {ScreenKind::kNowNext, ScreenKind::kAgenda, ScreenKind::kSession,
                                    ScreenKind::kSpeakers, ScreenKind::kSpeaker}) {
        Route route{kind, {}};
        if (kind == ScreenKind::kSession || kind == ScreenKind::kSpeaker) {
          ui->update(live::Timestamp{c.at_utc * 1000}, 1'000'000);
          const auto sample = ui->sample_route(kind);
          if (!sample) continue;
          route = *sample;
        }
        check(*ui, route, c.at_utc, size, variant + " " + screen_name(kind));
      }
    }
  }
}

TEST_P(ScreenLayout, NoRoomDoorScreenCutsText) {
  const Case c = GetParam();
  const auto agenda = load(c);
  ASSERT_TRUE(agenda);
  for (const Language language : {Language::kUrdu, Language::kEnglish}) {
    for (const Size size : {Size{1920, 1080}, Size{1280, 720}, Size{1080, 1920}}) {
      for (const agenda::Room& room : agenda->rooms()) {
        auto ui = kiosk(agenda, language, size, room.id);
        check(*ui, Route{}, c.at_utc, size,
              std::string(c.name) + " " + language_tag(language) + " " +
                  std::to_string(int(size.width)) + "x" + std::to_string(int(size.height)) +
                  " room-door " + room.id);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Agendas, ScreenLayout,
    ::testing::Values(
        // 10:20 on the first morning in Islamabad.
        Case{"bundled", std::string(IJLAS_ASSET_DIR) + "/agenda/islamabad-2025.json", 1764134400},
        // FOSDEM's first Saturday at 11:30 in Brussels: 35 rooms, most of them busy.
        Case{"fosdem", "schedules/fosdem-2025-schedule.xml", 1738405800},
        // 31c3's first afternoon in Hamburg: four halls, German and English talks.
        Case{"31c3", "schedules/31c3-schedule.xml", 1419688800}),
    [](const auto& info) {
      return std::string(info.param.name == std::string("31c3") ? "ccc31" : info.param.name);
    });

}  // namespace
}  // namespace ijlas::ui
