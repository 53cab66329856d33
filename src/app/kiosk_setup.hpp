// Everything the kiosk runs on, put together from the command line and the settings: the agenda
// (the last good one from the state folder when the kiosk runs live, else the bundled one or the
// one named), the venue's clock and zone, the text engine and the UI.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "agenda/load_result.hpp"
#include "app/command_line.hpp"
#include "app/configuration.hpp"
#include "live/clock.hpp"
#include "live/venue_time.hpp"
#include "platform/photo_decoder.hpp"
#include "text/typesetter.hpp"
#include "ui/kiosk_ui.hpp"

namespace ijlas::app {

// The agenda shipped with ijlas (assets/agenda/), found beside the build or the installation.
std::string bundled_agenda_path();

struct KioskSetup {
  std::string agenda_path;  // where the shown agenda came from (a file, the URL, the state)
  agenda::LoadResult load;  // the last agenda load, as the service panel reports it
  std::shared_ptr<const live::VenueTime> venue;
  std::unique_ptr<live::Clock> clock;
  bool clock_given = false;      // --clock: the rehearsal the user asked for, kept for every agenda
  bool rehearsal_clock = false;  // the sample agenda outside its dates runs from its first session
  std::unique_ptr<text::Typesetter> typesetter;
  ui::KioskOptions ui_options;
  std::unique_ptr<ui::KioskUi> ui;
  std::string requested_room;                // --room: the door screen's room, when it is there
  std::vector<std::string> startup_notices;  // for organizers: what was set aside at start
  platform::PhotoLoading photos;  // how speaker photos are decoded: where from, with what limits

  // The door screen's room when the agenda shown lacks it (the whole venue is shown), else "".
  std::string missing_room() const {
    return ui_options.room_id == requested_room ? std::string() : requested_room;
  }

  // Swaps the shown agenda whole. An agenda of another time zone gets a new venue clock face
  // and a new UI (in the language shown now), since the zone is part of how every time reads;
  // so does a door screen whose room comes or goes (without it, the whole venue is shown).
  // Then it returns true, and announcements and notices must be given to the new UI again.
  bool show_agenda(std::shared_ptr<const agenda::Agenda> agenda);
  // The real clock, or a rehearsal in real time for a sample agenda outside its dates
  // (live::sample_rehearsal_start); --clock keeps its own. Logs a change of clock.
  void choose_clock(const agenda::Agenda& agenda);
};

// nullptr with a message (naming the file, line and column for a bad agenda) on failure.
// `settings` gives the timeouts and, for a live kiosk (windowed, full screen or --headless),
// the state folder whose last good agenda wins over --agenda and the bundled one: it is read
// by a limited child process, after whatever a kiosk that died left recorded has been set aside.
// A live door screen whose room is not in the agenda shows the whole venue instead of failing.
std::unique_ptr<KioskSetup> set_up_kiosk(const CommandLine& line, const Configuration& settings,
                                         std::string& error);
// The same with the built-in settings and no state folder (shots, replays, tests).
std::unique_ptr<KioskSetup> set_up_kiosk(const CommandLine& line, std::string& error);

// Whether `line` runs the kiosk live (with sources and the state folder) rather than shots.
bool runs_live(const CommandLine& line);

}  // namespace ijlas::app
