// IANA time zones through ICU: the offset a zone has at an instant, and the instant a wall-clock
// reading in that zone names. ICU is also what display uses, so both agree on every rule.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace ijlas::agenda {

class TimeZone {
 public:
  // Empty for a name ICU does not know ("Mars/Olympus", "").
  static std::optional<TimeZone> find(std::string_view iana_name);

  const std::string& name() const { return name_; }
  std::int32_t offset_at(std::int64_t utc_seconds) const;
  // A floating wall time read in this zone; in a gap or overlap ICU's usual choice applies.
  time::Instant from_local(std::int64_t local_seconds) const;
  time::Instant at(std::int64_t utc_seconds) const { return {utc_seconds, offset_at(utc_seconds)}; }

 private:
  struct Rules;
  TimeZone(std::string name, std::shared_ptr<const Rules> rules);
  std::string name_;
  std::shared_ptr<const Rules> rules_;
};

}  // namespace ijlas::agenda

namespace ijlas::agenda {

// The system's zone as ICU finds it (TZ, else /etc/localtime); empty when it cannot tell.
std::string host_time_zone_name();

// A written date-time as an instant: its own offset when it has one, else read in
// `floating_zone`, else (no zone known) as UTC.
time::Instant to_instant(const time::ParsedDateTime& parsed, const TimeZone* floating_zone);

}  // namespace ijlas::agenda
