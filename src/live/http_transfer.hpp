// One HTTP(S) GET of the schedule URL with libcurl: what the fetcher's child process
// (`ijlas-fetch`) does, so that the network's bytes (TLS, HTTP, compressed bodies) are read where
// a failure cannot hurt, and the kiosk itself never loads libcurl and its TLS stack.
#pragma once

#include <cstdint>
#include <string>

#include "live/schedule_fetcher.hpp"

namespace ijlas::live {

struct HttpGet {
  std::string url;
  std::string if_none_match;      // sent when not empty
  std::string if_modified_since;  // sent when not empty
  std::int64_t timeout_ms = 30'000;
};

// A 2xx is kChanged with its body and validators, a 304 kNotModified, anything else kFailed
// with what went wrong. A body over kMaxAgendaFileBytes is refused while it arrives.
FetchResult http_get(const HttpGet& request);

}  // namespace ijlas::live
