// Pictures with no window and no display (`ijlas --shot`): a DrawList drawn by the same
// SdlRenderer as the screen, on SDL's software renderer over a memory surface, turned like the
// screen. Needs no video driver: SDL_VIDEODRIVER may be unset and there may be no X display.
#pragma once

#include <SDL.h>

#include <filesystem>
#include <memory>
#include <string>

#include "platform/image_buffer.hpp"
#include "platform/screen_rotation.hpp"
#include "platform/sdl_renderer.hpp"
#include "text/typesetter.hpp"
#include "ui/draw_list.hpp"

namespace ijlas::platform {

class PictureRenderer {
 public:
  // The picture is output.physical() pixels; the DrawList is laid out for output.logical().
  // Throws std::runtime_error when SDL cannot make the surface or the renderer.
  PictureRenderer(text::Typesetter& typesetter, ScreenRotation output, PhotoLoading photos = {});
  ~PictureRenderer();
  PictureRenderer(const PictureRenderer&) = delete;
  PictureRenderer& operator=(const PictureRenderer&) = delete;

  // Textures (glyph pages, photos) are kept between pictures, as on the screen.
  ImageBuffer render(const ui::DrawList& list, text::Color background);
  // The same picture written to a PNG file straight from the surface (no second copy of it in
  // memory); false with the reason in error when the file cannot be written.
  bool render_png(const ui::DrawList& list, text::Color background,
                  const std::filesystem::path& path, std::string& error);

  // Asks for the photos of `list` and waits until each is decoded or failed, so that the next
  // picture shows them (shots; the live kiosk never waits).
  void wait_for_photos(const ui::DrawList& list);

  const SdlRenderer& renderer() const { return *renderer_; }
  const ScreenRotation& output() const { return output_; }

 private:
  void draw(const ui::DrawList& list, text::Color background);

  ScreenRotation output_;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* sdl_ = nullptr;
  std::unique_ptr<SdlRenderer> renderer_;
  std::unique_ptr<RotatedOutput> rotated_;
};

// What `list` shows as a PNG file's bytes, at most `max_width` pixels wide (the thumbnail a screen
// sends its venue broker); empty with the reason in `error`.
std::string thumbnail_png(PictureRenderer& pictures, const ui::DrawList& list,
                          text::Color background, int max_width, std::string& error);

// What a shot shows as text, for DIR/<screen>.json: one object per DrawText in drawing order,
// [{"text":"…","language":"ur","box":[x,y,w,h],"visible":[x,y,w,h]}, …], boxes in whole pixels of
// the (turned) picture, rounded outwards; "visible" is the part inside its clip rectangles, and
// "clipped":true, "scroll":true (in a scrolling list), "ellipsized":true appear when they hold.
// Invalid UTF-8 in a string comes out as U+FFFD.
std::string text_listing_json(const ui::DrawList& list, const ScreenRotation& output);

}  // namespace ijlas::platform
