// What an agenda may hold, the same for every format: how many sessions, how long each text.
// Longer texts are cut with a warning; more sessions than the limit is an error.
#pragma once

#include <cstddef>
#include <string_view>

#include "agenda/agenda_draft.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

inline constexpr std::size_t kMaxSessions = 20000;       // a week of 30 rooms is under 5,000
inline constexpr std::size_t kMaxTitleCharacters = 500;  // titles and subtitles
inline constexpr std::size_t kMaxNameCharacters = 200;   // people, rooms, tracks, roles, venues
inline constexpr std::size_t kMaxAbstractCharacters = 10000;  // abstracts, biographies, notes
inline constexpr std::size_t kMaxUrlBytes = 1000;  // a QR code of a longer address is too dense

// True for an address a phone can open from the session page's QR code: http:// or https://,
// no spaces or control characters, at most kMaxUrlBytes.
bool is_web_address(std::string_view text);

// Every text of the draft through sanitize_text(), each change warned about with the field's
// name and place; false (with an error) when the draft has more than kMaxSessions sessions.
bool apply_model_limits(AgendaDraft& draft, DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
