// Every string the UI itself shows, in Urdu and in English. Numbers and names are put in with
// fill(); Urdu strings keep Western digits, as the conference's own Urdu press release does.
#pragma once

#include <string>
#include <string_view>

namespace ijlas::ui {

enum class Language { kUrdu, kEnglish };

inline const char* language_tag(Language language) {
  return language == Language::kUrdu ? "ur" : "en";
}

enum class UiString {
  kNowAndNext,
  kAgenda,
  kSpeakers,
  kLanguageToggle,  // names the other language: "English" on the Urdu screen
  kNow,
  kNext,
  kInMinutes,  // {} minutes until it starts
  kStartingNow,
  kMinutesLeft,     // {} minutes left
  kBreakUntil,      // {} the time it resumes
  kOpensAt,         // {} the time of the room's first session today
  kRoomDoneToday,   // nothing more in this room today
  kDayOverResumes,  // {} the day, {} the time the programme resumes
  kConferenceOver,
  kStartsOn,  // {} the day, {} the time
  kDelayed,   // {} minutes
  kCancelled,
  kMovedTo,    // {} the room
  kMovedTime,  // {} the new time
  kBack,
  kDay,  // {} the day's number
  kSessions,
  kRoom,
  kNoSessions,
  kDismiss,
  kSampleProgramme,
  kUpNextInRoom,  // the rest of the room's day, on the room-door screen
  kFinished,
  kClockNotSet,     // the time is not trustworthy: now and next cannot be shown
  kAgendaUpdated,   // {} the number of sessions, {} the file
  kRehearsalTime,   // beside the date: the sample agenda runs on a rehearsal clock, not today's
  kPreviousInRoom,  // the session before this one in the same room
  kNextInRoom,      // the session after this one in the same room
  kOtherRooms,      // what runs in the other rooms at the same time
  kNothingElseNow,  // no other room has a session at that time
  kSwipeHint,       // a first-time visitor learns that a session page swipes
  kScanForPage,     // under the session page's QR code
};

std::string_view ui_string(UiString id, Language language);

// Replaces each "{}" of pattern with the next argument, in order.
std::string fill(std::string_view pattern, std::string_view a, std::string_view b = {});
// In Urdu, pieces without Arabic letters (times, numbers, English names) are put in as
// left-to-right isolates, so that their order holds whatever stands around them.
std::string fill(UiString id, Language language, std::string_view a, std::string_view b = {});

// A piece without Arabic letters in an Urdu text, as LRI … PDI; elsewhere the piece unchanged.
std::string isolated(std::string_view piece, Language language);

}  // namespace ijlas::ui
