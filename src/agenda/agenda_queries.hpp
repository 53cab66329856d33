// The questions the kiosk asks of an agenda. Results are pointers into the Agenda, valid as
// long as the snapshot is held, in time order (start, then room, then id).
#pragma once

#include <string_view>
#include <vector>

#include "agenda/agenda.hpp"

namespace ijlas::agenda {

// Sessions of days()[day_index], including those after midnight that belong to that day.
std::vector<const Session*> sessions_of_day(const Agenda& agenda, std::size_t day_index);
std::vector<const Session*> sessions_in_room(const Agenda& agenda, std::string_view room_id);
// Sessions with start <= at < end (cancelled ones included; the caller shows their status).
std::vector<const Session*> sessions_running_at(const Agenda& agenda, std::int64_t at_utc_seconds);
// The first session in the room that starts after the instant, or nullptr.
const Session* next_session_in_room(const Agenda& agenda, std::string_view room_id,
                                    std::int64_t after_utc_seconds);
std::vector<const Session*> sessions_of_speaker(const Agenda& agenda, std::string_view speaker_id);

}  // namespace ijlas::agenda
