// Writes an agenda in the native format, holding everything the model holds, so that loading
// the output gives an equal Agenda.
#pragma once

#include <string>

#include "agenda/agenda.hpp"

namespace ijlas::agenda {

std::string write_native_json(const Agenda& agenda);

}  // namespace ijlas::agenda
