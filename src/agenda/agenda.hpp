// The agenda model: an immutable snapshot of one conference's programme. Loaders build an
// AgendaData, the validator checks it, and an Agenda freezes it with its indexes; a reload
// builds a new Agenda and the kiosk swaps the shared pointer whole.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace ijlas::agenda {

using time::Date;
using time::Instant;

// A human-readable text in Urdu and/or English; either may be empty.
struct LocalizedText {
  std::string ur;
  std::string en;

  bool empty() const { return ur.empty() && en.empty(); }
  bool bilingual() const { return !ur.empty() && !en.empty(); }
  // Urdu first, English second: the text to show when only one fits.
  const std::string& preferred() const { return ur.empty() ? en : ur; }
  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

// A text from a format without language tags: Urdu when written in Arabic script, else English.
LocalizedText text_in_its_script(std::string text);
bool has_arabic_script(std::string_view text);
// "#RRGGBB"
bool is_hex_color(std::string_view text);

struct Conference {
  std::string acronym;
  LocalizedText title;
  LocalizedText subtitle;
  LocalizedText venue;
  LocalizedText city;
  std::string time_zone;  // IANA name; the venue's zone, used for display and floating times
  Date start_date;
  Date end_date;
  int day_change_seconds = 0;  // a conference day starts at this wall time (frab's day_change)
  bool is_sample = false;      // a plausible programme, not an official one
  LocalizedText note;          // shown with the programme, e.g. why it is a sample
  friend bool operator==(const Conference&, const Conference&) = default;
};

// A conference day; it may run past midnight (start and end are instants, not dates).
struct Day {
  int index = 0;  // 1-based
  Date date;
  Instant start;
  Instant end;
  friend bool operator==(const Day&, const Day&) = default;
};

struct Room {
  std::string id;
  LocalizedText name;
  friend bool operator==(const Room&, const Room&) = default;
};

struct Track {
  std::string id;
  LocalizedText name;
  std::string color;  // "#RRGGBB", or empty
  friend bool operator==(const Track&, const Track&) = default;
};

struct Speaker {
  std::string id;
  LocalizedText name;
  LocalizedText role;
  LocalizedText organization;
  LocalizedText biography;
  std::string photo;  // path relative to the agenda file, or empty
  friend bool operator==(const Speaker&, const Speaker&) = default;
};

enum class SessionState { kScheduled, kDelayed, kCancelled, kMoved };

struct SessionStatus {
  SessionState state = SessionState::kScheduled;
  int delay_minutes = 0;                  // kDelayed
  std::string moved_to_room;              // kMoved: room id, or empty when only the time moved
  std::optional<Instant> moved_to_start;  // kMoved: new start, or empty when only the room moved
  friend bool operator==(const SessionStatus&, const SessionStatus&) = default;
};

struct Session {
  std::string id;
  LocalizedText title;
  LocalizedText subtitle;
  LocalizedText abstract;
  Instant start;
  Instant end;
  std::string room;                   // room id
  std::string track;                  // track id, or empty
  std::string type;                   // "talk", "keynote", "break", … as the source says
  std::vector<std::string> speakers;  // speaker ids
  std::string language;               // BCP 47 tag of the spoken language, or empty
  std::string url;                    // the session's web page (http or https), or empty
  SessionStatus status;

  std::int64_t duration_seconds() const { return end.utc_seconds - start.utc_seconds; }
  friend bool operator==(const Session&, const Session&) = default;
};

// Everything a loader produces; plain values, freely editable until frozen into an Agenda.
struct AgendaData {
  Conference conference;
  std::vector<Day> days;
  std::vector<Room> rooms;
  std::vector<Track> tracks;
  std::vector<Session> sessions;
  std::vector<Speaker> speakers;
  friend bool operator==(const AgendaData&, const AgendaData&) = default;
};

class Agenda {
 public:
  // Sorts days by index, sessions by (start, room, id) and builds the lookup indexes.
  explicit Agenda(AgendaData data);

  const Conference& conference() const { return data_.conference; }
  std::span<const Day> days() const { return data_.days; }
  std::span<const Room> rooms() const { return data_.rooms; }
  std::span<const Track> tracks() const { return data_.tracks; }
  std::span<const Session> sessions() const { return data_.sessions; }  // in time order
  std::span<const Speaker> speakers() const { return data_.speakers; }
  const AgendaData& data() const { return data_; }

  const Room* find_room(std::string_view id) const;
  const Track* find_track(std::string_view id) const;
  const Speaker* find_speaker(std::string_view id) const;
  const Session* find_session(std::string_view id) const;

  // Index into days() of the conference day a session belongs to, or -1 when outside every day.
  int day_of_session(std::size_t session_index) const { return session_day_[session_index]; }

  friend bool operator==(const Agenda& a, const Agenda& b) { return a.data_ == b.data_; }

 private:
  AgendaData data_;
  std::vector<int> session_day_;
};

// The day a session starting at `start` belongs to: the day whose [start, end) holds it, else
// the day whose date is the session's local date shifted back by the day change. -1 if none.
int find_day_index(std::span<const Day> days, const Instant& start, int day_change_seconds);

}  // namespace ijlas::agenda
