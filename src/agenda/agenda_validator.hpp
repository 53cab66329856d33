// Checks that need the whole agenda: times that run backwards, overlaps, unknown
// references, missing translations and schedule offsets that disagree with the declared zone.
#pragma once

#include "agenda/agenda_draft.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"

namespace ijlas::agenda {

// Errors: a session that ends before it starts (repeated ids were made unique before).
// Warnings: sessions overlapping in one room, unknown speakers, rooms or tracks, a missing
// translation (once the agenda gives any text in both languages), an explicit offset that
// differs from the conference zone's offset at that instant (once per distinct offset; UTC
// instants written with "Z" or "+00:00" are exact and never contradict a zone).
void validate_agenda(const AgendaDraft& draft, const TimeZone* conference_zone,
                     DiagnosticList& diagnostics);

}  // namespace ijlas::agenda
