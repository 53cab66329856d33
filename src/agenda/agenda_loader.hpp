// The one entry point for reading an agenda of any format: detect the format, parse, validate,
// freeze. Only the reader program links it (the kiosk reads native JSON alone, native_agenda.hpp).
// Bad input never throws: it comes back as diagnostics with a file, line and column.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "agenda/format_detector.hpp"
#include "agenda/load_result.hpp"

namespace ijlas::agenda {

// `name` is how messages refer to the input (usually the path the user gave).
LoadResult load_agenda_bytes(const std::string& name, std::string_view bytes,
                             const LoadOptions& options = {});
// The same with the format fixed by the caller instead of detected (fuzzers, tests).
LoadResult load_agenda_bytes(const std::string& name, std::string_view bytes, AgendaFormat format,
                             const LoadOptions& options = {});
// The same, owning the bytes: they are freed once parsed (a JSON agenda's once its tree is built),
// so the file is never in memory with the agenda being checked and frozen, nor a JSON file with
// its tree and its draft (the reader program's input).
LoadResult load_agenda_taking_bytes(const std::string& name, std::string&& bytes,
                                    const LoadOptions& options = {});
LoadResult load_agenda_file(const std::filesystem::path& path, const LoadOptions& options = {});

}  // namespace ijlas::agenda
