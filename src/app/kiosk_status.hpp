// What the kiosk shows and knows, in lines for a person: the version, the agenda shown and its
// age, the last load's results and the clock's trust. The service panel shows them; the status
// file (`--status FILE`, /run/ijlas/kiosk/status.txt on the board) holds them for the USB stick's
// report, which is written by a script that cannot ask the running kiosk.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/agenda_delivery.hpp"
#include "app/kiosk_setup.hpp"

namespace ijlas::app {

// "0.9.0": the program's version, as `ijlas --version` prints it.
const char* program_version();

// `renderer`: the SDL renderer's name ("opengles2", "software") or "headless"; `clock`: the
// clock's verdict in a line, or "" when nothing judged it.
std::vector<std::string> kiosk_status_lines(const KioskSetup& setup, const AgendaDelivery& delivery,
                                            const std::string& renderer, const std::string& clock);

// The status file, rewritten whole (never seen half written) whenever its lines change.
class StatusFile {
 public:
  explicit StatusFile(std::filesystem::path path) : path_(std::move(path)) {}
  // True when the file now holds `lines`; a failure is logged once.
  bool update(const std::vector<std::string>& lines);

 private:
  std::filesystem::path path_;
  std::string written_;
  bool failure_logged_ = false;
};

}  // namespace ijlas::app
