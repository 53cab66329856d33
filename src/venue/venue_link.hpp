// The screen's link to its venue's MQTT broker (libmosquitto, on its own network thread).
// What arrives on the venue's retained agenda, announcements and overrides topics is never
// parsed here: each payload is written whole into the kiosk's inbox under a fixed name, so it
// takes exactly the path of a dropped file (and the last good agenda is kept as for one). The
// main loop tells the link what the screen shows; the link keeps this screen's retained status
// topic up to date, and the broker's last will marks the screen offline when it goes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "agenda/agenda.hpp"
#include "core/diagnostic.hpp"
#include "venue/venue_address.hpp"
#include "venue/venue_topics.hpp"

struct mosquitto;
struct mosquitto_message;
struct mqtt5__property;  // NOLINT(bugprone-reserved-identifier): libmosquitto names it so

namespace ijlas::venue {

// The names the link gives the broker's payloads in the inbox.
inline constexpr const char* kAgendaFile = "venue-agenda.json";
inline constexpr const char* kAnnouncementsFile = "venue-announcements.json";
inline constexpr const char* kOverridesFile = "venue-overrides.json";
inline constexpr const char* kScreenAnnouncementsFile = "venue-screen-announcements.json";
// A thumbnail is at most this many pixels wide (and as high as the screen's shape makes it).
inline constexpr int kThumbnailWidth = 320;
// The status is published again this often, for its uptime, even when nothing changed.
inline constexpr std::int64_t kStatusRefreshMs = 60'000;

struct LinkOptions {
  BrokerAddress broker;
  std::string venue;
  std::string screen_id;
  std::optional<Credentials> credentials;
  std::string ca_file;  // for mqtts://; empty: the system's certificates
  std::filesystem::path inbox;
  std::string program_version;
};

// What the screen shows and how its last intake went, from the main loop.
struct ScreenReport {
  std::shared_ptr<const agenda::Agenda> agenda;  // the accepted agenda (without overrides)
  std::string agenda_source;                     // where it came from
  DiagnosticList load_diagnostics;  // the last rejection's errors, else the agenda's warnings
  bool load_ok = true;              // false after a rejected file, until one is accepted
  // Whether the screen's clock can be believed: "trusted", "not-trusted", "rehearsal" (it runs
  // on a time of its own) or "unknown" (not judged); and the kiosk's sentence for it.
  std::string clock_trust = "unknown";
  std::string clock_summary;
};

// What the organizer assigned this screen on its settings topic (`ijlas-venue assign`).
struct ScreenAssignment {
  std::string room;      // a room id for a room-door screen; empty: the whole venue
  std::string language;  // "ur" or "en"
  std::string name;      // the screen's place ("Lobby 1"), for the organizer's table and page
  // Hours the screen is dark ("22:00-07:00", "" never); none: [display] screen_off. The kiosk
  // reads the span (live/screen_schedule.hpp).
  std::optional<std::string> screen_off = std::nullopt;
  // How the panel is mounted (0, 90, 180 or 270 degrees clockwise); none: --rotate / [display].
  std::optional<int> rotation = std::nullopt;
  friend bool operator==(const ScreenAssignment&, const ScreenAssignment&) = default;
};

// {"room": "hall", "language": "en", "name": "Lobby 1", "screen_off": "22:00-07:00",
// "rotation": 90}: every key
// optional (no room: the whole venue; no language: Urdu). Empty with the reason in `error` when
// it is not such a document.
std::optional<ScreenAssignment> parse_assignment(std::string_view bytes, std::string& error);
// The document parse_assignment reads.
std::string assignment_json(const ScreenAssignment& assignment);

class VenueLink {
 public:
  // Starts connecting (and reconnecting, for ever) in the background.
  explicit VenueLink(LinkOptions options);
  // Leaves the broker with the last will, so the status says offline.
  ~VenueLink();
  VenueLink(const VenueLink&) = delete;
  VenueLink& operator=(const VenueLink&) = delete;

  // Non-empty when the link could not even start (the reason, for the log).
  const std::string& error() const { return error_; }
  // Publishes this screen's status when it changed, and every kStatusRefreshMs.
  void report(const ScreenReport& report, std::int64_t monotonic_ms);
  // A new assignment from the broker, once; empty when none came since the last call.
  std::optional<ScreenAssignment> take_assignment();
  // A request for a thumbnail (its id), once; empty when none came since the last call.
  std::optional<std::string> take_shot_request();
  // Publishes the PNG as this screen's retained thumbnail, answering `request`.
  void send_thumbnail(const std::string& png, const std::string& request);

 private:
  static void on_connect(mosquitto*, void* self, int rc, int flags,
                         const mqtt5__property* properties);
  static void on_disconnect(mosquitto*, void* self, int rc);
  static void on_message(mosquitto*, void* self, const mosquitto_message* message,
                         const mqtt5__property* properties);
  void connected(int rc);
  void received(const mosquitto_message& message);
  std::string status_json(bool online, std::int64_t monotonic_ms) const;  // mutex_ held
  void publish_status(std::int64_t monotonic_ms);                         // mutex_ held

  LinkOptions options_;
  VenueTopics topics_;
  std::string error_;
  mosquitto* client_ = nullptr;
  std::int64_t started_ms_ = -1;

  mutable std::mutex mutex_;  // the main loop's report against the network thread's connect
  std::string status_body_;   // the last status without its uptime: published when it changes
  std::string agenda_version_;
  const agenda::Agenda* versioned_ = nullptr;  // the agenda agenda_version_ is of
  ScreenReport report_;
  std::optional<ScreenAssignment> assignment_;  // from the network thread, not yet taken
  std::optional<std::string> shot_request_;     // the same
  std::int64_t last_status_ms_ = 0;
  int last_connect_rc_ = -1;  // to say each refusal once
};

}  // namespace ijlas::venue
