// The venue's MQTT topics, all under one prefix per venue (README.md, "The venue broker"):
//   ijlas/<venue>/agenda                  retained: native agenda JSON (user properties
//                                         "version" and "source")
//   ijlas/<venue>/announcements           retained: an "ijlas_announcements" document
//   ijlas/<venue>/overrides               retained: an "ijlas_overrides" document
//   ijlas/<venue>/screens/<id>/settings   retained: {"room": …, "language": "ur" | "en"}
//   ijlas/<venue>/screens/<id>/status     retained, written by the screen alone (last will)
#pragma once

#include <string>
#include <string_view>

namespace ijlas::venue {

// The MQTT v5 user properties that travel with an agenda.
inline constexpr const char* kVersionProperty = "version";
inline constexpr const char* kSourceProperty = "source";

class VenueTopics {
 public:
  explicit VenueTopics(std::string_view venue) : prefix_("ijlas/" + std::string(venue) + "/") {}

  std::string agenda() const { return prefix_ + "agenda"; }
  std::string announcements() const { return prefix_ + "announcements"; }
  std::string overrides() const { return prefix_ + "overrides"; }
  std::string settings(std::string_view screen) const { return screen_topic(screen, "settings"); }
  std::string status(std::string_view screen) const { return screen_topic(screen, "status"); }
  // Every screen's status, for the organizer's table.
  std::string all_statuses() const { return prefix_ + "screens/+/status"; }
  const std::string& prefix() const { return prefix_; }

 private:
  std::string screen_topic(std::string_view screen, std::string_view leaf) const {
    return prefix_ + "screens/" + std::string(screen) + "/" + std::string(leaf);
  }
  std::string prefix_;
};

}  // namespace ijlas::venue
