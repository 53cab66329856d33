// Where a screen finds its venue's broker and who it is there: the `[venue]` keys of the
// settings file, read into values (README.md, "The venue broker").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ijlas::venue {

inline constexpr int kMqttPort = 1883;
inline constexpr int kMqttsPort = 8883;

struct BrokerAddress {
  std::string host;
  int port = kMqttPort;
  bool tls = false;  // mqtts://
  friend bool operator==(const BrokerAddress&, const BrokerAddress&) = default;
};

// "mqtt://host[:port]" or "mqtts://host[:port]"; an empty result sets `error` to what to fix.
std::optional<BrokerAddress> parse_broker_url(std::string_view url, std::string& error);

struct Credentials {
  std::string user;
  std::string password;
};

// A file with `user:password` on its first line (the password may hold colons).
std::optional<Credentials> read_credentials(const std::filesystem::path& path, std::string& error);

// The screen's name on the broker when the settings give none: /etc/machine-id, else the
// host name.
std::string default_screen_id();

// A venue or screen name is one topic level: letters, digits, '-', '_' and '.', 1 to 64 of them.
bool is_topic_name(std::string_view name);

}  // namespace ijlas::venue
