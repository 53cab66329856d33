#include "venue/agenda_version.hpp"

#include <cstdint>
#include <cstdio>

#include "agenda/native_json_writer.hpp"

namespace ijlas::venue {

std::string content_version(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

std::string agenda_version(const agenda::Agenda& agenda) {
  return content_version(agenda::write_native_json(agenda));
}

}  // namespace ijlas::venue
