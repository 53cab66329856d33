// Last-minute changes to sessions (`{"ijlas_overrides": 1, "overrides": […]}`), applied on top of
// the accepted agenda without touching it. Each names a session by id and gives the status it has
// now, in the words of the native agenda format:
//   {"session": "opening", "status": {"state": "delayed", "minutes": 15}}
//   {"session": "panel-2", "status": "cancelled", "until": "2025-11-26T18:00:00+05:00"}
//   {"session": "closing", "status": {"state": "moved", "room": "committee-room-2"}}
// An override ends at `until`, or by default when the conference day of its session ends.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/agenda.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "live/clock.hpp"

namespace ijlas::live {

struct SessionOverride {
  std::string session_id;
  agenda::SessionStatus status;
  std::optional<Timestamp> until;  // empty: the end of the session's conference day
  SourcePosition position;         // where the override was written, for warnings
};

struct OverridesParse {
  std::vector<SessionOverride> overrides;  // empty when diagnostics has errors
  DiagnosticList diagnostics;
};

OverridesParse parse_session_overrides(const std::string& name, std::string_view bytes,
                                       const agenda::TimeZone& venue_zone);

struct OverriddenAgenda {
  std::shared_ptr<const agenda::Agenda> agenda;  // `base` itself when no override is in force
  DiagnosticList diagnostics;  // warnings: unknown sessions, moves to unknown rooms
  Timestamp next_change;       // when an override in force ends (INT64_MAX: never)
};

// `base` with every override in force at `now` applied (later overrides of one session win).
OverriddenAgenda apply_session_overrides(const std::shared_ptr<const agenda::Agenda>& base,
                                         const std::vector<SessionOverride>& overrides,
                                         Timestamp now);

}  // namespace ijlas::live
