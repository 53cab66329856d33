// The kiosk without a display: every screen to DIR/<screen>.png with DIR/<screen>.json beside it
// (`ijlas --shot DIR`), or a scripted visit with a shot after each step (`--replay FILE`).
#pragma once

#include <string>

#include "app/command_line.hpp"
#include "app/kiosk_setup.hpp"
#include "platform/screen_rotation.hpp"

namespace ijlas::app {

// Both return the process exit status and print what they wrote or why they failed.
int write_screen_shots(KioskSetup& setup, const CommandLine& line);
int run_replay(KioskSetup& setup, const CommandLine& line);

// The --size picture turned by `degrees`: --rotate, or for a live kiosk what the venue broker
// assigned. Shots and live shots alike.
platform::ScreenRotation picture_output(const CommandLine& line, int degrees);

}  // namespace ijlas::app
