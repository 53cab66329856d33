// ijlas-read: the kiosk's reader of untrusted bytes, started by it as a limited child for each
// input. `--read-untrusted NAME ZONE RECEIVED_MS AGENDA_ZONE` reads an agenda, announcements or
// overrides from standard input (live/sandboxed_parse.hpp); `--decode-photo PATH WIDTH HEIGHT
// CIRCLE FOLDER…` decodes one speaker photo (platform/photo_decoding.hpp). It is the only program
// of the kiosk that links the foreign formats' parsers and the image codecs; it is not meant to be
// run by hand.
#include <iostream>
#include <string_view>

#include "live/reader_answer.hpp"
#include "live/sandboxed_parse.hpp"
#include "platform/photo_decoder.hpp"
#include "platform/photo_decoding.hpp"

int main(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode == ijlas::live::kReaderMode) return ijlas::live::run_reader_mode(argc, argv);
  if (mode == ijlas::platform::kPhotoDecoderMode)
    return ijlas::platform::run_photo_decoder_mode(argc, argv);
  std::cerr << "usage: ijlas-read " << ijlas::live::kReaderMode << " NAME ZONE RECEIVED_MS "
            << "AGENDA_ZONE < INPUT, or ijlas-read " << ijlas::platform::kPhotoDecoderMode
            << " PATH WIDTH HEIGHT CIRCLE FOLDER... (run by ijlas)\n";
  return 2;
}
