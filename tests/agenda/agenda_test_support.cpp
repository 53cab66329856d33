#include "agenda_test_support.hpp"
#include "shared_files.hpp"

#include <gtest/gtest.h>

#include "core/read_file.hpp"

namespace ijlas::agenda::testing {

std::string shared_schedule(std::string_view file_name) {
  return shared_file("schedules/" + std::string(file_name));
}

std::string default_agenda_path() {
  return std::string(IJLAS_ASSET_DIR) + "/agenda/islamabad-2025.json";
}

std::string agenda_test_data(std::string_view file_name) {
  return std::string(IJLAS_TEST_DATA_DIR) + "/agenda/data/" + std::string(file_name);
}

LoadResult load_text(std::string_view text, const std::string& name, const LoadOptions& options) {
  return load_agenda_bytes(name, text, options);
}

LoadResult load_data(std::string_view file_name, const LoadOptions& options) {
  return load_agenda_bytes(std::string(file_name), read_file(agenda_test_data(file_name)).bytes,
                           options);
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
