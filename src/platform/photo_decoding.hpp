// The child's side of photo decoding (photo_decoder.hpp): SDL2_image and its codecs, linked only
// by the reader program (ijlas-read), never by the kiosk.
#pragma once

#include <SDL.h>

namespace ijlas::platform {

// `decoded` as it will be shown in a width x height box: cropped to the box's shape around its
// centre (like CSS object-fit: cover), scaled to exactly that size, and for a circle, transparent
// outside the inscribed circle with a soft edge. ARGB8888; null when memory ran out.
SDL_Surface* prepare_photo(SDL_Surface* decoded, int width, int height, bool circle);

// The decoding mode, when argv[1] is kPhotoDecoderMode: answers on standard output, exits;
// live::run_child_test_hook() on the file's bytes before decoding.
int run_photo_decoder_mode(int argc, char** argv);

}  // namespace ijlas::platform
