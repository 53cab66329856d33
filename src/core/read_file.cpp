#include "core/read_file.hpp"

#include <fstream>
#include <system_error>

namespace ijlas {

FileBytes read_file(const std::filesystem::path& path, std::size_t limit) {
  FileBytes file;
  std::error_code error;
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path, error)) return file;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    file.bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (file.bytes.size() > limit) break;
  }
  file.status = in.bad() ? FileRead::kReadFailed : FileRead::kRead;
  return file;
}

}  // namespace ijlas
