// Sessionize's "All" export (API view/All): sessions, speakers, rooms and categories in lists,
// linked by id. Its times are floating wall times (`startsAt`), read in the venue's zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"

namespace ijlas::agenda {

// `venue_zone` is the IANA zone the floating times are read in; a warning names it.
std::optional<AgendaDraft> load_sessionize(std::string_view bytes, const std::string& file,
                                           std::string_view venue_zone,
                                           DiagnosticList& diagnostics);
// The same from the parsed document, so that a caller may free the bytes first.
std::optional<AgendaDraft> load_sessionize(const json::Value& root, const std::string& file,
                                           std::string_view venue_zone,
                                           DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
