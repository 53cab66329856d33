// Writes an agenda in the native format, holding everything the model holds, so that loading
// the output gives an equal Agenda.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "agenda/agenda.hpp"

namespace ijlas::agenda {

// Takes the next piece of the text; false stops the writing.
using NativeJsonSink = std::function<bool(std::string_view piece)>;

// The text in pieces of about 64 KiB, so that a large agenda is never held whole as text (the
// reader writes its answer this way). False when the sink refused a piece.
bool write_native_json(const Agenda& agenda, const NativeJsonSink& sink);
std::string write_native_json(const Agenda& agenda);

}  // namespace ijlas::agenda
