// The reading mode's work (live/sandboxed_parse.hpp), done by the reader program: the input read
// whole, classified and loaded, the answer written: one JSON line, then for an agenda the agenda
// in native JSON. It alone (the library ijlas_reader) reads the foreign formats; the kiosk does not
// link it.
// Memory stays near twice the input at its peak: the input is read into one buffer of its own
// size, let go once loaded, and the agenda is written in pieces, never held whole as text.
#pragma once

#include <string>

#include "live/clock.hpp"

namespace ijlas::live {

// What the kiosk tells the reader on its command line.
struct ReaderArguments {
  std::string name;         // how messages name the input
  std::string zone;         // the venue's zone, for announcements and overrides
  Timestamp received;       // when the input arrived
  std::string agenda_zone;  // agenda::LoadOptions::venue_zone, or empty
};

// Reads `input_fd` to its end (run_child_test_hook() on it), answers on `output_fd`; false when
// the answer could not be written. Throws std::bad_alloc when memory runs out.
bool answer_reader_input(int input_fd, int output_fd, const ReaderArguments& arguments);

// The reading mode, when argv[1] is kReaderMode: reads standard input, answers on standard
// output, exits.
int run_reader_mode(int argc, char** argv);

}  // namespace ijlas::live
