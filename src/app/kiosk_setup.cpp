#include "app/kiosk_setup.hpp"

#include <cstdlib>
#include <filesystem>

#include "ui/venue_format.hpp"

#ifndef IJLAS_ASSET_DIR
#define IJLAS_ASSET_DIR "assets"
#endif

namespace ijlas::app {

std::string bundled_agenda_path() {
  if (const char* dir = std::getenv("IJLAS_ASSET_DIR"); dir && *dir) {
    return std::string(dir) + "/agenda/islamabad-2025.json";
  }
  return std::string(IJLAS_ASSET_DIR) + "/agenda/islamabad-2025.json";
}

std::unique_ptr<KioskSetup> set_up_kiosk(const CommandLine& line, std::string& error) {
  auto setup = std::make_unique<KioskSetup>();
  setup->agenda_path = line.agenda.empty() ? bundled_agenda_path() : line.agenda;
  setup->load = agenda::load_agenda_file(setup->agenda_path);
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
    error = "--room \"" + line.room + "\": the agenda has no such room; its rooms are:";
    for (const agenda::Room& room : agenda.rooms())
      error += " " + room.id;
    return nullptr;
  }

  setup->typesetter = std::make_unique<text::Typesetter>();
  ui::KioskOptions options;
  options.room_id = line.room;
  options.language = line.language == "en" ? ui::Language::kEnglish : ui::Language::kUrdu;
  options.asset_dir = std::filesystem::path(setup->agenda_path).parent_path().string();
  setup->ui =
      std::make_unique<ui::KioskUi>(*setup->typesetter, ui::venue_format(setup->venue), options);
  setup->ui->set_agenda(setup->load.agenda);
  return setup;
}

}  // namespace ijlas::app
