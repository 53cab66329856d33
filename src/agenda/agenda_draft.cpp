#include "agenda/agenda_draft.hpp"

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

bool AgendaDraft::add_speaker_once(Speaker speaker) {
  if (!speaker_ids_.insert(speaker.id).second) return false;
  data.speakers.push_back(std::move(speaker));
  return true;
}

}  // namespace ijlas::agenda
