// `ijlas-venue init DIR`: a Mosquitto configuration for one venue, written into DIR: the
// listeners, the password file (mosquitto_passwd), the ACL, persistence, and with TLS a
// certificate authority and the broker's certificate (openssl).
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
};

// Writes everything; false with what went wrong in `error`. `report` gets what was made and how
// to start the broker, for a person.
bool write_broker_setup(const BrokerSetup& setup, std::string& report, std::string& error);

}  // namespace ijlas::venue
