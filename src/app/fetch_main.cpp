// ijlas-fetch URL TIMEOUT_MS IF_NONE_MATCH IF_MODIFIED_SINCE: one conditional GET of the schedule
// URL, answered on standard output as live::fetch_answer writes it. The kiosk starts it for each
// fetch as a limited child (live/schedule_fetcher.hpp); it is not meant to be run by hand.
#include <cstdlib>
#include <iostream>
#include <string>

#include <unistd.h>

#include "live/http_transfer.hpp"
#include "live/limited_child.hpp"
#include "live/schedule_fetcher.hpp"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr
        << "usage: ijlas-fetch URL TIMEOUT_MS IF_NONE_MATCH IF_MODIFIED_SINCE (run by ijlas)\n";
    return 2;
  }
  ijlas::live::HttpGet request;
  request.url = argv[1];
  request.timeout_ms = std::strtoll(argv[2], nullptr, 10);
  request.if_none_match = argv[3];
  request.if_modified_since = argv[4];
  if (request.timeout_ms <= 0) request.timeout_ms = 30'000;
  const ijlas::live::FetchResult result = ijlas::live::http_get(request);
  return ijlas::live::write_all(STDOUT_FILENO, ijlas::live::fetch_answer(result)) ? 0 : 1;
}
