#include "venue/inbox_drop.hpp"

#include <fstream>
#include <iterator>

#include "core/write_file.hpp"

namespace ijlas::venue {

bool drop_into_inbox(const std::filesystem::path& inbox, const std::string& name,
                     std::string_view bytes, std::string& error) {
  error = write_whole_file(inbox / name, bytes);
  return error.empty();
}

bool inbox_holds(const std::filesystem::path& inbox, const std::string& name,
                 std::string_view bytes) {
  std::ifstream in(inbox / name, std::ios::binary);
  if (!in) return false;
  const std::string held{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return held == bytes;
}

}  // namespace ijlas::venue
