#include "app/kiosk_status.hpp"

#include <chrono>
#include <iostream>

#include "core/diagnostic.hpp"
#include "core/write_file.hpp"

#ifndef IJLAS_VERSION
#define IJLAS_VERSION "dev"
#endif

namespace ijlas::app {

const char* program_version() {
  return IJLAS_VERSION;
}

std::vector<std::string> kiosk_status_lines(const KioskSetup& setup, const AgendaDelivery& delivery,
                                            const std::string& renderer, const std::string& clock) {
  std::vector<std::string> lines;
  lines.push_back(std::string("ijlas ") + program_version() + " - renderer " + renderer);
  lines.push_back("agenda: " + setup.agenda_path);
  // Which file is shown and why (the newest of several in the drop folder), what is being read.
  lines.push_back("status: " + delivery.status());
  // The organizer's notice in full: the attendee screen shows only a small mark for it.
  if (!setup.ui->notice().empty()) lines.push_back("notice: " + setup.ui->notice());
  std::error_code error;
  const auto written = std::filesystem::last_write_time(setup.agenda_path, error);
  if (!error) {
    const auto age = std::chrono::duration_cast<std::chrono::minutes>(
        std::filesystem::file_time_type::clock::now() - written);
    lines.push_back("agenda age: " + std::to_string(age.count()) + " min");
  }
  const auto& diagnostics = setup.load.diagnostics;
  lines.push_back("last load: " + std::string(setup.load.ok() ? "ok" : "failed") + ", " +
                  std::to_string(diagnostics.error_count()) + " errors, " +
                  std::to_string(diagnostics.warning_count()) + " warnings");
  int shown = 0;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    if (shown++ == 5) break;
    lines.push_back("  " + format_diagnostic(diagnostic));
  }
  if (!clock.empty()) lines.push_back("clock: " + clock);
  return lines;
}

bool StatusFile::update(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines)
    text += line + "\n";
  if (text == written_) return true;
  if (const std::string error = write_whole_file(path_, text); !error.empty()) {
    if (!failure_logged_) std::cerr << "ijlas: the status file: " << error << "\n";
    failure_logged_ = true;
    return false;
  }
  written_ = std::move(text);
  failure_logged_ = false;
  return true;
}

}  // namespace ijlas::app
