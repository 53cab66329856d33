// frab and pretalx schedule.json (voc/schedule validator/json/schema.json):
// schedule.conference.days[].rooms{room: [event…]}.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

std::optional<AgendaDraft> load_frab_json(std::string_view bytes, const std::string& file,
                                          DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
