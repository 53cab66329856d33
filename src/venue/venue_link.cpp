#include "venue/venue_link.hpp"

#include <mqtt_protocol.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string_view>
#include <utility>

#include "agenda/load_result.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"
#include "venue/agenda_version.hpp"
#include "venue/inbox_drop.hpp"
#include "venue/mosquitto_library.hpp"

namespace ijlas::venue {
namespace {

constexpr int kKeepAliveSeconds = 30;
constexpr int kQos = 1;
// A broker that comes back is found again within this many seconds.
constexpr unsigned kReconnectMaxSeconds = 4;
constexpr std::size_t kReportedDiagnostics = 10;

// One whole line on standard error, also from the network thread.
void log_line(const std::string& text) {
  const std::string line = "ijlas: venue: " + text + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

std::int64_t monotonic_now_ms() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

std::string offline_json(const std::string& screen) {
  return "{\"screen\":" + json::quote(screen) + ",\"online\":false}";
}

// A settings document is a few bytes; anything longer is not one.
constexpr std::size_t kMaxAssignmentBytes = 4096;

bool is_rotation(double degrees) {
  return degrees == 0 || degrees == 90 || degrees == 180 || degrees == 270;
}

}  // namespace

std::optional<ScreenAssignment> parse_assignment(std::string_view bytes, std::string& error) {
  if (bytes.size() > kMaxAssignmentBytes) {
    error = "more than " + std::to_string(kMaxAssignmentBytes) + " bytes";
    return std::nullopt;
  }
  const json::ParseResult parsed = json::parse(bytes);
  if (!parsed.value || !parsed.value->is_object()) {
    error = parsed.value ? "must be a JSON object" : parsed.error.message;
    return std::nullopt;
  }
  ScreenAssignment assignment{"", "ur", ""};
  for (const json::Member& member : parsed.value->members()) {
    const bool text = member.value.is_string();
    if (member.key == "room" && text) {
      assignment.room = member.value.text();
    } else if (member.key == "language" && text &&
               (member.value.text() == "ur" || member.value.text() == "en")) {
      assignment.language = member.value.text();
    } else if (member.key == "name" && text) {
      assignment.name = member.value.text();
    } else if (member.key == "screen_off" && text) {
      assignment.screen_off = member.value.text();
    } else if (member.key == "rotation" && member.value.is_number() &&
               is_rotation(member.value.as_number())) {
      assignment.rotation = static_cast<int>(member.value.as_number());
    } else {
      error = quoted(member.key) +
              " is not \"room\": ROOM-ID, \"language\": \"ur\" | \"en\", \"name\": PLACE, "
              "\"screen_off\": \"HH:MM-HH:MM\" or \"rotation\": 0 | 90 | 180 | 270";
      return std::nullopt;
    }
  }
  return assignment;
}

std::string assignment_json(const ScreenAssignment& assignment) {
  return "{\"room\":" + json::quote(assignment.room) +
         ",\"language\":" + json::quote(assignment.language) +
         ",\"name\":" + json::quote(assignment.name) +
         (assignment.screen_off ? ",\"screen_off\":" + json::quote(*assignment.screen_off) : "") +
         (assignment.rotation ? ",\"rotation\":" + std::to_string(*assignment.rotation) : "") + "}";
}

VenueLink::VenueLink(LinkOptions options)
    : options_(std::move(options)), topics_(options_.venue), started_ms_(monotonic_now_ms()) {
  if (!libmosquitto().error.empty()) {  // loaded once, before any thread of ours
    error_ = libmosquitto().error;
    return;
  }
  const std::string client_id = "ijlas-screen-" + options_.screen_id;
  client_ = libmosquitto().create(client_id.c_str(), true, this);
  if (client_ == nullptr) {
    error_ = "cannot make an MQTT client";
    return;
  }
  libmosquitto().int_option(client_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
  libmosquitto().connect_v5_callback_set(
      client_,
      [](mosquitto* client, void* self, int rc, int flags, const mosquitto_property* properties) {
        on_connect(client, self, rc, flags, properties);
      });
  libmosquitto().disconnect_callback_set(client_, &VenueLink::on_disconnect);
  libmosquitto().message_v5_callback_set(
      client_,
      [](mosquitto* client, void* self, const mosquitto_message* message,
         const mosquitto_property* properties) { on_message(client, self, message, properties); });
  libmosquitto().reconnect_delay_set(client_, 1, kReconnectMaxSeconds, true);
  if (options_.credentials) {
    libmosquitto().username_pw_set(client_, options_.credentials->user.c_str(),
                                   options_.credentials->password.c_str());
  }
  if (options_.broker.tls) {
    const char* ca_file = options_.ca_file.empty() ? nullptr : options_.ca_file.c_str();
    const char* ca_path = ca_file ? nullptr : "/etc/ssl/certs";
    if (const int rc =
            libmosquitto().tls_set(client_, ca_file, ca_path, nullptr, nullptr, nullptr)) {
      error_ = std::string("cannot use TLS: ") + libmosquitto().strerror(rc);
      return;
    }
  }
  const std::string will = offline_json(options_.screen_id);
  const std::string status_topic = topics_.status(options_.screen_id);
  libmosquitto().will_set_v5(client_, status_topic.c_str(), static_cast<int>(will.size()),
                             will.data(), kQos, true, nullptr);
  // A broker that is not there yet is no error: the network thread keeps trying.
  const int rc = libmosquitto().connect_async(client_, options_.broker.host.c_str(),
                                              options_.broker.port, kKeepAliveSeconds);
  if (rc != MOSQ_ERR_SUCCESS && rc != MOSQ_ERR_ERRNO) {
    error_ = std::string("cannot connect: ") + libmosquitto().strerror(rc);
    return;
  }
  if (const int started = libmosquitto().loop_start(client_)) {
    error_ = std::string("cannot start the network thread: ") + libmosquitto().strerror(started);
    return;
  }
  log_line("connecting to " + options_.broker.host + ":" + std::to_string(options_.broker.port) +
           " as screen " + options_.screen_id + " of venue " + options_.venue);
}

VenueLink::~VenueLink() {
  if (client_ == nullptr) return;
  // Leaving with the will published makes the status say offline at once.
  libmosquitto().disconnect_v5(client_, MQTT_RC_DISCONNECT_WITH_WILL_MSG, nullptr);
  libmosquitto().loop_stop(client_, false);
  libmosquitto().destroy(client_);
}

void VenueLink::report(const ScreenReport& report, std::int64_t monotonic_ms) {
  if (!error_.empty()) return;
  std::lock_guard lock(mutex_);
  report_ = report;
  if (report_.agenda.get() != versioned_) {
    versioned_ = report_.agenda.get();
    agenda_version_ = versioned_ ? agenda_version(*versioned_) : "";
  }
  const std::string body = status_json(true, -1);
  if (body == status_body_ && monotonic_ms - last_status_ms_ < kStatusRefreshMs) return;
  status_body_ = body;
  publish_status(monotonic_ms);
}

void VenueLink::on_connect(mosquitto*, void* self, int rc, int, const mosquitto_property*) {
  static_cast<VenueLink*>(self)->connected(rc);
}

void VenueLink::on_disconnect(mosquitto*, void* self, int rc) {
  auto& link = *static_cast<VenueLink*>(self);
  std::lock_guard lock(link.mutex_);
  if (rc != 0 && link.last_connect_rc_ == 0)
    log_line("lost the broker; the shown agenda stays, reconnecting");
  if (link.last_connect_rc_ == 0) link.last_connect_rc_ = -1;
}

void VenueLink::on_message(mosquitto*, void* self, const mosquitto_message* message,
                           const mosquitto_property*) {
  static_cast<VenueLink*>(self)->received(*message);
}

void VenueLink::connected(int rc) {
  std::lock_guard lock(mutex_);
  if (rc != 0) {
    if (rc != last_connect_rc_)
      log_line("the broker refused this screen: " + std::string(libmosquitto().reason_string(rc)));
    last_connect_rc_ = rc;
    return;
  }
  last_connect_rc_ = 0;
  log_line("connected to the broker");
  for (const std::string& topic :
       {topics_.agenda(), topics_.announcements(), topics_.overrides(),
        topics_.settings(options_.screen_id), topics_.screen_announcements(options_.screen_id),
        topics_.shot_request()})
    libmosquitto().subscribe_v5(client_, nullptr, topic.c_str(), kQos, 0, nullptr);
  publish_status(monotonic_now_ms());
}

std::optional<ScreenAssignment> VenueLink::take_assignment() {
  std::lock_guard lock(mutex_);
  return std::exchange(assignment_, std::nullopt);
}

std::optional<std::string> VenueLink::take_shot_request() {
  std::lock_guard lock(mutex_);
  return std::exchange(shot_request_, std::nullopt);
}

void VenueLink::send_thumbnail(const std::string& png, const std::string& request) {
  if (!error_.empty()) return;
  mosquitto_property* properties = nullptr;
  libmosquitto().property_add_string_pair(&properties, MQTT_PROP_USER_PROPERTY, kRequestProperty,
                                          request.c_str());
  const std::string topic = topics_.thumbnail(options_.screen_id);
  libmosquitto().publish_v5(client_, nullptr, topic.c_str(), static_cast<int>(png.size()),
                            png.data(), kQos, true, properties);
  libmosquitto().property_free_all(&properties);
}

void VenueLink::received(const mosquitto_message& message) {
  const std::string_view topic = message.topic;
  if (topic == topics_.shot_request()) {
    // The request's id, a few bytes from the organizer; longer ones are cut.
    std::string id(static_cast<const char*>(message.payload),
                   std::min<std::size_t>(static_cast<std::size_t>(message.payloadlen), 64));
    std::lock_guard lock(mutex_);
    shot_request_ = std::move(id);
    return;
  }
  if (topic == topics_.settings(options_.screen_id)) {
    // Small, and written by the organizer alone (the ACL): read here, handed over whole.
    std::string error;
    auto assignment = parse_assignment(
        {static_cast<const char*>(message.payload), static_cast<std::size_t>(message.payloadlen)},
        error);
    if (!assignment) {
      log_line(std::string(topic) + ": not used: " + error);
      return;
    }
    std::lock_guard lock(mutex_);
    assignment_ = std::move(assignment);
    return;
  }
  const char* name = topic == topics_.agenda()          ? kAgendaFile
                     : topic == topics_.announcements() ? kAnnouncementsFile
                     : topic == topics_.overrides()     ? kOverridesFile
                     : topic == topics_.screen_announcements(options_.screen_id)
                         ? kScreenAnnouncementsFile
                         : nullptr;
  if (name == nullptr) return;
  const std::string_view bytes(static_cast<const char*>(message.payload),
                               static_cast<std::size_t>(message.payloadlen));
  std::error_code ignored;
  if (bytes.empty()) {  // the retained message was cleared: so is what it said
    if (std::filesystem::remove(options_.inbox / name, ignored))
      log_line(std::string(topic) + " cleared: " + name + " taken out of the inbox");
    return;
  }
  if (bytes.size() > agenda::kMaxAgendaFileBytes) {
    log_line(std::string(topic) + ": " + std::to_string(bytes.size()) +
             " bytes is more than an agenda may have; not taken");
    return;
  }
  if (inbox_holds(options_.inbox, name, bytes)) return;  // the same retained message again
  std::string error;
  if (!drop_into_inbox(options_.inbox, name, bytes, error)) {
    log_line(std::string(topic) + ": " + error);
    return;
  }
  log_line(std::string(topic) + ": " + std::to_string(bytes.size()) +
           " bytes put in the inbox as " + name);
}

std::string VenueLink::status_json(bool online, std::int64_t monotonic_ms) const {
  std::string json = "{\"screen\":" + json::quote(options_.screen_id) +
                     ",\"online\":" + (online ? "true" : "false") +
                     ",\"version\":" + json::quote(options_.program_version);
  if (report_.agenda) {
    const agenda::LocalizedText& title = report_.agenda->conference().title;
    json += ",\"agenda\":{\"version\":" + json::quote(agenda_version_) +
            ",\"title\":{\"ur\":" + json::quote(title.ur) + ",\"en\":" + json::quote(title.en) +
            "},\"sessions\":" + std::to_string(report_.agenda->sessions().size()) + ",\"source\":" +
            json::quote(std::filesystem::path(report_.agenda_source).filename().string()) + "}";
  }
  json += ",\"last_load\":{\"ok\":" + std::string(report_.load_ok ? "true" : "false") +
          ",\"diagnostics\":[";
  std::size_t listed = 0;
  for (const Diagnostic& diagnostic : report_.load_diagnostics.items()) {
    if (listed == kReportedDiagnostics) break;
    json += (listed++ ? "," : "") + json::quote(format_diagnostic(diagnostic));
  }
  json += "]},\"clock\":{\"trust\":" + json::quote(report_.clock_trust) +
          ",\"says\":" + json::quote(report_.clock_summary) + "}";
  if (monotonic_ms >= 0)
    json += ",\"uptime_s\":" + std::to_string((monotonic_ms - started_ms_) / 1000);
  return json + "}";
}

void VenueLink::publish_status(std::int64_t monotonic_ms) {
  last_status_ms_ = monotonic_ms;
  const std::string json = status_json(true, monotonic_ms);
  const std::string topic = topics_.status(options_.screen_id);
  // Not connected yet is fine: connecting publishes the status again.
  libmosquitto().publish_v5(client_, nullptr, topic.c_str(), static_cast<int>(json.size()),
                            json.data(), kQos, true, nullptr);
}

}  // namespace ijlas::venue
