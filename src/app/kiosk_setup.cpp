#include "app/kiosk_setup.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "agenda/agenda_finishing.hpp"
#include "agenda/native_agenda.hpp"
#include "app/agenda_delivery.hpp"
#include "core/bundled_files.hpp"
#include "core/diagnostic.hpp"
#include "live/input_quarantine.hpp"
#include "live/last_good_store.hpp"
#include "live/sandboxed_parse.hpp"
#include "live/untrusted_file.hpp"
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
      replaced = true;
    }
  }
  const std::string room =
      requested_room.empty() || agenda->find_room(requested_room) ? requested_room : "";
  if (room != ui_options.room_id) {
    ui_options.room_id = room;
    replaced = true;
  }
  if (replaced) {
    // The visitor's language stays on screen; idle still returns to the configured one.
    const ui::Language shown = ui->navigation().language();
    ui = std::make_unique<ui::KioskUi>(*typesetter, ui::venue_format(venue), ui_options);
    ui->navigation().set_language(shown);
  }
  choose_clock(*agenda);
  ui->set_agenda(std::move(agenda));
  return replaced;
}

void KioskSetup::choose_clock(const agenda::Agenda& agenda) {
  if (!clock_given) {
    const std::optional<live::Timestamp> start =
        live::sample_rehearsal_start(agenda, live::SystemClock().now());
    if (start && !rehearsal_clock) {
      clock = std::make_unique<live::RehearsalClock>(*start, 1.0);
      rehearsal_clock = true;
      std::cerr << "ijlas: the sample agenda is outside its dates: a rehearsal clock runs from "
                   "its first session (real agendas and --clock use their own time)\n";
    } else if (!start && (rehearsal_clock || !clock)) {
      clock = std::make_unique<live::SystemClock>();
      rehearsal_clock = false;
    }
  }
  if (ui) ui->set_rehearsal_clock(rehearsal_clock);
}

namespace {

// The stored last good agenda, read by a limited child process; what a kiosk that died while
// reading or first showing something left recorded is set aside first.
agenda::LoadResult read_last_good_agenda(const Configuration& settings, KioskSetup& setup) {
  live::InputQuarantine quarantine(settings.state_dir, quarantine_folder(settings));
  if (const auto aside = quarantine.recover()) {
    std::cerr << "ijlas: set aside " << aside->input.string() << " in "
              << (aside->moved_to.empty() ? std::string("(nowhere: it is gone)")
                                          : aside->moved_to.string())
              << ": " << aside->why << "\n";
    setup.startup_notices.push_back(
        "Set aside: " + aside->input.filename().string() +
        " (the kiosk stopped while reading it); see the quarantine folder");
  }
  live::LastGoodStore store(settings.state_dir);
  store.remove_leftovers();
  agenda::LoadResult none;
  none.status = agenda::LoadStatus::kUnreadable;
  std::error_code failed;
  if (!std::filesystem::exists(std::filesystem::symlink_status(store.current_path(), failed)))
    return none;
  const live::UntrustedFile file =
      live::read_untrusted_file(store.current_path(), agenda::kMaxAgendaFileBytes);
  if (!file.error.empty()) {
    none.diagnostics.error({store.current_path().string(), 0, 0}, file.error);
    return none;
  }
  quarantine.begin(store.current_path());  // cleared by AgendaDelivery once it is drawn
  live::SandboxedParse reader(live::reader_program(),
                              {store.current_path().string(), file.bytes, "UTC",
                               live::SystemClock().now(), load_options_of(settings).venue_zone},
                              reader_limits(settings));
  live::ReadOutcome outcome = reader.take();
  if (outcome.reader_failed) {
    const live::SetAside aside =
        quarantine.set_aside(store.current_path(), outcome.diagnostics.items().front().message);
    quarantine.end();
    setup.startup_notices.push_back("Set aside: the stored agenda (" + aside.why + ")");
  }
  return std::move(outcome.agenda);
}

// The agenda the kiosk was started with. The bundled one is ours and in native JSON: read here,
// so that the first frame waits for no child. Any other is read by the reader program, like
// every file from outside.
agenda::LoadResult read_given_agenda(const std::string& path, const Configuration& settings) {
  const agenda::LoadOptions options = load_options_of(settings);
  if (path == bundled_agenda_path()) return agenda::load_native_agenda_file(path, options);
  return agenda::load_file_with(
      path, options,
      [&settings](const std::string& name, std::string_view bytes,
                  const agenda::LoadOptions& given) {
        live::SandboxedParse reader(
            live::reader_program(),
            {name, std::string(bytes), "UTC", live::SystemClock().now(), given.venue_zone},
            reader_limits(settings));
        return std::move(reader.take().agenda);
      });
}

// Speaker photos: decoded by the reader program in its decoding mode, read only from the agenda's
// folder and the bundled assets. A live kiosk records the photo it decodes; one that a kiosk
// which died left recorded is set aside and not decoded in this run.
platform::PhotoLoading photo_loading(const CommandLine& line, const Configuration& settings,
                                     const std::string& agenda_folder, KioskSetup& setup) {
  platform::PhotoLoading photos;
  photos.executable = live::reader_program();
  photos.folders = {agenda_folder, bundled_dir("IJLAS_ASSET_DIR", "assets", IJLAS_ASSET_DIR)};
  if (!runs_live(line) || settings.state_dir.empty()) return photos;
  live::InputQuarantine record(settings.state_dir, quarantine_folder(settings), "handling-photo");
  if (const auto aside = record.recover()) {
    std::cerr << "ijlas: set aside the photo " << aside->input.string() << " in "
              << (aside->moved_to.empty() ? std::string("(nowhere: it could not be moved)")
                                          : aside->moved_to.string())
              << ": " << aside->why << "\n";
    setup.startup_notices.push_back("Set aside: the photo " + aside->input.filename().string() +
                                    " (the kiosk stopped while decoding it)");
    photos.refused.push_back(aside->input.string());
  }
  photos.record = record;
  return photos;
}

}  // namespace

std::unique_ptr<KioskSetup> set_up_kiosk(const CommandLine& line, std::string& error) {
  Configuration settings;
  settings.state_dir.clear();
  settings.inbox.clear();
  return set_up_kiosk(line, settings, error);
}

namespace {

// Run as root with the board's folders (a developer's machine, CI), the kiosk keeps its drop
// folder and last good agenda in the system's /var/lib/ijlas: say so, and how to choose others.
void log_system_folders(const Configuration& settings) {
  const Configuration defaults;
  if (::geteuid() != 0) return;
  if (settings.inbox != defaults.inbox && settings.state_dir != defaults.state_dir) return;
  std::cerr << "ijlas: running as root: the drop folder is " << settings.inbox
            << " and the last good agenda is kept in " << settings.state_dir
            << "; choose others with --inbox DIR and --state DIR\n";
}

}  // namespace

std::unique_ptr<KioskSetup> set_up_kiosk(const CommandLine& line, const Configuration& settings,
                                         std::string& error) {
  auto setup = std::make_unique<KioskSetup>();
  if (runs_live(line)) log_system_folders(settings);
  const std::string given_path = line.agenda.empty() ? bundled_agenda_path() : line.agenda;
  setup->agenda_path = given_path;
  // A live kiosk shows the last agenda it accepted, whatever it was started with.
  if (runs_live(line) && !settings.state_dir.empty()) {
    agenda::LoadResult stored = read_last_good_agenda(settings, *setup);
    if (stored.ok()) {
      setup->load = std::move(stored);
      setup->agenda_path = live::LastGoodStore(settings.state_dir).current_path().string();
      if (!line.agenda.empty()) {
        std::cerr << "ijlas: showing the last good agenda " << setup->agenda_path
                  << ", not --agenda " << line.agenda
                  << ": drop the file into the inbox to replace it, or start with "
                     "--state DIR (an empty folder) to show it now\n";
      }
    } else if (!stored.diagnostics.items().empty()) {
      std::cerr << "ijlas: the last good agenda cannot be used; showing " << given_path << "\n";
      for (const Diagnostic& diagnostic : stored.diagnostics.items())
        std::cerr << "  " << format_diagnostic(diagnostic) << "\n";
    }
  }
  if (!setup->load.ok()) setup->load = read_given_agenda(setup->agenda_path, settings);
  // A live kiosk (with its state folder) whose --agenda cannot be shown shows the bundled one
  // rather than stopping.
  if (!setup->load.ok() && runs_live(line) && !settings.state_dir.empty() &&
      setup->agenda_path != bundled_agenda_path()) {
    for (const Diagnostic& diagnostic : setup->load.diagnostics.items())
      std::cerr << "ijlas: " << format_diagnostic(diagnostic) << "\n";
    if (const Diagnostic* first = setup->load.diagnostics.items().empty()
                                      ? nullptr
                                      : &setup->load.diagnostics.items().front())
      setup->startup_notices.push_back("Not used: " + notice_text(*first));
    setup->agenda_path = bundled_agenda_path();
    setup->load = read_given_agenda(setup->agenda_path, settings);
  }
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

  setup->clock_given = !line.clock.empty();
  if (setup->clock_given) {
    const live::ClockStartParse start = live::parse_clock_start(line.clock, *zone);
    if (!start.start) {
      error = "--clock: " + start.error;
      return nullptr;
    }
    setup->clock = std::make_unique<live::RehearsalClock>(*start.start, line.clock_rate);
  }
  setup->choose_clock(agenda);

  // A live door screen never stops for a missing room: it shows the whole venue, with a notice.
  if (!line.room.empty() && !agenda.find_room(line.room) && !runs_live(line)) {
    error = "--room " + quoted(line.room) + ": the agenda has no such room; its rooms are:";
    for (const agenda::Room& room : agenda.rooms())
      error += " " + room.id;
    return nullptr;
  }

  setup->typesetter = std::make_unique<text::Typesetter>();
  ui::KioskOptions& options = setup->ui_options;
  setup->requested_room = line.room;
  options.room_id = agenda.find_room(line.room) ? line.room : "";
  options.language = line.language == "en" ? ui::Language::kEnglish : ui::Language::kUrdu;
  options.timeouts.idle_ms = settings.idle_seconds * 1000LL;
  options.timeouts.attract_ms = settings.attract_seconds * 1000LL;
  // Photos are named relative to the agenda file: the one given, also when the state's is shown.
  options.asset_dir = std::filesystem::path(given_path).parent_path().string();
  setup->photos = photo_loading(line, settings, options.asset_dir, *setup);
  setup->ui =
      std::make_unique<ui::KioskUi>(*setup->typesetter, ui::venue_format(setup->venue), options);
  setup->ui->set_agenda(setup->load.agenda);
  setup->ui->set_rehearsal_clock(setup->rehearsal_clock);
  return setup;
}

}  // namespace ijlas::app
