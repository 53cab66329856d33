#include "app/board_duties.hpp"

#include <cstdlib>
#include <iostream>

#include "platform/drm_card.hpp"
#include "platform/touch_check.hpp"

namespace ijlas::app {

BoardDuties::BoardDuties(const Configuration& settings, const CommandLine& line)
    : screen_(settings.screen_off), check_clock_(line.clock.empty()) {
  std::error_code error;
  if (check_clock_ && !settings.state_dir.empty() &&
      std::filesystem::is_directory(settings.state_dir, error)) {
    last_known_.emplace(settings.state_dir);
  }
}

std::string BoardDuties::prepare_display() {
  // SDL's KMSDRM takes a card by its number, which changes between boots: find today's number
  // of the card with a screen, by its stable path.
  const char* driver = std::getenv("SDL_VIDEODRIVER");
  if (driver && std::string(driver) == "kmsdrm") {
    const platform::DrmCardChoice choice = platform::find_display_card();
    std::cerr << "ijlas: " << choice.message << "\n";
    if (choice.card) {
      SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, std::to_string(choice.card->index).c_str());
      const std::string problem = platform::card_access_problem(*choice.card);
      if (!problem.empty()) std::cerr << "ijlas: " << problem << "\n";
    }
  }
  const platform::TouchCheck touch = platform::check_touch_devices();
  if (!touch.ok()) std::cerr << "ijlas: " << touch.message << "\n";
  return touch.status == platform::TouchCheck::Status::kNotPermitted ? touch.message
                                                                     : std::string{};
}

void BoardDuties::attach(SDL_Window* window) {
  power_ = std::make_unique<platform::DisplayPower>(platform::DisplayPower::for_window(window));
}

void BoardDuties::switch_screen(bool on) {
  screen_on_ = on;
  std::string error;
  black_frame_ = !power_ || !power_->set_on(on, error);
  if (!error.empty()) std::cerr << "ijlas: screen " << (on ? "on" : "off") << ": " << error << "\n";
}

void BoardDuties::update(live::Timestamp now, const live::VenueTime& venue, ui::KioskUi& ui,
                         bool rehearsal) {
  const time::Instant venue_now = venue.wall_time(now);
  if (const bool on = screen_.screen_on(venue_now); on != screen_on_) switch_screen(on);

  // The clock: judged once a minute (reading /run and /sys costs little, but not every frame).
  const std::int64_t minute = now.utc_seconds() / 60;
  rehearsal_ = rehearsal || !check_clock_;
  if (rehearsal) {
    ui.set_clock_trusted(true);
    clock_checked_minute_ = -1;  // judged again as soon as the real clock is back
  } else if (check_clock_ && minute != clock_checked_minute_) {
    clock_checked_minute_ = minute;
    const live::ClockFacts facts = live::read_clock_facts(
        now, last_known_ ? last_known_->value() : std::optional<live::Timestamp>{});
    const live::ClockVerdict verdict = live::judge_clock(facts);
    if (verdict != verdict_) std::cerr << "ijlas: " << live::describe(verdict) << "\n";
    verdict_ = verdict;
    ui.set_clock_trusted(live::trusted(verdict));
    std::string error;
    if (last_known_ && !last_known_->update(now, verdict, error) && !error.empty()) {
      std::cerr << "ijlas: cannot keep the last known time: " << error << "\n";
    }
  }
}

std::string BoardDuties::clock_trust() const {
  if (rehearsal_) return "rehearsal";
  return verdict_ ? (live::trusted(*verdict_) ? "trusted" : "not-trusted") : "unknown";
}

std::string BoardDuties::clock_summary() const {
  if (rehearsal_) return "a rehearsal clock (the screens run on their own time)";
  return verdict_ ? live::describe(*verdict_) : "not judged yet";
}

bool BoardDuties::wake(live::Timestamp now, const live::VenueTime& venue) {
  const time::Instant venue_now = venue.wall_time(now);
  const bool was_dark = !screen_.screen_on(venue_now);
  screen_.touched(venue_now);
  if (was_dark) switch_screen(true);
  return was_dark;
}

std::int64_t BoardDuties::wait_ms(live::Timestamp now, const live::VenueTime& venue) const {
  std::int64_t wait = 60'000 - now.utc_ms % 60'000;  // the clock check, once a minute
  if (const auto change = screen_.next_change(venue.wall_time(now))) {
    wait = std::min(wait, std::max<std::int64_t>(0, change->utc_seconds * 1000 - now.utc_ms));
  }
  return wait;
}

}  // namespace ijlas::app
