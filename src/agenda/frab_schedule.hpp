// frab / Pentabarf / pretalx schedules, in both their forms:
// - schedule.json (voc/schedule validator/json/schema.json):
//   schedule.conference.days[].rooms{room: [event…]};
// - schedule.xml (voc/schedule validator/xsd/schedule.xml.xsd), read as a stream: one small tree
//   per event, so memory stays near the size of the file. DTDs are refused, so no entity is ever
//   expanded and nothing is fetched from the network.
// The events of both are read by frab_event.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"

namespace ijlas::agenda {

// Times without an offset in a schedule that names no zone are read in venue_zone (may be null).
std::optional<AgendaDraft> load_frab_json(std::string_view bytes, const std::string& file,
                                          DiagnosticList& diagnostics,
                                          const TimeZone* venue_zone = nullptr);
// The same from the parsed document, so that a caller may free the bytes first.
std::optional<AgendaDraft> load_frab_json(const json::Value& root, const std::string& file,
                                          DiagnosticList& diagnostics,
                                          const TimeZone* venue_zone = nullptr);
std::optional<AgendaDraft> load_frab_xml(std::string_view bytes, const std::string& file,
                                         DiagnosticList& diagnostics,
                                         const TimeZone* venue_zone = nullptr);

}  // namespace ijlas::agenda
