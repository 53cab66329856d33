#include "agenda_test_support.hpp"
#include "shared_files.hpp"

#include <gtest/gtest.h>

namespace ijlas::agenda::testing {

std::string shared_schedule(std::string_view file_name) {
  return shared_file("schedules/" + std::string(file_name));
}

std::string default_agenda_path() {
  return std::string(IJLAS_ASSET_DIR) + "/agenda/islamabad-2025.json";
}

LoadResult load_text(std::string_view text, const std::string& name) {
  return load_agenda_bytes(name, text);
}

std::string messages(const LoadResult& result) {
  std::string out;
  for (const Diagnostic& diagnostic : result.diagnostics.items()) {
    out += format_diagnostic(diagnostic) + "\n";
  }
  return out;
}

std::int64_t utc(std::string_view iso) {
  const auto parsed = time::parse_date_time(iso);
  EXPECT_TRUE(parsed && parsed->offset_seconds) << iso;
  if (!parsed || !parsed->offset_seconds) return 0;
  return parsed->local.local_seconds() - *parsed->offset_seconds;
}

}  // namespace ijlas::agenda::testing
