// A short, synchronous conversation with the venue's broker, for the organizer's tool and the
// tests: connect, publish and wait for the broker's answer, read what is retained. (The screen's
// long-lived link is VenueLink, on its own thread.)
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "venue/venue_address.hpp"

struct mosquitto;

namespace ijlas::venue {

struct BrokerMessage {
  std::string topic;
  std::string payload;
  std::map<std::string, std::string> properties;  // MQTT v5 user properties
  bool retained = false;
};

using UserProperties = std::vector<std::pair<std::string, std::string>>;

class BrokerSession {
 public:
  BrokerSession(BrokerAddress broker, std::optional<Credentials> credentials,
                const std::string& ca_file);
  ~BrokerSession();
  BrokerSession(const BrokerSession&) = delete;
  BrokerSession& operator=(const BrokerSession&) = delete;

  // Waits up to `patience` for the broker to accept us; false with what went wrong in `error`
  // (no broker there, wrong password, not allowed).
  bool connect(std::chrono::milliseconds patience, std::string& error);
  // QoS 1: true once the broker has acknowledged and accepted the message.
  bool publish(const std::string& topic, std::string_view payload, bool retain,
               const UserProperties& properties, std::chrono::milliseconds patience,
               std::string& error);
  // What arrives on `filter` (retained messages first) during `listen`, or until the echo comes
  // back (see echo_under).
  std::vector<BrokerMessage> collect(const std::string& filter, std::chrono::milliseconds listen,
                                     std::string& error);
  // collect() then publishes a marker to a topic of this session's own under `prefix` (which
  // the user may write) right after subscribing: the broker sends what is retained on the
  // filter before it, so the marker's return ends the wait at once. Without it (or when the
  // broker refuses the marker) collect() listens its whole time.
  void echo_under(const std::string& prefix);
  // The same in steps, to publish while subscribed (a request and its answers): what arrives on
  // `filter` from now on is kept for listen().
  bool subscribe(const std::string& filter, std::string& error);
  // What arrived since subscribe(), after up to `patience` or once `enough` of it came.
  using Enough = std::function<bool(const std::vector<BrokerMessage>&)>;
  std::vector<BrokerMessage> listen(std::chrono::milliseconds patience, const Enough& enough,
                                    std::string& error);

 private:
  bool run_until(const bool& done, std::chrono::milliseconds patience, std::string& error);

  BrokerAddress broker_;
  mosquitto* client_ = nullptr;
  std::string setup_error_;
  bool connected_ = false, answered_ = false;
  int connect_reason_ = 0;
  int pending_mid_ = -1, publish_reason_ = -1;
  std::vector<BrokerMessage> received_;
  std::string name_;        // the client id
  std::string echo_topic_;  // empty: collect() listens its whole time
  bool echo_subscribed_ = false, echoed_ = false;
  int echoes_ = 0;  // the marker's payload, new for every collect()
};

}  // namespace ijlas::venue
