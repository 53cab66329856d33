// `ijlas-venue init DIR`: a Mosquitto configuration for one venue, written into DIR: the
// listeners (MQTT, MQTT with TLS, WebSockets serving the organizer's page), the password file
// (mosquitto_passwd), the ACL, persistence, and with TLS a certificate authority and the broker's
// certificate (openssl).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ijlas::venue {

struct BrokerSetup {
  std::filesystem::path dir;
  std::string venue = "venue";
  std::string organizer = "organizer";
  std::vector<std::string> screens;  // one user per screen, named after the screen's id
  std::string bind;                  // the listeners' address; empty: every interface
  int port = 1883;
  bool tls = false;
  int tls_port = 8883;
  std::vector<std::string> tls_names;  // host names and addresses the certificate is for
  // The organizer's web page: a WebSockets listener that also serves `web_dir` over HTTP
  // (0: no such listener).
  int web_port = 9001;
  // With tls: the same page and WebSockets over TLS (https://, wss://), so that the organizer's
  // password does not cross the LAN in the clear (0: none).
  int web_tls_port = 9443;
  std::filesystem::path web_dir;  // empty or missing: the listener without the page
};

// Writes everything; false with what went wrong in `error`. `report` gets what was made and how
// to start the broker, for a person.
bool write_broker_setup(const BrokerSetup& setup, std::string& report, std::string& error);

}  // namespace ijlas::venue
