#include "venue/venue_address.hpp"

#include <unistd.h>

#include <charconv>
#include <fstream>

#include "core/diagnostic.hpp"

namespace ijlas::venue {

std::optional<BrokerAddress> parse_broker_url(std::string_view url, std::string& error) {
  BrokerAddress address;
  std::string_view rest;
  if (url.starts_with("mqtt://")) {
    rest = url.substr(7);
  } else if (url.starts_with("mqtts://")) {
    rest = url.substr(8);
    address.tls = true;
    address.port = kMqttsPort;
  } else {
    error = "must start with mqtt:// or mqtts://, e.g. \"mqtt://192.168.1.10:1883\"";
    return std::nullopt;
  }
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  const std::size_t colon = rest.rfind(':');
  std::string_view host = rest.substr(0, colon);
  if (colon != std::string_view::npos) {
    const std::string_view digits = rest.substr(colon + 1);
    int port = 0;
    const auto [end, failed] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (failed != std::errc() || end != digits.data() + digits.size() || port < 1 || port > 65535) {
      error = "has the port " + quoted(digits) + ": give a number from 1 to 65535";
      return std::nullopt;
    }
    address.port = port;
  }
  if (host.empty() || host.find_first_of("/@ ") != std::string_view::npos) {
    error = "has no host name: write mqtt://HOST or mqtt://HOST:PORT";
    return std::nullopt;
  }
  address.host = std::string(host);
  return address;
}

std::optional<Credentials> read_credentials(const std::filesystem::path& path, std::string& error) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) {
    error = path.string() + ": cannot read the credentials file";
    return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const std::size_t colon = line.find(':');
  if (colon == std::string::npos || colon == 0) {
    error = path.string() + ":1:1: the first line must be user:password";
    return std::nullopt;
  }
  return Credentials{line.substr(0, colon), line.substr(colon + 1)};
}

std::string default_screen_id() {
  std::ifstream in("/etc/machine-id");
  std::string id;
  if (in >> id && is_topic_name(id)) return id;
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) == 0 && is_topic_name(host)) return host;
  return "screen";
}

bool is_topic_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    if (!plain) return false;
  }
  return true;
}

}  // namespace ijlas::venue
