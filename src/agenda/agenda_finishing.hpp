// What reading an agenda ends with, whatever its format: the draft a parser made is checked
// against the model's limits, given its zone and days, validated and frozen into the agenda.
// Shared by the reader of every format (agenda_loader.hpp) and the kiosk's native one
// (native_agenda.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "agenda/load_result.hpp"
#include "agenda/time_zone.hpp"

namespace ijlas::agenda {

// The result for an input larger than kMaxAgendaFileBytes.
LoadResult refuse_size(const std::string& name);
// The venue's zone that `options` names; empty, with a warning, when no such zone is known.
std::optional<TimeZone> venue_zone_of(const std::string& name, const LoadOptions& options,
                                      DiagnosticList& diagnostics);
// Sets `result` from the parser's draft (none: the file could not be read at all). `venue` is
// the zone of a schedule that declares none.
void finish_load(std::optional<AgendaDraft> draft, AgendaFormat format, const std::string& name,
                 const TimeZone* venue, LoadResult& result);

using BytesLoader =
    std::function<LoadResult(const std::string& name, std::string_view, const LoadOptions&)>;
// Reads the file (up to kMaxAgendaFileBytes) and loads its bytes with `load`; a file that cannot
// be read is an unreadable result naming it.
LoadResult load_file_with(const std::filesystem::path& path, const LoadOptions& options,
                          const BytesLoader& load);

}  // namespace ijlas::agenda
