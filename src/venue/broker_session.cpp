#include "venue/broker_session.hpp"

#include <mqtt_protocol.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "venue/mosquitto_library.hpp"

namespace ijlas::venue {
namespace {

constexpr int kKeepAliveSeconds = 30;
constexpr int kQos = 1;

// Unique among the sessions of one process too: the broker drops the older of two of one name.
std::string client_name() {
  static std::atomic<int> sessions{0};
  return "ijlas-venue-" + std::to_string(::getpid()) + "-" + std::to_string(sessions++);
}

}  // namespace

BrokerSession::BrokerSession(BrokerAddress broker, std::optional<Credentials> credentials,
                             const std::string& ca_file)
    : broker_(std::move(broker)) {
  if (!libmosquitto().error.empty()) {
    setup_error_ = libmosquitto().error;
    return;
  }
  name_ = client_name();
  client_ = libmosquitto().create(name_.c_str(), true, this);
  if (client_ == nullptr) {
    setup_error_ = "cannot make an MQTT client";
    return;
  }
  libmosquitto().int_option(client_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
  libmosquitto().connect_v5_callback_set(
      client_, [](mosquitto*, void* self, int reason, int, const mosquitto_property*) {
        auto& session = *static_cast<BrokerSession*>(self);
        session.answered_ = true;
        session.connect_reason_ = reason;
        session.connected_ = reason == 0;
      });
  libmosquitto().publish_v5_callback_set(
      client_, [](mosquitto*, void* self, int mid, int reason, const mosquitto_property*) {
        auto& session = *static_cast<BrokerSession*>(self);
        if (mid == session.pending_mid_) session.publish_reason_ = reason;
      });
  libmosquitto().message_v5_callback_set(
      client_, [](mosquitto*, void* self, const mosquitto_message* message,
                  const mosquitto_property* properties) {
        auto& session = *static_cast<BrokerSession*>(self);
        if (!session.echo_topic_.empty() && session.echo_topic_ == message->topic) {
          session.echoed_ = std::string_view(static_cast<const char*>(message->payload),
                                             static_cast<std::size_t>(message->payloadlen)) ==
                            std::to_string(session.echoes_);
          return;
        }
        BrokerMessage received;
        received.topic = message->topic;
        received.payload.assign(static_cast<const char*>(message->payload),
                                static_cast<std::size_t>(message->payloadlen));
        received.retained = message->retain;
        bool skip = false;  // the property found last time
        for (const mosquitto_property* at = properties; at != nullptr; skip = true) {
          char* name = nullptr;
          char* value = nullptr;
          at = libmosquitto().property_read_string_pair(at, MQTT_PROP_USER_PROPERTY, &name, &value,
                                                        skip);
          if (at != nullptr) received.properties[name] = value;
          std::free(name);
          std::free(value);
        }
        session.received_.push_back(std::move(received));
      });
  if (credentials) {
    libmosquitto().username_pw_set(client_, credentials->user.c_str(),
                                   credentials->password.c_str());
  }
  if (broker_.tls) {
    const char* ca = ca_file.empty() ? nullptr : ca_file.c_str();
    if (const int rc = libmosquitto().tls_set(client_, ca, ca ? nullptr : "/etc/ssl/certs", nullptr,
                                              nullptr, nullptr))
      setup_error_ = std::string("cannot use TLS: ") + libmosquitto().strerror(rc);
  }
}

BrokerSession::~BrokerSession() {
  if (client_ == nullptr) return;
  if (connected_) {
    libmosquitto().disconnect(client_);
    libmosquitto().loop(client_, 100, 1);  // lets the DISCONNECT out
  }
  libmosquitto().destroy(client_);
}

bool BrokerSession::run_until(const bool& done, std::chrono::milliseconds patience,
                              std::string& error) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  while (!done && std::chrono::steady_clock::now() < deadline) {
    const int rc = libmosquitto().loop(client_, 50, 1);
    if (rc != MOSQ_ERR_SUCCESS && !done) {
      error = rc == MOSQ_ERR_ERRNO ? std::strerror(errno) : libmosquitto().strerror(rc);
      if (answered_ && connect_reason_ != 0) error = libmosquitto().reason_string(connect_reason_);
      return false;
    }
  }
  if (!done) error = "no answer from the broker in time";
  return done;
}

bool BrokerSession::connect(std::chrono::milliseconds patience, std::string& error) {
  const std::string where = broker_.host + ":" + std::to_string(broker_.port);
  if (!setup_error_.empty()) {
    error = setup_error_;
    return false;
  }
  const int rc =
      libmosquitto().connect(client_, broker_.host.c_str(), broker_.port, kKeepAliveSeconds);
  if (rc != MOSQ_ERR_SUCCESS) {
    error = "cannot reach the broker at " + where + ": " +
            (rc == MOSQ_ERR_ERRNO ? std::strerror(errno) : libmosquitto().strerror(rc));
    return false;
  }
  std::string why;
  if (!run_until(answered_, patience, why) || !connected_) {
    error = "the broker at " + where + " refused the connection: " +
            (answered_ ? libmosquitto().reason_string(connect_reason_) : why);
    return false;
  }
  return true;
}

bool BrokerSession::publish(const std::string& topic, std::string_view payload, bool retain,
                            const UserProperties& properties, std::chrono::milliseconds patience,
                            std::string& error) {
  mosquitto_property* list = nullptr;
  for (const auto& [name, value] : properties)
    libmosquitto().property_add_string_pair(&list, MQTT_PROP_USER_PROPERTY, name.c_str(),
                                            value.c_str());
  publish_reason_ = -1;
  const int rc = libmosquitto().publish_v5(client_, &pending_mid_, topic.c_str(),
                                           static_cast<int>(payload.size()), payload.data(), kQos,
                                           retain, list);
  libmosquitto().property_free_all(&list);
  if (rc != MOSQ_ERR_SUCCESS) {
    error = std::string("cannot publish to ") + topic + ": " + libmosquitto().strerror(rc);
    return false;
  }
  bool acknowledged = false;
  const auto deadline = std::chrono::steady_clock::now() + patience;
  while (publish_reason_ < 0 && std::chrono::steady_clock::now() < deadline) {
    if (libmosquitto().loop(client_, 50, 1) != MOSQ_ERR_SUCCESS) break;
  }
  acknowledged = publish_reason_ >= 0;
  if (!acknowledged) {
    error = topic + ": the broker did not acknowledge the message";
    return false;
  }
  // The broker acknowledges a refused message too, with a reason (e.g. not authorized).
  if (publish_reason_ >= 0x80) {
    error = topic +
            ": the broker refused the message: " + libmosquitto().reason_string(publish_reason_);
    return false;
  }
  return true;
}

std::vector<BrokerMessage> BrokerSession::collect(const std::string& filter,
                                                  std::chrono::milliseconds listen,
                                                  std::string& error) {
  if (!echo_topic_.empty() && !echo_subscribed_) {
    echo_subscribed_ =
        libmosquitto().subscribe_v5(client_, nullptr, echo_topic_.c_str(), kQos, 0, nullptr) == 0;
  }
  if (!subscribe(filter, error)) return {};
  echoed_ = false;
  if (echo_subscribed_) {
    const std::string marker = std::to_string(++echoes_);
    libmosquitto().publish_v5(client_, nullptr, echo_topic_.c_str(),
                              static_cast<int>(marker.size()), marker.data(), kQos, false, nullptr);
  }
  std::vector<BrokerMessage> received = this->listen(
      listen, [&](const std::vector<BrokerMessage>&) { return echoed_; }, error);
  libmosquitto().unsubscribe(client_, nullptr, filter.c_str());
  return received;
}

void BrokerSession::echo_under(const std::string& prefix) {
  echo_topic_ = prefix + name_ + "/echo";
}

bool BrokerSession::subscribe(const std::string& filter, std::string& error) {
  received_.clear();
  if (const int rc =
          libmosquitto().subscribe_v5(client_, nullptr, filter.c_str(), kQos, 0, nullptr)) {
    error = std::string("cannot subscribe to ") + filter + ": " + libmosquitto().strerror(rc);
    return false;
  }
  return true;
}

std::vector<BrokerMessage> BrokerSession::listen(std::chrono::milliseconds patience,
                                                 const Enough& enough, std::string& error) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  while (std::chrono::steady_clock::now() < deadline && !(enough && enough(received_))) {
    if (const int rc = libmosquitto().loop(client_, 50, 1); rc != MOSQ_ERR_SUCCESS) {
      error = std::string("lost the broker: ") + libmosquitto().strerror(rc);
      break;
    }
  }
  return std::move(received_);
}

}  // namespace ijlas::venue
