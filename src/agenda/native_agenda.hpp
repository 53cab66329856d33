// The one format the kiosk reads itself: native JSON, which is what the bundled agenda, the last
// good agenda and the reader program's answers are written in. Every other format, and any file
// from outside, is read by the reader program (live/sandboxed_parse.hpp), so that the kiosk links
// none of the foreign formats' parsers.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "agenda/load_result.hpp"

namespace ijlas::agenda {

LoadResult load_native_agenda(const std::string& name, std::string_view bytes,
                              const LoadOptions& options = {});
LoadResult load_native_agenda_file(const std::filesystem::path& path,
                                   const LoadOptions& options = {});

}  // namespace ijlas::agenda
