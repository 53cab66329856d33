// An agenda's version on the venue broker: a hash of its normalized native JSON, so that the
// organizer's tool and every screen name the same agenda the same way, whatever file it came
// from and whichever way it arrived (broker, USB stick, URL).
#pragma once

#include <string>
#include <string_view>

#include "agenda/agenda.hpp"

namespace ijlas::venue {

// 16 hexadecimal digits (FNV-1a, 64 bits): a name for a version, not a security measure.
std::string content_version(std::string_view bytes);
std::string agenda_version(const agenda::Agenda& agenda);

}  // namespace ijlas::venue
