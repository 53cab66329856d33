#include "live/schedule_fetcher.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <limits>

#include "agenda/agenda_loader.hpp"
#include "core/utf8.hpp"

#ifndef IJLAS_VERSION
#define IJLAS_VERSION "dev"
#endif

namespace ijlas::live {
namespace {

constexpr std::int64_t kInFlightCheckMs = 250;  // how often the loop looks for a finished fetch

struct Transfer {
  std::string body;
  std::string etag;
  std::string last_modified;
  bool too_large = false;
  const bool* stop = nullptr;
  std::mutex* mutex = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  if (transfer->body.size() + bytes > agenda::kMaxAgendaFileBytes) {
    transfer->too_large = true;
    return 0;  // aborts the transfer
  }
  transfer->body.append(data, bytes);
  return bytes;
}

using utf8::trimmed;

bool header_is(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
  }
  return true;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after a redirect): forget the last one's
    transfer->etag.clear();
    transfer->last_modified.clear();
  } else if (header_is(line, "etag")) {
    transfer->etag = trimmed(line.substr(5));
  } else if (header_is(line, "last-modified")) {
    transfer->last_modified = trimmed(line.substr(14));
  }
  return size * count;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* transfer = static_cast<Transfer*>(user);
  std::lock_guard lock(*transfer->mutex);
  return *transfer->stop ? 1 : 0;  // non-zero aborts
}

void initialize_curl_once() {
  static const bool initialized = [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    return true;
  }();
  (void)initialized;
}

}  // namespace

std::string if_none_match_value(const std::string& etag, bool quoted) {
  std::string_view tag = etag;
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    tag = tag.substr(1, tag.size() - 2);
  return quoted ? "\"" + std::string(tag) + "\"" : std::string(tag);
}

ScheduleFetcher::ScheduleFetcher(FetchOptions options)
    : options_(std::move(options)), random_(std::random_device{}()) {
  initialize_curl_once();
  worker_ = std::thread([this] { run(); });
}

ScheduleFetcher::~ScheduleFetcher() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

std::int64_t ScheduleFetcher::jittered(std::int64_t ms, double low, double high) {
  std::uniform_real_distribution<double> factor(low, high);
  return static_cast<std::int64_t>(static_cast<double>(ms) * factor(random_));
}

std::optional<FetchResult> ScheduleFetcher::poll(std::int64_t monotonic_ms) {
  std::optional<FetchResult> finished;
  {
    std::lock_guard lock(mutex_);
    if (in_flight_ && result_) {
      finished = std::move(result_);
      result_.reset();
    }
  }
  if (finished) {
    in_flight_ = false;
    if (finished->kind == FetchResult::Kind::kFailed) {
      ++failures_;
      const int doublings = std::min(failures_ - 1, 20);
      const std::int64_t backoff =
          std::min(options_.interval_ms << doublings,
                   std::max(options_.max_backoff_ms, options_.interval_ms));
      due_ms_ = monotonic_ms + jittered(backoff, 0.75, 1.25);
    } else {
      failures_ = 0;
      if (finished->kind == FetchResult::Kind::kChanged) {
        // The server ignored a bare tag and sent it again: it wants quotes.
        if (!sent_etag_.empty() && !validators_.quote_etag &&
            if_none_match_value(finished->etag, false) == sent_etag_) {
          validators_.quote_etag = true;
        }
        validators_.etag = finished->etag;
        validators_.last_modified = finished->last_modified;
      }
      due_ms_ = monotonic_ms + jittered(options_.interval_ms, 0.9, 1.1);
    }
  }
  if (!in_flight_ && (due_ms_ < 0 || monotonic_ms >= due_ms_)) {
    in_flight_ = true;
    sent_etag_ = validators_.etag.empty()
                     ? std::string()
                     : if_none_match_value(validators_.etag, validators_.quote_etag);
    {
      std::lock_guard lock(mutex_);
      request_ = validators_;
    }
    wake_.notify_all();
  }
  return finished;
}

std::int64_t ScheduleFetcher::next_wakeup_ms() const {
  if (in_flight_) return due_ms_ < 0 ? kInFlightCheckMs : std::max(due_ms_, std::int64_t{0});
  return due_ms_ < 0 ? 0 : due_ms_;
}

void ScheduleFetcher::run() {
  for (;;) {
    Validators validators;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || request_.has_value(); });
      if (stop_) return;
      validators = std::move(*request_);
      request_.reset();
    }
    FetchResult result = fetch(validators);
    std::lock_guard lock(mutex_);
    result_ = std::move(result);
  }
}

FetchResult ScheduleFetcher::fetch(const Validators& validators) {
  FetchResult result;
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    result.error = "libcurl could not start a transfer";
    return result;
  }
  Transfer transfer;
  transfer.stop = &stop_;
  transfer.mutex = &mutex_;
  curl_slist* headers = nullptr;
  if (!validators.etag.empty()) {
    headers = curl_slist_append(
        headers,
        ("If-None-Match: " + if_none_match_value(validators.etag, validators.quote_etag)).c_str());
  }
  if (!validators.last_modified.empty()) {
    headers =
        curl_slist_append(headers, ("If-Modified-Since: " + validators.last_modified).c_str());
  }
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "ijlas/" IJLAS_VERSION);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);

  const CURLcode code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.http_status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);

  if (code != CURLE_OK) {
    result.error = transfer.too_large ? "the answer is larger than 64 MiB"
                   : error[0]         ? std::string(error)
                                      : std::string(curl_easy_strerror(code));
    return result;
  }
  if (result.http_status == 304) {
    result.kind = FetchResult::Kind::kNotModified;
  } else if (result.http_status >= 200 && result.http_status < 300) {
    result.kind = FetchResult::Kind::kChanged;
    result.body = std::move(transfer.body);
    result.etag = std::move(transfer.etag);
    result.last_modified = std::move(transfer.last_modified);
  } else {
    result.error = "the server answered HTTP " + std::to_string(result.http_status);
  }
  return result;
}

}  // namespace ijlas::live
