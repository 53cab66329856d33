// libFuzzer target: the announcements and session-overrides readers (files from the inbox or the
// URL, so untrusted), and overrides applied to a small agenda.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "live/announcements.hpp"
#include "live/live_document.hpp"
#include "live/session_overrides.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ijlas;
  static const agenda::TimeZone zone = *agenda::TimeZone::find("Asia/Karachi");
  static const auto base = [] {
    agenda::AgendaData data;
    data.conference.time_zone = "Asia/Karachi";
    data.rooms = {{"a", {}}, {"b", {}}};
    agenda::Session session;
    session.id = "opening";
    session.room = "a";
    session.start = {1764131400, 18000};
    session.end = {1764135000, 18000};
    data.sessions = {session};
    return std::make_shared<const agenda::Agenda>(std::move(data));
  }();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const live::Timestamp now = live::Timestamp::from_seconds(1764130000);
  live::classify_document(bytes);
  const live::AnnouncementsParse announcements =
      live::parse_announcements("fuzz", bytes, now, zone);
  if (announcements.diagnostics.has_errors() && !announcements.announcements.empty())
    __builtin_trap();
  live::active_announcements(announcements.announcements, now);
  const live::OverridesParse overrides = live::parse_session_overrides("fuzz", bytes, zone);
  if (overrides.diagnostics.has_errors() && !overrides.overrides.empty()) __builtin_trap();
  const live::OverriddenAgenda applied =
      live::apply_session_overrides(base, overrides.overrides, now);
  if (!applied.agenda) __builtin_trap();
  return 0;
}
