// frab / Pentabarf / pretalx schedule.xml (voc/schedule validator/xsd/schedule.xml.xsd), read as
// a stream: one small tree per event, so memory stays near the size of the file.
// DTDs are refused, so no entity is ever expanded and nothing is fetched from the network.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

std::optional<AgendaDraft> load_frab_xml(std::string_view bytes, const std::string& file,
                                         DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
