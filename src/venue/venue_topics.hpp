// The venue's MQTT topics, all under one prefix per venue (README.md, "The venue broker"):
//   ijlas/<venue>/agenda                  retained: native agenda JSON (user properties
//                                         "version" and "source")
//   ijlas/<venue>/announcements           retained: an "ijlas_announcements" document
//   ijlas/<venue>/overrides               retained: an "ijlas_overrides" document
//   ijlas/<venue>/screens/<id>/settings   retained: {"room": …, "language": "ur" | "en"}
//   ijlas/<venue>/screens/<id>/status     retained, written by the screen alone (last will)
//   ijlas/<venue>/screens/<id>/announcements  retained: announcements for that screen alone
//   ijlas/<venue>/shots/request           not retained: every screen sends a thumbnail
//   ijlas/<venue>/screens/<id>/thumbnail  retained PNG, written by the screen alone (user
//                                         property "request": the request it answers)
//   ijlas/<venue>/organizers/<client>/echo  not retained: ijlas-venue's own marker, which ends
//                                         its wait for retained messages (BrokerSession)
#pragma once

#include <string>
#include <string_view>

namespace ijlas::venue {

// The MQTT v5 user properties that travel with an agenda.
inline constexpr const char* kVersionProperty = "version";
inline constexpr const char* kSourceProperty = "source";
// Which shot request a thumbnail answers: the request's payload.
inline constexpr const char* kRequestProperty = "request";

class VenueTopics {
 public:
  explicit VenueTopics(std::string_view venue) : prefix_("ijlas/" + std::string(venue) + "/") {}

  std::string agenda() const { return prefix_ + "agenda"; }
  std::string announcements() const { return prefix_ + "announcements"; }
  std::string overrides() const { return prefix_ + "overrides"; }
  std::string settings(std::string_view screen) const { return screen_topic(screen, "settings"); }
  std::string status(std::string_view screen) const { return screen_topic(screen, "status"); }
  std::string screen_announcements(std::string_view screen) const {
    return screen_topic(screen, "announcements");
  }
  std::string thumbnail(std::string_view screen) const { return screen_topic(screen, "thumbnail"); }
  std::string shot_request() const { return prefix_ + "shots/request"; }
  // Where an organizer's session echoes its own markers (BrokerSession::echo_under).
  std::string organizer_echoes() const { return prefix_ + "organizers/"; }
  // Every screen's status (settings, thumbnail...), for the organizer's table.
  std::string all_statuses() const { return all_screens("status"); }
  std::string all_screens(std::string_view leaf) const {
    return prefix_ + "screens/+/" + std::string(leaf);
  }
  // The screen id in one of the screen topics ("" for another topic).
  std::string screen_of(std::string_view topic) const {
    const std::string start = prefix_ + "screens/";
    if (!topic.starts_with(start)) return "";
    topic.remove_prefix(start.size());
    return std::string(topic.substr(0, topic.find('/')));
  }
  const std::string& prefix() const { return prefix_; }

 private:
  std::string screen_topic(std::string_view screen, std::string_view leaf) const {
    return prefix_ + "screens/" + std::string(screen) + "/" + std::string(leaf);
  }
  std::string prefix_;
};

}  // namespace ijlas::venue
