// Everything the kiosk runs on, put together from the command line: the agenda (the bundled one
// unless another is named), the venue's clock and zone, the text engine and the UI.
#pragma once

#include <memory>
#include <string>

#include "agenda/agenda_loader.hpp"
#include "app/command_line.hpp"
#include "live/clock.hpp"
#include "live/venue_time.hpp"
#include "text/typesetter.hpp"
#include "ui/kiosk_ui.hpp"

namespace ijlas::app {

// The agenda shipped with ijlas (assets/agenda/), found beside the build or the installation.
std::string bundled_agenda_path();

struct KioskSetup {
  std::string agenda_path;
  agenda::LoadResult load;
  std::shared_ptr<const live::VenueTime> venue;
  std::unique_ptr<live::Clock> clock;
  std::unique_ptr<text::Typesetter> typesetter;
  std::unique_ptr<ui::KioskUi> ui;
};

// nullptr with a message (naming the file, line and column for a bad agenda) on failure.
std::unique_ptr<KioskSetup> set_up_kiosk(const CommandLine& line, std::string& error);

}  // namespace ijlas::app
