#include "app/whole_file.hpp"

#include <fstream>

namespace ijlas::app {

bool write_whole_file(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path temporary =
      path.parent_path() / ("." + path.filename().string() + ".new");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return false;
  }
  std::error_code failed;
  std::filesystem::rename(temporary, path, failed);
  if (failed) std::filesystem::remove(temporary, failed);
  return !failed;
}

}  // namespace ijlas::app
