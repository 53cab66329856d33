// [SECTION] Preparation: crop, scale, circle
// [SECTION] The decoding mode: the child's side
#include "platform/photo_decoding.hpp"

#include <SDL_image.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>

#include "live/limited_child.hpp"
#include "platform/photo_decoder.hpp"
#include "platform/photo_file.hpp"

namespace ijlas::platform {
namespace {

struct SurfaceDeleter {
  void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

Surface argb_surface(int width, int height) {
  return Surface(SDL_CreateRGBSurfaceWithFormat(0, std::max(1, width), std::max(1, height), 32,
                                                SDL_PIXELFORMAT_ARGB8888));
}

}  // namespace

// [SECTION] Preparation: crop, scale, circle

SDL_Surface* prepare_photo(SDL_Surface* decoded, int width, int height, bool circle) {
  Surface source(SDL_ConvertSurfaceFormat(decoded, SDL_PIXELFORMAT_ARGB8888, 0));
  if (!source) return nullptr;
  const double scale = std::max(double(width) / source->w, double(height) / source->h);
  SDL_Rect crop{0, 0, std::max(1, static_cast<int>(std::lround(width / scale))),
                std::max(1, static_cast<int>(std::lround(height / scale)))};
  crop.w = std::min(crop.w, source->w);
  crop.h = std::min(crop.h, source->h);
  crop.x = (source->w - crop.w) / 2;
  crop.y = (source->h - crop.h) / 2;
  // Halving first, so that a large reduction still averages every pixel.
  while (crop.w >= 2 * width && crop.h >= 2 * height) {
    Surface half = argb_surface(crop.w / 2, crop.h / 2);
    if (!half || SDL_SoftStretchLinear(source.get(), &crop, half.get(), nullptr) != 0) break;
    source = std::move(half);
    crop = {0, 0, source->w, source->h};
  }
  Surface out = argb_surface(width, height);
  if (!out || SDL_SoftStretchLinear(source.get(), &crop, out.get(), nullptr) != 0) return nullptr;
  if (circle) {
    const float cx = width / 2.0f, cy = height / 2.0f, radius = std::min(cx, cy);
    for (int y = 0; y < height; ++y) {
      auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(out->pixels) +
                                                   static_cast<std::ptrdiff_t>(y) * out->pitch);
      for (int x = 0; x < width; ++x) {
        const float alpha =
            static_cast<float>(row[x] >> 24) * circle_coverage(x, y, cx, cy, radius);
        row[x] = (row[x] & 0x00FFFFFFu) | (static_cast<std::uint32_t>(std::lround(alpha)) << 24);
      }
    }
  }
  return out.release();
}

// [SECTION] The decoding mode: the child's side

namespace {

bool ran_out_of_memory(std::string_view error) {
  std::string lower(error);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("out of memory") != std::string::npos ||
         lower.find("outofmem") != std::string::npos;
}

int refuse(const std::string& why) {
  return live::write_all(STDOUT_FILENO, std::string(kPhotoRefusal) + why + "\n") ? 0 : 1;
}

}  // namespace

int run_photo_decoder_mode(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "ijlas %s: PATH WIDTH HEIGHT CIRCLE FOLDER...\n", kPhotoDecoderMode);
    return 2;
  }
  try {
    const std::filesystem::path path = argv[2];
    const int width = std::atoi(argv[3]), height = std::atoi(argv[4]);
    const bool circle = std::string_view(argv[5]) == "1";
    if (width <= 0 || height <= 0 || width > kMaxPhotoSide || height > kMaxPhotoSide)
      return refuse("the box of " + std::string(argv[3]) + " x " + argv[4] + " cannot be drawn");
    const std::vector<std::filesystem::path> folders(argv + 6, argv + argc);
    if (std::string outside = outside_photo_folders(path, folders); !outside.empty())
      return refuse(outside);
    const PhotoFile file = read_photo_file(path);
    if (!file.error.empty()) return refuse(file.error);
    live::run_child_test_hook(file.bytes);
    const Surface decoded(
        IMG_Load_RW(SDL_RWFromConstMem(file.bytes.data(), static_cast<int>(file.bytes.size())), 1));
    const Surface prepared(decoded ? prepare_photo(decoded.get(), width, height, circle) : nullptr);
    if (!prepared) {
      // SDL_image reports through SDL_GetError too (IMG_GetError is that same function).
      const std::string error = SDL_GetError();
      if (ran_out_of_memory(error)) ::_exit(live::kOutOfMemoryExit);
      return refuse("cannot be decoded: " + error);
    }
    std::string answer =
        std::string(kPhotoAnswer) + std::to_string(width) + " " + std::to_string(height) + "\n";
    for (int y = 0; y < height; ++y) {
      const char* row = static_cast<const char*>(prepared->pixels) +
                        static_cast<std::ptrdiff_t>(y) * prepared->pitch;
      answer.append(row, static_cast<std::size_t>(width) * 4);
    }
    return live::write_all(STDOUT_FILENO, answer) ? 0 : 1;
  } catch (const std::bad_alloc&) {
    ::_exit(live::kOutOfMemoryExit);
  }
}

}  // namespace ijlas::platform
