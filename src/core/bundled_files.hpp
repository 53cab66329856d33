// Where the bundled fonts and assets are, for a program run from the build tree or installed
// under a prefix (PREFIX/bin/ijlas reads PREFIX/share/ijlas/fonts and PREFIX/share/ijlas/assets).
#pragma once

#include <filesystem>
#include <string_view>

namespace ijlas {

// PREFIX/share/ijlas/NAME for a program at PREFIX/bin/PROGRAM, or empty when that folder does
// not exist (a program in the build tree).
std::filesystem::path installed_dir(const std::filesystem::path& program, std::string_view name);

// The folder named by the environment variable when set, else the installed one beside the
// running program, else `build_tree` (compiled in).
std::filesystem::path bundled_dir(const char* variable, std::string_view name,
                                  const std::filesystem::path& build_tree);

}  // namespace ijlas
