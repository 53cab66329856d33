#include "live/schedule_fetcher.hpp"

#include <algorithm>
#include <filesystem>

#include "agenda/load_result.hpp"
#include "core/json_value.hpp"

namespace ijlas::live {
namespace {

constexpr std::int64_t kInFlightCheckMs = 250;  // how often the loop looks for a finished fetch
constexpr std::size_t kAnswerHeaderBytes = std::size_t{64} << 10;  // the answer's JSON line

const char* kind_word(FetchResult::Kind kind) {
  switch (kind) {
    case FetchResult::Kind::kChanged:
      return "changed";
    case FetchResult::Kind::kNotModified:
      return "not-modified";
    case FetchResult::Kind::kFailed:
      break;
  }
  return "failed";
}

}  // namespace

std::string if_none_match_value(const std::string& etag, bool quoted) {
  std::string_view tag = etag;
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    tag = tag.substr(1, tag.size() - 2);
  return quoted ? "\"" + std::string(tag) + "\"" : std::string(tag);
}

std::string fetch_program() {
  return program_beside(kFetchProgram);
}

std::string fetch_answer(const FetchResult& result) {
  return "{\"kind\":" + json::quote(kind_word(result.kind)) +
         ",\"status\":" + std::to_string(result.http_status) +
         ",\"etag\":" + json::quote(result.etag) +
         ",\"last_modified\":" + json::quote(result.last_modified) +
         ",\"error\":" + json::quote(result.error) + "}\n" + result.body;
}

std::optional<FetchResult> read_fetch_answer(std::string_view answer) {
  const std::size_t end = answer.find('\n');
  if (end == std::string_view::npos) return std::nullopt;
  const json::ParseResult parsed = json::parse(answer.substr(0, end));
  if (!parsed.value || !parsed.value->is_object()) return std::nullopt;
  const json::Value& root = *parsed.value;
  const json::Value *kind = root.find("kind"), *status = root.find("status"),
                    *etag = root.find("etag"), *last_modified = root.find("last_modified"),
                    *error = root.find("error");
  if (!kind || !kind->is_string() || !status || !status->is_number() || !etag ||
      !etag->is_string() || !last_modified || !last_modified->is_string() || !error ||
      !error->is_string()) {
    return std::nullopt;
  }
  FetchResult result;
  if (kind->text() == "changed") {
    result.kind = FetchResult::Kind::kChanged;
  } else if (kind->text() == "not-modified") {
    result.kind = FetchResult::Kind::kNotModified;
  } else if (kind->text() != "failed") {
    return std::nullopt;
  }
  result.http_status = static_cast<long>(status->as_number());
  result.etag = etag->text();
  result.last_modified = last_modified->text();
  result.error = error->text();
  if (result.kind == FetchResult::Kind::kFailed && result.error.empty()) return std::nullopt;
  result.body = std::string(answer.substr(end + 1));
  return result;
}

ScheduleFetcher::ScheduleFetcher(FetchOptions options)
    : options_(std::move(options)), random_(std::random_device{}()) {}

ScheduleFetcher::~ScheduleFetcher() = default;

std::int64_t ScheduleFetcher::jittered(std::int64_t ms, double low, double high) {
  std::uniform_real_distribution<double> factor(low, high);
  return static_cast<std::int64_t>(static_cast<double>(ms) * factor(random_));
}

void ScheduleFetcher::start_fetch() {
  sent_etag_ = validators_.etag.empty()
                   ? std::string()
                   : if_none_match_value(validators_.etag, validators_.quote_etag);
  // The child has the transfer's own timeout and a few seconds more to start and answer.
  const ReaderLimits limits{256, static_cast<int>(options_.timeout_ms / 1000) + 5,
                            options_.timeout_ms + 5'000};
  child_ = std::make_unique<LimitedChild>(
      std::vector<std::string>{options_.program, options_.url, std::to_string(options_.timeout_ms),
                               sent_etag_, validators_.last_modified},
      "", limits, agenda::kMaxAgendaFileBytes + kAnswerHeaderBytes, ChildRole{"fetcher", "fetch"},
      [this](ChildOutcome outcome) {
        std::lock_guard lock(mutex_);
        outcome_ = std::move(outcome);
      });
}

std::optional<FetchResult> ScheduleFetcher::poll(std::int64_t monotonic_ms) {
  polled_ms_ = monotonic_ms;
  std::optional<FetchResult> finished;
  if (child_ && child_->finished()) {
    std::optional<ChildOutcome> outcome;
    {
      std::lock_guard lock(mutex_);
      outcome = std::move(outcome_);
      outcome_.reset();
    }
    child_.reset();
    FetchResult failed;
    if (!outcome) {
      failed.error = "the fetcher gave no answer";
      finished = failed;
    } else if (!outcome->failure.empty()) {
      failed.error = outcome->failure;
      finished = failed;
    } else if (auto answer = read_fetch_answer(outcome->answer)) {
      finished = std::move(answer);
    } else {
      failed.error = "the fetcher's answer could not be read";
      finished = failed;
    }
  }
  if (finished) {
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
  if (!child_ && (due_ms_ < 0 || monotonic_ms >= due_ms_)) start_fetch();
  return finished;
}

std::int64_t ScheduleFetcher::next_wakeup_ms() const {
  // A fetch in flight is looked at a little later, not at once: its due time has passed.
  if (child_) return polled_ms_ + kInFlightCheckMs;
  return due_ms_ < 0 ? 0 : due_ms_;
}

}  // namespace ijlas::live
