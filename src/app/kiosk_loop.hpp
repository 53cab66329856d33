// The kiosk on a screen: the main loop that sleeps until the next thing that will change (an
// input, a minute, a session starting, a frame of motion), so that an idle kiosk costs nothing.
#pragma once

#include "app/command_line.hpp"
#include "app/kiosk_setup.hpp"

namespace ijlas::app {

int run_kiosk(KioskSetup& setup, const CommandLine& line);

}  // namespace ijlas::app
