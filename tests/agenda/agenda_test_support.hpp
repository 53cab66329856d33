// Shared by the agenda tests: where the real schedules are, and short ways to load and inspect.
#pragma once

#include <string>
#include <string_view>

#include "agenda/agenda_loader.hpp"

namespace ijlas::agenda::testing {

std::string shared_schedule(std::string_view file_name);   // ${IJLAS_SHARED_DIR}/schedules/…
std::string default_agenda_path();                         // ${IJLAS_ASSET_DIR}/agenda/…
std::string agenda_test_data(std::string_view file_name);  // tests/agenda/data/…

LoadResult load_text(std::string_view text, const std::string& name = "agenda.json",
                     const LoadOptions& options = {});
// A file of tests/agenda/data, named in messages by its file name alone.
LoadResult load_data(std::string_view file_name, const LoadOptions& options = {});
// All diagnostics, one per line, as the tool prints them.
std::string messages(const LoadResult& result);
// Seconds since the epoch of an ISO 8601 date-time with offset; the test fails on bad input.
std::int64_t utc(std::string_view iso);

}  // namespace ijlas::agenda::testing
