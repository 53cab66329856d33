// The whole live kiosk with no display (`ijlas --headless --live-shots OUT`): the same sources,
// live state and screens as on the board, drawn into pictures. Whenever the picture changes, at
// most once a second (at once when a source delivered something new), it replaces
// OUT/current.png and OUT/current.json (the text drawn, as with --shot) whole, so that a reader
// never sees half a file. In the screen-off hours the venue broker assigned, the shot is black.
// Stops cleanly on SIGTERM and SIGINT.
#pragma once

#include "app/agenda_delivery.hpp"
#include "app/command_line.hpp"
#include "app/kiosk_setup.hpp"
#include "app/service_notifier.hpp"

namespace ijlas::app {

inline constexpr std::int64_t kLiveShotIntervalMs = 1000;

int run_headless(KioskSetup& setup, const CommandLine& line, AgendaDelivery& delivery,
                 ServiceNotifier& notifier);

}  // namespace ijlas::app
