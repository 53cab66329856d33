#include "agenda/agenda_draft.hpp"

#include <algorithm>
#include <unordered_map>

namespace ijlas::agenda {

bool AgendaDraft::add_room_once(const std::string& id, const LocalizedText& name) {
  if (!room_ids_.insert(id).second) return false;
  data.rooms.push_back({id, name});
  return true;
}

bool AgendaDraft::add_track_once(const std::string& id, const LocalizedText& name,
                                 const std::string& color) {
  if (!track_ids_.insert(id).second) return false;
  data.tracks.push_back({id, name, color});
  return true;
}

std::string AgendaDraft::whole_venue_room() {
  std::string id(kWholeVenueRoomId);
  add_room_once(id, {"پورا مقام", "Whole venue"});
  return id;
}

bool AgendaDraft::add_speaker_once(Speaker speaker) {
  if (!speaker_ids_.insert(speaker.id).second) return false;
  data.speakers.push_back(std::move(speaker));
  return true;
}

namespace {

constexpr std::size_t kListedPlaces = 8;  // a warning names this many lines, then a count

std::string places_of(const std::vector<const SourcePosition*>& places) {
  std::string text;
  const std::size_t listed = std::min(places.size(), kListedPlaces);
  for (std::size_t i = 0; i < listed; ++i) {
    if (i > 0) text += i + 1 == places.size() ? " and " : ", ";
    text += std::to_string(places[i]->line);
  }
  if (places.size() > listed) text += " and " + std::to_string(places.size() - listed) + " more";
  return text;
}

}  // namespace

void AgendaDraft::keep_repeated_ids_apart(DiagnosticList& diagnostics) {
  std::vector<Session>& sessions = data.sessions;
  std::unordered_map<std::string, std::vector<std::size_t>> uses;
  std::vector<std::string> repeated;  // in the order of their first use
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    std::vector<std::size_t>& indices = uses[sessions[i].id];
    indices.push_back(i);
    if (indices.size() == 2) repeated.push_back(sessions[i].id);
  }
  for (const std::string& id : repeated) {
    const std::vector<std::size_t>& indices = uses[id];
    std::vector<const SourcePosition*> places;
    std::string renamed;
    int suffix = 1;
    for (std::size_t k = 0; k < indices.size(); ++k) {
      places.push_back(&session_sources[indices[k]].session);
      if (k == 0) continue;
      std::string derived;
      do {
        derived = id + "-" + std::to_string(++suffix);
      } while (uses.count(derived));
      uses[derived].push_back(indices[k]);
      if (k <= kListedPlaces) renamed += (k > 1 ? ", " : "") + quoted(derived);
      sessions[indices[k]].id = std::move(derived);
    }
    if (indices.size() > kListedPlaces + 1) renamed += "…";
    // A workbook's positions are rows of a sheet; every other format's are lines of a file.
    const char* unit = places.front()->sheet().empty() ? " events (lines " : " events (rows ";
    diagnostics.warning(*places.front(),
                        "session id " + quoted(id) + " is used by " +
                            std::to_string(indices.size()) + unit + places_of(places) +
                            "): all are kept, the later ones as " + renamed +
                            "; give each event its own id so that changes reach the right one");
  }
}

}  // namespace ijlas::agenda
