// What reading an agenda ends with, whatever its format: the draft a parser made is checked
// against the model's limits, given its zone and days, validated and frozen into the agenda.
// Shared by the reader of every format (agenda_loader.hpp) and the kiosk's native one
// (native_agenda.hpp).
#pragma once

#include <cstddef>
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
// The draft of one input, from the format's parser; `venue` is the venue's zone, when known.
using DraftParser =
    std::function<std::optional<AgendaDraft>(const TimeZone* venue, DiagnosticList& diagnostics)>;
// Reads an input of `size` bytes in `format` with `parse`: an input larger than
// kMaxAgendaFileBytes is refused, the venue's zone of `options` found (a warning when unknown),
// and the draft checked, given its zone and days, validated and frozen (none: the file could not
// be read at all).
LoadResult load_draft(const std::string& name, std::size_t size, AgendaFormat format,
                      const LoadOptions& options, const DraftParser& parse);

using BytesLoader =
    std::function<LoadResult(const std::string& name, std::string_view, const LoadOptions&)>;
// Reads the file (up to kMaxAgendaFileBytes) and loads its bytes with `load`; a file that cannot
// be read is an unreadable result naming it.
LoadResult load_file_with(const std::filesystem::path& path, const LoadOptions& options,
                          const BytesLoader& load);

}  // namespace ijlas::agenda
