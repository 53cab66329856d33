// What a loader hands to the validator: the agenda's data plus where each part was written, so
// that every later message can name file, line and column. Positions are not part of the model.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "agenda/agenda.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

// The room of events that belong to no room (registration, plenaries in a format without rooms),
// named «پورا مقام» / "Whole venue"; its bilingual name does not make an agenda bilingual.
inline constexpr std::string_view kWholeVenueRoomId = "whole-venue";

struct SessionSource {
  SourcePosition session;  // where the session (event, row, VEVENT) begins
  SourcePosition start;
  SourcePosition end;
  SourcePosition room;
  std::vector<SourcePosition> speakers;  // parallel to Session::speakers
  bool start_has_offset = false;         // the source wrote an explicit UTC offset
  bool end_has_offset = false;
};

struct AgendaDraft {
  AgendaData data;
  std::vector<SessionSource> session_sources;  // parallel to data.sessions
  SourcePosition time_zone;                    // where the conference zone was declared
  SourcePosition first_position;               // line 1 of the file, for file-wide messages
  bool derive_days = false;           // the format has no days: build them from the sessions' dates
  bool translations_checked = false;  // the loader warned where its columns allow both languages
  // Events the file describes (an RRULE's occurrences each), counted by the loader as it meets
  // them, read or not: the sessions kept are compared with it so that no loss goes unsaid.
  std::size_t events_in_file = 0;

  // Appends a session with its source; keeps the two vectors parallel.
  void add_session(Session session, SessionSource source) {
    data.sessions.push_back(std::move(session));
    session_sources.push_back(std::move(source));
  }

  // Formats that name rooms, tracks and people inline add each once, on first mention; false
  // when the id was already there.
  bool add_room_once(const std::string& id, const LocalizedText& name);
  bool add_track_once(const std::string& id, const LocalizedText& name, const std::string& color);
  bool add_speaker_once(Speaker speaker);
  // Adds the whole-venue room once and returns its id.
  std::string whole_venue_room();

  // Sessions that share an id (one workshop in two slots, a generator that gives every event
  // one UID) are all kept: the second and later get "<id>-2", "<id>-3"… in file order, and one
  // warning per repeated id names where each of them is.
  void keep_repeated_ids_apart(DiagnosticList& diagnostics);

 private:
  std::unordered_set<std::string> room_ids_;
  std::unordered_set<std::string> track_ids_;
  std::unordered_set<std::string> speaker_ids_;
};

}  // namespace ijlas::agenda
