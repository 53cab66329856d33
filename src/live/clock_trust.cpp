#include "live/clock_trust.hpp"

#include <sys/timex.h>
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <system_error>

#include "core/write_file.hpp"

namespace ijlas::live {
namespace {

constexpr const char* kFileName = "last-known-time";
constexpr const char* kSetByHandMarker = "ijlas-clock-set";

bool path_exists(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::exists(path, error);
}

// adjtimex with no modes only reads; nullopt when the call is refused (ProtectClock=).
std::optional<bool> kernel_says_synchronized() {
  timex reading{};
  const int state = adjtimex(&reading);
  if (state == -1) return std::nullopt;
  return state != TIME_ERROR && !(reading.status & STA_UNSYNC);
}

}  // namespace

ClockVerdict judge_clock(const ClockFacts& facts) {
  if (facts.synchronized) return ClockVerdict::kTrusted;
  if (facts.last_known && facts.now < *facts.last_known) return ClockVerdict::kBehindLastKnown;
  if (facts.has_rtc || facts.set_since_boot) return ClockVerdict::kTrusted;
  return ClockVerdict::kNotSet;
}

std::string describe(ClockVerdict verdict) {
  switch (verdict) {
    case ClockVerdict::kTrusted:
      return "the clock is trusted";
    case ClockVerdict::kBehindLastKnown:
      return "the clock is behind a time already seen: the time is not set (connect the network "
             "or set the time)";
    case ClockVerdict::kNotSet:
      return "the time is not set: no network time and no real-time clock since the board "
             "started (connect the network or set the time)";
  }
  return "";
}

ClockFacts read_clock_facts(Timestamp now, std::optional<Timestamp> last_known,
                            const ClockProbeRoots& roots) {
  ClockFacts facts;
  facts.now = now;
  facts.last_known = last_known;
  // Both files live in /run, a tmpfs: they tell about this boot only.
  const bool timesync = path_exists(roots.run / "systemd/timesync/synchronized");
  const std::optional<bool> kernel =
      roots.ask_kernel ? kernel_says_synchronized() : std::optional<bool>();
  facts.synchronized = kernel.value_or(timesync);
  facts.has_rtc = path_exists(roots.sys / "class/rtc/rtc0") || path_exists(roots.dev / "rtc0");
  facts.set_since_boot = timesync || path_exists(roots.run / kSetByHandMarker);
  return facts;
}

std::optional<Timestamp> read_last_known_time(const std::filesystem::path& state_dir) {
  std::ifstream in(state_dir / kFileName);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), seconds);
  if (error != std::errc() || end != line.data() + line.size()) return std::nullopt;
  return Timestamp::from_seconds(seconds);
}

bool write_last_known_time(const std::filesystem::path& state_dir, Timestamp time,
                           std::string& error) {
  error = write_whole_file(state_dir / kFileName, std::to_string(time.utc_seconds()) + "\n");
  return error.empty();
}

LastKnownTime::LastKnownTime(std::filesystem::path state_dir, std::int64_t interval_seconds)
    : state_dir_(std::move(state_dir)),
      interval_seconds_(interval_seconds),
      saved_(read_last_known_time(state_dir_)) {}

bool LastKnownTime::update(Timestamp now, ClockVerdict verdict, std::string& error) {
  if (!trusted(verdict)) return false;
  // A trusted reading earlier than the saved one is network time correcting a clock that ran
  // ahead: it replaces the saved time at once.
  const bool due =
      !saved_ || now < *saved_ || now.utc_seconds() - saved_->utc_seconds() >= interval_seconds_;
  if (!due) return false;
  if (!write_last_known_time(state_dir_, now, error)) return false;
  saved_ = now;
  return true;
}

}  // namespace ijlas::live
