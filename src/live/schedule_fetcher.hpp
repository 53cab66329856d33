// The schedule URL (a pretalx or frab export), fetched again every poll interval by a disposable
// child process (`ijlas-fetch`, live/http_transfer.hpp) under limits, so that the kiosk's loop
// never waits for the network and the kiosk never reads the network's bytes itself. Conditional
// requests keep it cheap: the ETag goes back in If-None-Match and Last-Modified in
// If-Modified-Since, and a 304 means nothing changed. Failures (no network, a timeout, an HTTP
// error, a child that crashed) are retried sooner at first and then less and less often, with
// jitter so that many kiosks do not call at once.
//
// pretalx compares If-None-Match with its ETag without the quotes, so the tag is first sent
// bare; a server that answers 200 with the very tag sent gets it quoted from then on (RFC 9110).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "live/limited_child.hpp"

namespace ijlas::live {

inline constexpr const char* kFetchProgram = "ijlas-fetch";

// The fetch program beside this one (bin/ijlas-fetch beside bin/ijlas).
std::string fetch_program();

struct FetchOptions {
  std::string url;
  std::int64_t interval_ms = 300'000;  // between fetches while the server answers
  std::int64_t timeout_ms = 30'000;    // a whole transfer, connection included
  std::int64_t max_backoff_ms = 1'800'000;
  std::string program = fetch_program();  // started for each fetch: ijlas-fetch
};

struct FetchResult {
  enum class Kind { kChanged, kNotModified, kFailed };
  Kind kind = Kind::kFailed;
  long http_status = 0;       // 0 when no answer came
  std::string body;           // kChanged
  std::string etag;           // kChanged: the validators the server sent with it
  std::string last_modified;  // kChanged
  std::string error;          // kFailed: what went wrong, for the log and the service panel
};

class ScheduleFetcher {
 public:
  explicit ScheduleFetcher(FetchOptions options);
  ~ScheduleFetcher();  // a fetch in flight is killed
  ScheduleFetcher(const ScheduleFetcher&) = delete;
  ScheduleFetcher& operator=(const ScheduleFetcher&) = delete;

  // From the loop: starts a fetch when one is due and returns a finished one, if any.
  std::optional<FetchResult> poll(std::int64_t monotonic_ms);
  // When poll() should run next (a due fetch, or a check on one in flight).
  std::int64_t next_wakeup_ms() const;
  int consecutive_failures() const { return failures_; }

 private:
  struct Validators {
    std::string etag;  // as the server sent it
    std::string last_modified;
    bool quote_etag = false;  // the server ignored the bare tag
  };
  void start_fetch();
  std::int64_t jittered(std::int64_t ms, double low, double high);

  FetchOptions options_;
  std::mt19937 random_;
  std::int64_t due_ms_ = -1;  // -1: at the first poll
  std::int64_t polled_ms_ = 0;
  int failures_ = 0;
  Validators validators_;
  std::string sent_etag_;  // the If-None-Match of the fetch in flight

  std::mutex mutex_;                     // guards outcome_, set on the child's waiting thread
  std::optional<ChildOutcome> outcome_;  // of the fetch in flight, once it finished
  std::unique_ptr<LimitedChild> child_;  // the fetch in flight; declared last, destroyed first
};

// The If-None-Match value for a stored ETag: bare (W/ and quotes removed) or quoted.
std::string if_none_match_value(const std::string& etag, bool quoted);

// What ijlas-fetch answers on its standard output: a JSON line with the kind, status, validators
// and error, then the body. read_fetch_answer gives nothing for an answer that is not one.
std::string fetch_answer(const FetchResult& result);
std::optional<FetchResult> read_fetch_answer(std::string_view answer);

}  // namespace ijlas::live
