// OPass session.json (COSCUP, SITCON, PyCon TW): sessions, speakers, rooms, session types and
// tags in lists linked by id, each text as {"zh": {…}, "en": {…}}, times with their offset.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"

namespace ijlas::agenda {

std::optional<AgendaDraft> load_opass(std::string_view bytes, const std::string& file,
                                      DiagnosticList& diagnostics);
// The same from the parsed document, so that a caller may free the bytes first.
std::optional<AgendaDraft> load_opass(const json::Value& root, const std::string& file,
                                      DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
