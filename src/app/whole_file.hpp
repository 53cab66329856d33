// Writing a file that a reader (another process, the USB stick's report) must never see half
// written: a temporary beside it, then renamed over the name.
#pragma once

#include <filesystem>
#include <string>

namespace ijlas::app {

// false when it could not be written; the old file is then untouched.
bool write_whole_file(const std::filesystem::path& path, const std::string& text);

}  // namespace ijlas::app
