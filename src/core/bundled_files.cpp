#include "core/bundled_files.hpp"

#include <cstdlib>
#include <system_error>

namespace ijlas {

std::filesystem::path installed_dir(const std::filesystem::path& program, std::string_view name) {
  const std::filesystem::path dir = program.parent_path().parent_path() / "share" / "ijlas" / name;
  std::error_code error;
  return std::filesystem::is_directory(dir, error) ? dir : std::filesystem::path();
}

std::filesystem::path bundled_dir(const char* variable, std::string_view name,
                                  const std::filesystem::path& build_tree) {
  if (const char* named = std::getenv(variable); named != nullptr && *named != '\0') return named;
  std::error_code error;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    if (std::filesystem::path installed = installed_dir(program, name); !installed.empty()) {
      return installed;
    }
  }
  return build_tree;
}

}  // namespace ijlas
