// The bundled sample agenda outside its dates: the kiosk rehearses it from its first session in
// real time and says so, instead of opening on a finished conference; a real agenda ends that.
#include <gtest/gtest.h>

#include <algorithm>

#include "agenda/agenda_loader.hpp"
#include "app/kiosk_setup.hpp"
#include "app_test_support.hpp"
#include "temporary_folder.hpp"

namespace ijlas::app {
namespace {

CommandLine bundled_without_clock(const std::filesystem::path& shots, const std::string& language) {
  CommandLine line = testing::shot_command(shots, language, 1920, 1080);
  line.clock.clear();
  return line;
}

bool frame_shows(KioskSetup& setup, std::string_view wanted) {
  setup.ui->resize(1920, 1080);
  setup.ui->update(setup.clock->now(), 1000);
  const ui::DrawList& list = setup.ui->frame();
  return std::any_of(list.commands().begin(), list.commands().end(), [&](const auto& command) {
    const auto* text = std::get_if<ui::DrawText>(&command);
    return text && text->layout->text.find(wanted) != std::string::npos;
  });
}

std::int64_t first_session_ms(const agenda::Agenda& agenda) {
  return agenda.sessions().front().start.utc_seconds * 1000;
}

TEST(SampleRehearsal, TheBundledAgendaAfterItsDatesRunsFromItsFirstSessionAndSaysSo) {
  const TemporaryFolder shots("rehearsal");
  std::string error;
  auto setup = set_up_kiosk(bundled_without_clock(shots, "en"), error);
  ASSERT_TRUE(setup) << error;
  ASSERT_TRUE(live::SystemClock().now() > live::Timestamp{first_session_ms(*setup->load.agenda)})
      << "this test assumes today is after the bundled conference";
  EXPECT_TRUE(setup->rehearsal_clock);
  const std::int64_t now = setup->clock->now().utc_ms;
  EXPECT_GE(now, first_session_ms(*setup->load.agenda));
  EXPECT_LT(now, first_session_ms(*setup->load.agenda) + 60'000) << "it runs at real time";
  EXPECT_TRUE(frame_shows(*setup, "Rehearsal time · "));
}

TEST(SampleRehearsal, TheUrduScreenSaysItInUrdu) {
  const TemporaryFolder shots("rehearsal");
  std::string error;
  auto setup = set_up_kiosk(bundled_without_clock(shots, "ur"), error);
  ASSERT_TRUE(setup) << error;
  EXPECT_TRUE(frame_shows(*setup, "ریہرسل کا وقت · "));
}

TEST(SampleRehearsal, AGivenClockIsKeptAndNotLabelled) {
  const TemporaryFolder shots("rehearsal");
  std::string error;
  CommandLine line = bundled_without_clock(shots, "en");
  line.clock = testing::kFirstMorning;
  auto setup = set_up_kiosk(line, error);
  ASSERT_TRUE(setup) << error;
  EXPECT_FALSE(setup->rehearsal_clock);
  EXPECT_FALSE(frame_shows(*setup, "Rehearsal time"));
}

TEST(SampleRehearsal, ARealAgendaArrivingTurnsTheRealClockOn) {
  const TemporaryFolder shots("rehearsal");
  std::string error;
  auto setup = set_up_kiosk(bundled_without_clock(shots, "en"), error);
  ASSERT_TRUE(setup) << error;
  agenda::AgendaData real = setup->load.agenda->data();
  real.conference.is_sample = false;
  setup->show_agenda(std::make_shared<const agenda::Agenda>(std::move(real)));
  EXPECT_FALSE(setup->rehearsal_clock);
  const std::int64_t real_now = live::SystemClock().now().utc_ms;
  EXPECT_NEAR(static_cast<double>(setup->clock->now().utc_ms), static_cast<double>(real_now),
              60'000);
  EXPECT_FALSE(frame_shows(*setup, "Rehearsal time"));
}

}  // namespace
}  // namespace ijlas::app
