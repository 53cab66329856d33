// The kiosk on a screen: the main loop that sleeps until the next thing that will change (an
// input, a minute, a session starting, a frame of motion), so that an idle kiosk costs nothing.
#pragma once

#include "app/agenda_delivery.hpp"
#include "app/board_duties.hpp"
#include "app/command_line.hpp"
#include "app/kiosk_setup.hpp"
#include "app/service_notifier.hpp"

namespace ijlas::app {

// `delivery` brings new agendas, overrides and announcements; `notifier` tells systemd when the
// first frame is on the screen and that the loop is still turning; `board` switches the screen
// by the schedule and watches the clock.
int run_kiosk(KioskSetup& setup, const CommandLine& line, AgendaDelivery& delivery,
              ServiceNotifier& notifier, BoardDuties& board);

}  // namespace ijlas::app
