#include "app/kiosk_setup.hpp"

#include <filesystem>
#include <iostream>

#include "core/bundled_files.hpp"
#include "core/diagnostic.hpp"
#include "live/last_good_store.hpp"
#include "ui/venue_format.hpp"

#ifndef IJLAS_ASSET_DIR
#define IJLAS_ASSET_DIR "assets"
#endif

namespace ijlas::app {

std::string bundled_agenda_path() {
  return (bundled_dir("IJLAS_ASSET_DIR", "assets", IJLAS_ASSET_DIR) / "agenda/islamabad-2025.json")
      .string();
}

bool runs_live(const CommandLine& line) {
  return line.headless || (line.shot_dir.empty() && line.replay.empty());
}

bool KioskSetup::show_agenda(std::shared_ptr<const agenda::Agenda> agenda) {
  bool replaced = false;
  const std::string& zone_name = agenda->conference().time_zone;
  if (!zone_name.empty() && zone_name != venue->zone().name()) {
    if (auto zone = agenda::TimeZone::find(zone_name)) {
      venue = std::make_shared<live::VenueTime>(*zone);
      ui_options.language = ui->navigation().language();
      ui = std::make_unique<ui::KioskUi>(*typesetter, ui::venue_format(venue), ui_options);
      replaced = true;
    }
  }
  ui->set_agenda(std::move(agenda));
  return replaced;
}

std::unique_ptr<KioskSetup> set_up_kiosk(const CommandLine& line, std::string& error) {
  Configuration settings;
  settings.state_dir.clear();
  settings.inbox.clear();
  return set_up_kiosk(line, settings, error);
}

std::unique_ptr<KioskSetup> set_up_kiosk(const CommandLine& line, const Configuration& settings,
                                         std::string& error) {
  auto setup = std::make_unique<KioskSetup>();
  const std::string given_path = line.agenda.empty() ? bundled_agenda_path() : line.agenda;
  setup->agenda_path = given_path;
  // A live kiosk shows the last agenda it accepted, whatever it was started with.
  if (runs_live(line) && !settings.state_dir.empty()) {
    live::LastGoodStore store(settings.state_dir);
    if (std::filesystem::exists(store.current_path())) {
      agenda::LoadResult stored = store.load();
      if (stored.ok()) {
        setup->load = std::move(stored);
        setup->agenda_path = store.current_path().string();
      } else {
        std::cerr << "ijlas: the last good agenda " << store.current_path().string()
                  << " cannot be used; showing " << given_path << "\n";
        for (const Diagnostic& diagnostic : stored.diagnostics.items())
          std::cerr << "  " << format_diagnostic(diagnostic) << "\n";
      }
    }
  }
  if (!setup->load.ok()) setup->load = agenda::load_agenda_file(setup->agenda_path);
  if (!setup->load.ok()) {
    error = "cannot show " + setup->agenda_path + ":";
    for (const Diagnostic& diagnostic : setup->load.diagnostics.items()) {
      if (diagnostic.severity == Severity::kError) error += "\n" + format_diagnostic(diagnostic);
    }
    return nullptr;
  }
  const agenda::Agenda& agenda = *setup->load.agenda;
  // The venue's zone; an agenda without one is shown in UTC (its own offsets still hold).
  auto zone = agenda::TimeZone::find(agenda.conference().time_zone);
  if (!zone) zone = agenda::TimeZone::find("UTC");
  if (!zone) {
    error = "ICU has no time zone data (package libicu72 is incomplete)";
    return nullptr;
  }
  setup->venue = std::make_shared<live::VenueTime>(*zone);

  if (line.clock.empty()) {
    setup->clock = std::make_unique<live::SystemClock>();
  } else {
    const live::ClockStartParse start = live::parse_clock_start(line.clock, *zone);
    if (!start.start) {
      error = "--clock: " + start.error;
      return nullptr;
    }
    setup->clock = std::make_unique<live::RehearsalClock>(*start.start, line.clock_rate);
  }

  if (!line.room.empty() && !agenda.find_room(line.room)) {
    error = "--room " + quoted(line.room) + ": the agenda has no such room; its rooms are:";
    for (const agenda::Room& room : agenda.rooms())
      error += " " + room.id;
    return nullptr;
  }

  setup->typesetter = std::make_unique<text::Typesetter>();
  ui::KioskOptions& options = setup->ui_options;
  options.room_id = line.room;
  options.language = line.language == "en" ? ui::Language::kEnglish : ui::Language::kUrdu;
  options.timeouts.idle_ms = settings.idle_seconds * 1000LL;
  options.timeouts.attract_ms = settings.attract_seconds * 1000LL;
  // Photos are named relative to the agenda file: the one given, also when the state's is shown.
  options.asset_dir = std::filesystem::path(given_path).parent_path().string();
  setup->ui =
      std::make_unique<ui::KioskUi>(*setup->typesetter, ui::venue_format(setup->venue), options);
  setup->ui->set_agenda(setup->load.agenda);
  return setup;
}

}  // namespace ijlas::app
