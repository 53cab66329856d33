// For the venue tests: a real Mosquitto broker of our own (set up by the real `ijlas-venue
// init`, on 127.0.0.1 and a free port, in a temporary folder), the real `ijlas-venue`, and real
// headless kiosks on it. Every wait has a bound, so a broken link fails a test, never hangs it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "delivery_test_support.hpp"
#include "temporary_folder.hpp"
#include "venue/broker_session.hpp"

namespace ijlas::venue_testing {

using namespace delivery_testing;
using namespace std::chrono_literals;

inline constexpr const char* kVenue = "testvenue";

// A port on 127.0.0.1 that nobody listens on now.
int free_port();

// What a finished program said and how it ended.
struct ProgramRun {
  int exit_code = -1;
  std::string out, err;
};
// `ijlas-venue` with `arguments`, to its end (at most a minute).
ProgramRun run_venue_tool(const std::vector<std::string>& arguments);

// `ijlas-venue init` in a fresh folder, then mosquitto on it.
class TestBroker {
 public:
  // `screens`: the screen users; with `tls` also a TLS listener on another free port.
  TestBroker(const std::string& name, std::vector<std::string> screens, bool tls = false);

  // Starts mosquitto and waits until it says it runs and takes connections; false (its log on
  // standard error) when it did not in time. At the first start, a port that another test took
  // meanwhile is no failure: the broker is set up again on other free ports.
  bool start();
  void kill();  // SIGKILL, as a power cut would
  void stop();  // SIGTERM

  std::string url() const { return "mqtt://127.0.0.1:" + std::to_string(port_); }
  std::string tls_url() const { return "mqtts://127.0.0.1:" + std::to_string(tls_port_); }
  // The organizer's page, served by the broker's WebSockets listener.
  std::string page_url() const {
    return "http://127.0.0.1:" + std::to_string(web_port_) + "/?venue=" + kVenue;
  }
  // The same page with its MQTT over TLS (wss:// on the TLS WebSockets listener), with `tls`.
  std::string secure_page_url() const {
    return "http://localhost:" + std::to_string(web_port_) + "/?venue=" + kVenue +
           "&wss=" + std::to_string(web_tls_port_);
  }
  fs::path organizer_credentials() const { return dir_ / "broker/organizer.credentials"; }
  fs::path screen_credentials(const std::string& screen) const {
    return dir_ / "broker/screens" / (screen + ".credentials");
  }
  fs::path ca_file() const { return dir_ / "broker/tls/ca.crt"; }
  const fs::path& dir() const { return dir_; }
  const ProgramRun& init_run() const { return init_; }
  // The running broker's resident memory, in KiB (0 when it does not run).
  long rss_kib() const;
  // The options that make ijlas-venue talk to this broker as the organizer.
  std::vector<std::string> organizer_options() const;
  // A session of `user` (from its credentials file; none: anonymous) on the plain listener.
  std::unique_ptr<venue::BrokerSession> session(const fs::path& credentials) const;
  // The retained message of `topic` (empty payload when there is none), read as the organizer.
  std::optional<venue::BrokerMessage> retained(const std::string& topic) const;

 private:
  // `ijlas-venue init` into a fresh broker folder, on newly chosen free ports.
  void initialize();

  TemporaryFolder dir_;
  std::vector<std::string> screens_;
  bool tls_ = false;
  int port_ = 0, tls_port_ = 0, web_port_ = 0, web_tls_port_ = 0;
  ProgramRun init_;
  std::unique_ptr<ChildProcess> process_;
  int starts_ = 0;
};

// A headless kiosk on the broker as screen `screen`, showing its own small agenda at first.
struct VenueKiosk {
  // Without `named`, the settings leave screen_id out: the credentials' user name is the id.
  VenueKiosk(const TestBroker& broker, const std::string& screen, bool named = true);
  void start();
  bool shows(const std::string& text, std::chrono::milliseconds patience = kPatience) const;
  // How many times its log says it connected to the broker.
  int connections() const;

  std::string screen;
  fs::path dir, inbox, state, out;
  std::unique_ptr<KioskProcess> process;
};

// `count` kiosks "screen-1" … on `broker` (set up with those screen names), each up and
// connected; empty when one was not in time.
std::vector<std::unique_ptr<VenueKiosk>> start_kiosks(const TestBroker& broker, int count);
std::vector<std::string> screen_names(int count);
// Publishes `title` as the organizer; the tool's exit code.
int publish(const TestBroker& broker, const std::string& title);

// Polls the screen's retained status until `condition` holds on its JSON text.
bool status_eventually(const TestBroker& broker, const std::string& screen,
                       const std::function<bool(const std::string&)>& condition);

}  // namespace ijlas::venue_testing
