// Putting a payload into the kiosk's inbox the way a careful person drops a file: written whole
// (core/write_file.hpp: a dot file the inbox ignores, flushed, then renamed to NAME), so that the
// inbox only ever sees whole files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ijlas::venue {

// false with the reason in `error`; the old NAME is then untouched.
bool drop_into_inbox(const std::filesystem::path& inbox, const std::string& name,
                     std::string_view bytes, std::string& error);
// Whether NAME in the inbox holds exactly `bytes` (a retained message that comes again).
bool inbox_holds(const std::filesystem::path& inbox, const std::string& name,
                 std::string_view bytes);

}  // namespace ijlas::venue
