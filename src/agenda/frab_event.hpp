// What frab's XML and JSON schedules share: an event as written, turned into a session the same
// way for both, with `date` (the real instant) winning over `start` (local HH:MM only).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agenda/agenda_draft.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

struct FrabPerson {
  std::string id;
  std::string name;
  std::string biography;
  SourcePosition position;
};

struct FrabEvent {
  SourcePosition position;  // the event itself
  std::string id;
  std::string guid;
  std::string date;   // "2025-02-01T09:30:00+01:00"
  std::string start;  // "09:30", used only without `date`
  std::string duration;
  std::string end;  // "2025-02-01T10:00:00+01:00" (schedule.json version 2), used without duration
  std::string room;
  std::string title;
  std::string subtitle;
  std::string track_id;  // slug when the source has one, else the track's name
  std::string track_name;
  std::string type;
  std::string language;
  std::string url;
  std::string abstract;
  std::string description;
  std::vector<FrabPerson> persons;
  SourcePosition date_position;
  SourcePosition start_position;
  SourcePosition duration_position;
  SourcePosition end_position;
  SourcePosition room_position;
  SourcePosition url_position;
};

// The day the event is listed under, for events without `date`.
struct FrabDayContext {
  Date date;
  int day_change_seconds = 0;
  const TimeZone* zone = nullptr;
};

// Adds the event's session, room, track and speakers to the draft; reports what it cannot read.
void add_frab_event(const FrabEvent& event, const FrabDayContext& day, AgendaDraft& draft,
                    DiagnosticList& diagnostics);

// A frab day: its date plus the optional start and end instants ("…T09:00:00+01:00").
std::optional<Day> make_frab_day(int index, const std::string& date, const std::string& start,
                                 const std::string& end, const FrabDayContext& context,
                                 const SourcePosition& position, DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
