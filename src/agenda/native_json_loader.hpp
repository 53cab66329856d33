// The native format: one JSON object with conference, days, rooms, tracks, speakers and
// sessions; documented by assets/schema/ijlas-agenda.schema.json and in README.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

// Empty when the document cannot be read at all; otherwise the draft, with any errors about
// single entries in `diagnostics`.
std::optional<AgendaDraft> load_native_json(std::string_view bytes, const std::string& file,
                                            DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
