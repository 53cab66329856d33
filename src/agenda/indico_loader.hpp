// Indico's HTTP export (`/export/event/N.json?detail=contributions`): one event under "results"
// with its contributions; each time is a {date, time, tz} object in the zone it names.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"

namespace ijlas::agenda {

// Contributions without a room (online events, unassigned slots) share one venue-wide room.
inline constexpr std::string_view kIndicoVenueRoomId = "venue";

std::optional<AgendaDraft> load_indico(std::string_view bytes, const std::string& file,
                                       DiagnosticList& diagnostics);
// The same from the parsed document, so that a caller may free the bytes first.
std::optional<AgendaDraft> load_indico(const json::Value& root, const std::string& file,
                                       DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
