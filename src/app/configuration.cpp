#include "app/configuration.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <vector>

#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "core/time.hpp"
#include "live/clock.hpp"
#include "live/untrusted_file.hpp"
#include "venue/venue_address.hpp"

namespace ijlas::app {
namespace {

// One key of the file: where it lives, and how its value is read into a Configuration.
struct KeyReader {
  std::string_view table;
  std::string_view key;
  // Returns an error message (without the position) when the value cannot be used.
  std::function<std::string(const toml::node&, Configuration&)> read;
};

std::string read_string(const toml::node& node, std::string& out) {
  if (!node.is_string()) return "must be a string in quotes";
  out = node.as_string()->get();
  return {};
}

std::string read_seconds(const toml::node& node, int& out, int least, int most) {
  const auto value = node.value_exact<std::int64_t>();
  if (!value || *value < least || *value > most) {
    return "must be a whole number of seconds from " + std::to_string(least) + " to " +
           std::to_string(most);
  }
  out = static_cast<int>(*value);
  return {};
}

std::string read_folder(const toml::node& node, std::string& out) {
  if (std::string error = read_string(node, out); !error.empty()) return error;
  if (out.empty() || out.front() != '/') return "must be an absolute folder path";
  return {};
}

std::string read_file_path(const toml::node& node, std::string& out) {
  if (std::string error = read_string(node, out); !error.empty()) return error;
  if (!out.empty() && out.front() != '/') return "must be an absolute file path, or \"\"";
  return {};
}

// No control characters (a newline would split the line ijlas-board-setup reads it from).
bool printable(std::string_view text) {
  return std::none_of(text.begin(), text.end(),
                      [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; });
}

const std::vector<KeyReader>& key_readers() {
  static const std::vector<KeyReader> readers = {
      {"display", "language",
       [](const toml::node& node, Configuration& c) -> std::string {
         if (!read_string(node, c.language).empty() || (c.language != "ur" && c.language != "en"))
           return "must be \"ur\" or \"en\"";
         return {};
       }},
      {"display", "rotation",
       [](const toml::node& node, Configuration& c) -> std::string {
         const auto value = node.value_exact<std::int64_t>();
         if (!value || (*value != 0 && *value != 90 && *value != 180 && *value != 270))
           return "must be 0, 90, 180 or 270";
         c.rotation = static_cast<int>(*value);
         return {};
       }},
      {"display", "room",
       [](const toml::node& node, Configuration& c) { return read_string(node, c.room); }},
      {"display", "screen_off",
       [](const toml::node& node, Configuration& c) -> std::string {
         std::string text;
         if (read_string(node, text).empty()) {
           const live::ScreenScheduleParse parsed = live::ScreenSchedule::parse(text);
           if (parsed.schedule) {
             c.screen_off = *parsed.schedule;
             return {};
           }
         }
         return "must be \"HH:MM-HH:MM\" in venue time (e.g. \"22:00-07:00\") or \"\"";
       }},
      {"display", "time_zone",
       [](const toml::node& node, Configuration& c) -> std::string {
         if (!read_string(node, c.time_zone).empty() ||
             (!c.time_zone.empty() && !agenda::TimeZone::find(c.time_zone)))
           return "must be an IANA time zone such as \"Asia/Karachi\", or \"\" for the "
                  "system's";
         return {};
       }},
      {"display", "clock",
       [](const toml::node& node, Configuration& c) -> std::string {
         const auto utc = agenda::TimeZone::find("UTC");
         if (read_string(node, c.clock).empty() &&
             (c.clock.empty() || (utc && live::parse_clock_start(c.clock, *utc).start)))
           return {};
         return "must be the start of a rehearsal clock such as \"2025-11-26T10:15:00+05:00\", "
                "or \"\" for the real clock";
       }},
      {"display", "clock_rate",
       [](const toml::node& node, Configuration& c) -> std::string {
         const auto value = node.value<double>();
         if (!value || !(*value >= 0 && *value <= 86400))
           return "must be a number from 0 (the clock stands still) to 86400";
         c.clock_rate = *value;
         return {};
       }},
      {"timeouts", "idle_seconds",
       [](const toml::node& node, Configuration& c) {
         return read_seconds(node, c.idle_seconds, 5, 86400);
       }},
      {"timeouts", "attract_seconds",
       [](const toml::node& node, Configuration& c) {
         return read_seconds(node, c.attract_seconds, 5, 86400);
       }},
      {"timeouts", "notice_seconds",
       [](const toml::node& node, Configuration& c) {
         return read_seconds(node, c.notice_seconds, 5, 86400);
       }},
      {"sources", "inbox",
       [](const toml::node& node, Configuration& c) -> std::string {
         if (std::string error = read_string(node, c.inbox); !error.empty()) return error;
         if (!c.inbox.empty() && c.inbox.front() != '/')
           return "must be an absolute folder path, or \"\" for no inbox";
         return {};
       }},
      {"sources", "url",
       [](const toml::node& node, Configuration& c) -> std::string {
         if (std::string error = read_string(node, c.url); !error.empty()) return error;
         if (!c.url.empty() && !c.url.starts_with("http://") && !c.url.starts_with("https://"))
           return "must start with http:// or https://, or be \"\" for no URL";
         return {};
       }},
      {"sources", "poll_seconds",
       [](const toml::node& node, Configuration& c) {
         return read_seconds(node, c.poll_seconds, 1, 86400);
       }},
      {"sources", "timeout_seconds",
       [](const toml::node& node, Configuration& c) {
         return read_seconds(node, c.timeout_seconds, 1, 600);
       }},
      {"sources", "reader_memory_mib",
       [](const toml::node& node, Configuration& c) -> std::string {
         const auto value = node.value_exact<std::int64_t>();
         if (!value || *value < 64 || *value > 4096)
           return "must be a whole number from 64 to 4096";
         c.reader_memory_mib = static_cast<int>(*value);
         return {};
       }},
      {"sources", "reader_seconds",
       [](const toml::node& node, Configuration& c) {
         return read_seconds(node, c.reader_seconds, 1, 25);
       }},
      {"state", "dir",
       [](const toml::node& node, Configuration& c) { return read_folder(node, c.state_dir); }},
      {"venue", "broker",
       [](const toml::node& node, Configuration& c) -> std::string {
         if (std::string error = read_string(node, c.venue_broker); !error.empty()) return error;
         std::string error;
         if (!c.venue_broker.empty() && !venue::parse_broker_url(c.venue_broker, error))
           return error + ", or be \"\" for no venue broker";
         return {};
       }},
      {"venue", "name",
       [](const toml::node& node, Configuration& c) -> std::string {
         if (!read_string(node, c.venue_name).empty() || !venue::is_topic_name(c.venue_name))
           return "must be letters, digits, '-', '_' or '.' (at most 64), e.g. \"islamabad-2025\"";
         return {};
       }},
      {"venue", "screen_id",
       [](const toml::node& node, Configuration& c) -> std::string {
         if (!read_string(node, c.venue_screen_id).empty() ||
             (!c.venue_screen_id.empty() && !venue::is_topic_name(c.venue_screen_id)))
           return "must be letters, digits, '-', '_' or '.' (at most 64), e.g. \"lobby-1\", or "
                  "\"\" for the machine's id";
         return {};
       }},
      {"venue", "credentials",
       [](const toml::node& node, Configuration& c) {
         return read_file_path(node, c.venue_credentials);
       }},
      {"venue", "ca_file",
       [](const toml::node& node, Configuration& c) {
         return read_file_path(node, c.venue_ca_file);
       }},
      {"board", "wifi_ssid",
       [](const toml::node& node, Configuration& c) -> std::string {
         if (!read_string(node, c.wifi_ssid).empty() || c.wifi_ssid.size() > 32 ||
             !printable(c.wifi_ssid))
           return "must be the network's name, at most 32 bytes without control characters, or "
                  "\"\" for no Wi-Fi";
         return {};
       }},
      {"board", "wifi_passphrase",
       [](const toml::node& node, Configuration& c) -> std::string {
         const std::string& p = c.wifi_passphrase;
         if (!read_string(node, c.wifi_passphrase).empty() ||
             !std::all_of(p.begin(), p.end(), [](char ch) { return ch >= ' ' && ch <= '~'; }) ||
             (!p.empty() && (p.size() < 8 || p.size() > 63)))
           return "must be the Wi-Fi password, 8 to 63 letters, digits or signs (no accents), or "
                  "\"\" for an open network";
         return {};
       }},
      {"board", "wifi_country",
       [](const toml::node& node, Configuration& c) -> std::string {
         const std::string& code = c.wifi_country;
         if (!read_string(node, c.wifi_country).empty() ||
             !(code.empty() ||
               (code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
                std::isupper(static_cast<unsigned char>(code[1])))))
           return "must be the country's two capital letters, e.g. \"PK\", or \"\"";
         return {};
       }},
  };
  return readers;
}

std::string known_keys(std::string_view table) {
  std::string list;
  for (const KeyReader& reader : key_readers()) {
    if (reader.table != table) continue;
    if (!list.empty()) list += ", ";
    list += reader.key;
  }
  return list;
}

SourcePosition position_of(const std::string& name, const toml::source_region& source) {
  return {name, static_cast<int>(source.begin.line), static_cast<int>(source.begin.column)};
}

}  // namespace

ConfigurationParse parse_configuration(const std::string& name, std::string_view text) {
  ConfigurationParse result;
  DiagnosticList& diagnostics = result.diagnostics;
  toml::table document;
  try {
    document = toml::parse(text, name);
  } catch (const toml::parse_error& error) {
    diagnostics.error(position_of(name, error.source()), std::string(error.description()));
    return result;
  }
  Configuration configuration;
  for (const auto& [table_key, table_node] : document) {
    const std::string table(table_key.str());
    const std::string keys = known_keys(table);
    if (keys.empty()) {
      diagnostics.error(
          position_of(name, table_key.source()),
          (table_node.is_table() ? "unknown table [" + table + "]"
                                 : "unknown key " + quoted(table) + " outside a table") +
              ": the tables are [display], [timeouts], [sources], [state], [venue] and [board]");
      continue;
    }
    const toml::table* entries = table_node.as_table();
    if (entries == nullptr) {
      diagnostics.error(position_of(name, table_key.source()),
                        quoted(table) + " must be a table: write [" + table + "] on a line");
      continue;
    }
    for (const auto& [key, node] : *entries) {
      const KeyReader* reader = nullptr;
      for (const KeyReader& candidate : key_readers()) {
        if (candidate.table == table && candidate.key == key.str()) reader = &candidate;
      }
      const std::string full = table + "." + std::string(key.str());
      if (reader == nullptr) {
        diagnostics.error(
            position_of(name, key.source()),
            "unknown key " + quoted(key.str()) + " in [" + table + "]: the keys are " + keys);
        continue;
      }
      Configuration trial = configuration;  // a value that cannot be used leaves the default
      if (std::string error = reader->read(node, trial); !error.empty()) {
        diagnostics.error(position_of(name, node.source()), full + " " + error);
      } else {
        configuration = trial;
      }
    }
  }
  if (configuration.attract_seconds <= configuration.idle_seconds && !diagnostics.has_errors()) {
    const toml::node* attract = document.at_path("timeouts.attract_seconds").node();
    const toml::node* idle = document.at_path("timeouts.idle_seconds").node();
    const toml::node* at = attract ? attract : idle;
    diagnostics.error(at ? position_of(name, at->source()) : SourcePosition{name, 0, 0},
                      "timeouts.attract_seconds (" + std::to_string(configuration.attract_seconds) +
                          ") must be longer than timeouts.idle_seconds (" +
                          std::to_string(configuration.idle_seconds) + ")");
  }
  if (configuration.wifi_ssid.empty() && !configuration.wifi_passphrase.empty() &&
      !diagnostics.has_errors()) {
    const toml::node* passphrase = document.at_path("board.wifi_passphrase").node();
    diagnostics.error(position_of(name, passphrase->source()),
                      "board.wifi_passphrase is given without board.wifi_ssid: name the network");
  }
  result.usable = configuration;
  if (configuration.attract_seconds <= configuration.idle_seconds) {
    result.usable.idle_seconds = Configuration{}.idle_seconds;
    result.usable.attract_seconds = Configuration{}.attract_seconds;
  }
  if (!diagnostics.has_errors()) result.configuration = configuration;
  return result;
}

void merge_command_line(CommandLine& line, Configuration& configuration) {
  auto given = [&](const char* option) { return line.given.count(option) > 0; };
  if (given("--lang"))
    configuration.language = line.language;
  else
    line.language = configuration.language;
  if (given("--rotate"))
    configuration.rotation = line.rotation;
  else
    line.rotation = configuration.rotation;
  if (given("--room"))
    configuration.room = line.room;
  else
    line.room = configuration.room;
  // The file's rehearsal clock only when it names one; its rate goes with it.
  if (given("--clock")) {
    configuration.clock = line.clock;
  } else if (!configuration.clock.empty()) {
    line.clock = configuration.clock;
    if (!given("--clock-rate")) line.clock_rate = configuration.clock_rate;
  }
  if (given("--clock-rate")) configuration.clock_rate = line.clock_rate;
  if (given("--inbox")) configuration.inbox = line.inbox;
  if (given("--state")) configuration.state_dir = line.state_dir;
}

agenda::LoadOptions load_options_of(const Configuration& configuration) {
  agenda::LoadOptions options;
  options.venue_zone = configuration.time_zone;
  if (options.venue_zone.empty()) {
    const std::string host = agenda::host_time_zone_name();
    if (host != "UTC" && host != "Etc/UTC" && host != "GMT" && host != "Etc/GMT")
      options.venue_zone = host;
  }
  return options;
}

std::string default_configuration_path(const std::string& board, const std::string& system) {
  std::error_code ignored;
  for (const std::string& path : {board, system}) {
    if (std::filesystem::exists(path, ignored)) return path;
  }
  return {};
}

ConfigurationParse load_configuration(const std::filesystem::path& path) {
  const live::UntrustedFile file = live::read_untrusted_file(path, kMaxConfigurationBytes);
  if (!file.error.empty()) {
    ConfigurationParse result;
    result.diagnostics.error({path.string(), 0, 0}, "the configuration file " + file.error);
    return result;
  }
  return parse_configuration(path.string(), file.bytes);
}

}  // namespace ijlas::app
