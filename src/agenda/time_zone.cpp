#include "agenda/time_zone.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace ijlas::agenda {

struct TimeZone::Rules {
  std::unique_ptr<icu::TimeZone> zone;
};

TimeZone::TimeZone(std::string name, std::shared_ptr<const Rules> rules)
    : name_(std::move(name)), rules_(std::move(rules)) {}

std::optional<TimeZone> TimeZone::find(std::string_view iana_name) {
  if (iana_name.empty() || iana_name.size() > 64) return std::nullopt;
  const icu::UnicodeString id = icu::UnicodeString::fromUTF8(
      icu::StringPiece(iana_name.data(), static_cast<int32_t>(iana_name.size())));
  auto rules = std::make_shared<Rules>();
  rules->zone.reset(icu::TimeZone::createTimeZone(id));
  icu::UnicodeString resolved;
  // ICU answers unknown names with "Etc/Unknown" rather than failing.
  if (!rules->zone || rules->zone->getID(resolved) == icu::UnicodeString(u"Etc/Unknown")) {
    return std::nullopt;
  }
  return TimeZone(std::string(iana_name), std::move(rules));
}

std::int32_t TimeZone::offset_at(std::int64_t utc_seconds) const {
  int32_t raw = 0;
  int32_t dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  rules_->zone->getOffset(static_cast<UDate>(utc_seconds) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) return 0;
  return (raw + dst) / 1000;
}

time::Instant TimeZone::from_local(std::int64_t local_seconds) const {
  int32_t raw = 0;
  int32_t dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  rules_->zone->getOffset(static_cast<UDate>(local_seconds) * 1000.0, true, raw, dst, status);
  const std::int32_t offset = U_FAILURE(status) ? 0 : (raw + dst) / 1000;
  return {local_seconds - offset, offset};
}

}  // namespace ijlas::agenda

namespace ijlas::agenda {

std::string host_time_zone_name() {
  std::unique_ptr<icu::TimeZone> host(icu::TimeZone::detectHostTimeZone());
  icu::UnicodeString id;
  if (!host || host->getID(id) == icu::UnicodeString(u"Etc/Unknown")) return {};
  std::string name;
  id.toUTF8String(name);
  return name;
}

time::Instant to_instant(const time::ParsedDateTime& parsed, const TimeZone* floating_zone) {
  const std::int64_t local = parsed.local.local_seconds();
  if (parsed.offset_seconds) return {local - *parsed.offset_seconds, *parsed.offset_seconds};
  if (floating_zone != nullptr) return floating_zone->from_local(local);
  return {local, 0};
}

}  // namespace ijlas::agenda
