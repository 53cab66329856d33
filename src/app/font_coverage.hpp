// Agenda text that no font of the kiosk can show: Chinese in an OPass file, say (the bundled
// fonts have no CJK, and Noto Sans CJK would add 56 MB to every board). The organizer is told
// once, in the service panel, why some titles show empty boxes.
#pragma once

#include <string>

#include "agenda/agenda.hpp"
#include "text/font_collection.hpp"

namespace ijlas::app {

// Empty when every letter of the agenda has a font; else a notice naming the script, how many
// sessions hold it and the first one, e.g. "text in the Han script has no font on this kiosk
// and shows as empty boxes: 14 sessions, the first "1234" (U+4E2D)".
std::string uncovered_text_notice(const text::FontCollection& fonts, const agenda::Agenda& agenda);

}  // namespace ijlas::app
