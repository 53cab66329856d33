// `ijlas --check-config FILE`: whether FILE can be the kiosk's settings, for the scripts that put
// a person's file in place (ijlas-board-setup at boot, the USB stick's import), which have no
// TOML reader of their own and must never apply a file the kiosk would refuse.
#pragma once

#include <filesystem>
#include <ostream>

namespace ijlas::app {

// Every mistake goes to `errors` as FILE:LINE:COLUMN: error: MESSAGE, one a line. A usable FILE
// gives the values the board applies on `values`, one `key=value` a line, each key always
// present: wifi_ssid, wifi_passphrase, wifi_country (checked to hold no line breaks).
// Returns the exit status: 0 when FILE can be used as it is, 1 when not.
int check_configuration(const std::filesystem::path& path, std::ostream& values,
                        std::ostream& errors);

}  // namespace ijlas::app
