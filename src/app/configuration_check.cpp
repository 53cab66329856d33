#include "app/configuration_check.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "app/configuration.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::app {

int check_configuration(const std::filesystem::path& path, std::ostream& values,
                        std::ostream& errors) {
  const ConfigurationParse parsed = load_configuration(path);
  // In the file's order: the first line is the one the screen shows.
  std::vector<Diagnostic> found = parsed.diagnostics.items();
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.position.line, a.position.column) <
           std::pair(b.position.line, b.position.column);
  });
  for (const Diagnostic& diagnostic : found)
    errors << format_diagnostic(diagnostic) << "\n";
  if (!parsed.configuration) return 1;
  const Configuration& c = *parsed.configuration;
  values << "wifi_ssid=" << c.wifi_ssid << "\n"
         << "wifi_passphrase=" << c.wifi_passphrase << "\n"
         << "wifi_country=" << c.wifi_country << "\n";
  return 0;
}

}  // namespace ijlas::app
