#include "platform/picture_renderer.hpp"

#include <cmath>
#include <stdexcept>

#include "core/json_value.hpp"
#include "core/utf8.hpp"
#include "platform/png_file.hpp"

namespace ijlas::platform {

PictureRenderer::PictureRenderer(text::Typesetter& typesetter, ScreenRotation output,
                                 PhotoLoading photos)
    : output_(output) {
  const Size size = output_.physical();
  surface_ =
      SDL_CreateRGBSurfaceWithFormat(0, size.width, size.height, 32, SDL_PIXELFORMAT_ARGB8888);
  if (surface_) sdl_ = SDL_CreateSoftwareRenderer(surface_);
  if (!sdl_) {
    const std::string why = SDL_GetError();
    if (surface_) SDL_FreeSurface(surface_);
    throw std::runtime_error("cannot make a " + std::to_string(size.width) + "x" +
                             std::to_string(size.height) + " picture: " + why);
  }
  renderer_ = std::make_unique<SdlRenderer>(sdl_, typesetter, std::move(photos));
  rotated_ = std::make_unique<RotatedOutput>(sdl_, output_);
}

PictureRenderer::~PictureRenderer() {
  rotated_.reset();
  renderer_.reset();  // its textures belong to the renderer
  SDL_DestroyRenderer(sdl_);
  SDL_FreeSurface(surface_);
}

void PictureRenderer::wait_for_photos(const ui::DrawList& list) {
  draw(list, text::Color{0, 0, 0, 255});
  renderer_->wait_for_photos();
}

void PictureRenderer::draw(const ui::DrawList& list, text::Color background) {
  rotated_->begin(background);
  renderer_->draw(list);
  rotated_->finish();
  SDL_RenderFlush(sdl_);
}

bool PictureRenderer::render_png(const ui::DrawList& list, text::Color background,
                                 const std::filesystem::path& path, std::string& error) {
  draw(list, background);
  static_assert(SDL_BYTEORDER == SDL_LIL_ENDIAN, "ARGB8888 is B, G, R, A in memory only here");
  return write_png_bgra(path, surface_->w, surface_->h, surface_->pitch, surface_->pixels, error);
}

std::string thumbnail_png(PictureRenderer& pictures, const ui::DrawList& list,
                          text::Color background, int max_width, std::string& error) {
  return encode_png(pictures.render(list, background).scaled_down(max_width), error);
}

ImageBuffer PictureRenderer::render(const ui::DrawList& list, text::Color background) {
  draw(list, background);

  ImageBuffer image(surface_->w, surface_->h, background);
  SDL_ConvertPixels(surface_->w, surface_->h, surface_->format->format, surface_->pixels,
                    surface_->pitch, SDL_PIXELFORMAT_RGBA32, image.rgba().data(), surface_->w * 4);
  return image;
}

namespace {

// A box in the picture's pixels, whole pixels outwards, as "[x,y,w,h]".
std::string pixel_box(const ui::Box& logical, const ScreenRotation& output) {
  const ui::Box box = output.to_physical(logical);
  const long x0 = std::lround(std::floor(box.x)), y0 = std::lround(std::floor(box.y));
  const long x1 = std::lround(std::ceil(box.right())), y1 = std::lround(std::ceil(box.bottom()));
  return "[" + std::to_string(x0) + "," + std::to_string(y0) + "," + std::to_string(x1 - x0) + "," +
         std::to_string(y1 - y0) + "]";
}

}  // namespace

std::string text_listing_json(const ui::DrawList& list, const ScreenRotation& output) {
  std::string json = "[";
  for (const ui::TextPlacement& placed : ui::text_placements(list)) {
    if (json.size() > 1) json += ",\n ";
    json += "{\"text\":" + json::quote(utf8::sanitize(placed.item->layout->text)) +
            ",\"language\":" + json::quote(utf8::sanitize(placed.item->layout->style.language)) +
            ",\"box\":" + pixel_box(placed.box, output) +
            ",\"visible\":" + pixel_box(placed.visible, output);
    if (placed.clipped) json += ",\"clipped\":true";
    if (placed.scroll) json += ",\"scroll\":true";
    if (placed.ellipsized) json += ",\"ellipsized\":true";
    json += "}";
  }
  json += "]\n";
  return json;
}

}  // namespace ijlas::platform
