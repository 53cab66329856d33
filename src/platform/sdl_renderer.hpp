// A ui::DrawList turned into pixels on any SDL_Renderer: the board's OpenGL ES renderer, a
// desktop's, or the software renderer of headless shots, with the same pixels on each. Glyphs
// come from the text engine's atlas (one SDL_RenderGeometry call per text item and atlas page;
// a page is uploaded only when its pixels changed). Shapes snap to whole pixels; round corners
// and circles are quarters of an antialiased disc texture (SDL's software renderer truncates
// triangle vertices to whole pixels, so feathered triangles would differ from the board).
// Photos are decoded off the loop by a limited child process, prepared once per path and size
// (photo_decoder.hpp), then copied 1:1; until their pixels are there, nothing is drawn over the
// placeholder that ui draws beneath them.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/photo_decoder.hpp"
#include "platform/screen_rotation.hpp"
#include "text/typesetter.hpp"
#include "ui/draw_list.hpp"

namespace ijlas::platform {

class SdlRenderer {
 public:
  static constexpr std::size_t kMaxImages = 48;  // prepared photos kept as textures
  static constexpr std::size_t kMaxDiscs = 16;   // corner radii kept as textures

  // Neither is owned; both must outlive this object. `photos` says how photos are decoded (by
  // default they are not: their placeholders stay).
  SdlRenderer(SDL_Renderer* renderer, text::Typesetter& typesetter, PhotoLoading photos = {});
  ~SdlRenderer();
  SdlRenderer(const SdlRenderer&) = delete;
  SdlRenderer& operator=(const SdlRenderer&) = delete;

  // Draws every command in order onto the current render target; clipping is reset before and
  // after. Does not clear and does not present.
  void draw(const ui::DrawList& list);

  // Drops every texture (call on SDL_RENDER_TARGETS_RESET or SDL_RENDER_DEVICE_RESET): they are
  // made again when next drawn.
  void forget_textures();

  // Photos asked for whose pixels have not been drawn yet: the loop wakes often meanwhile.
  bool photos_waiting() const { return photos_.busy() || photos_.has_decoded(); }
  // Pixels that arrived since the last draw: the next frame must be drawn to show them.
  bool photos_arrived() const { return photos_.has_decoded(); }
  // Blocks until every photo asked for has been decoded or has failed (shots, tests).
  void wait_for_photos() { photos_.wait_until_idle(); }

  SDL_Renderer* sdl() const { return renderer_; }
  std::uint64_t atlas_uploads() const { return atlas_uploads_; }   // pages sent to the GPU
  std::uint64_t image_loads() const { return photos_.decodes(); }  // files decoded (or tried)
  std::uint64_t disc_uploads() const { return disc_uploads_; }     // corner textures made

 private:
  struct AtlasTexture {
    SDL_Texture* texture = nullptr;
    std::uint64_t version = 0;
    int height = 0;  // rows of the page it holds: only the part the atlas has filled
  };
  struct CachedTexture {
    SDL_Texture* texture = nullptr;
    std::uint64_t last_used = 0;
  };
  void fill(const ui::FillRect& rect);
  void text(const ui::DrawText& item);
  void image(const ui::DrawImage& item);
  void push_clip(const ui::Box& box);
  void pop_clip();
  void apply_clip();

  SDL_Texture* atlas_page(int page);
  SDL_Texture* disc(int radius);
  SDL_Texture* photo(const PhotoRequest& request);
  void take_photos();  // textures of the photos decoded since the last frame

  SDL_Renderer* renderer_;
  text::Typesetter& typesetter_;

  std::vector<AtlasTexture> atlas_;          // one per atlas page
  std::vector<std::uint32_t> staging_;       // a page as white pixels with alpha = coverage
  std::vector<text::GlyphQuad> quads_;       // the glyphs of every text item of the frame, in order
  std::vector<std::size_t> quad_starts_;     // where each text item's glyphs begin in quads_
  std::size_t next_text_ = 0;                // the text item being drawn
  bool quads_valid_ = false;                 // false when the atlas evicted while they were made
  std::vector<text::GlyphQuad> item_quads_;  // one item's glyphs, when quads_ is not valid
  std::vector<SDL_Vertex> vertices_;         // reused for every text item
  std::vector<int> indices_;
  std::vector<SDL_Rect> clips_;  // intersected, innermost last

  std::uint64_t clock_ = 0;                       // counts draws, for least-recently-used eviction
  std::unordered_map<int, CachedTexture> discs_;  // by radius in pixels
  std::unordered_map<PhotoRequest, CachedTexture, PhotoRequestHash> images_;
  PhotoDecoder photos_;

  std::uint64_t atlas_uploads_ = 0;
  std::uint64_t disc_uploads_ = 0;
};

// Puts the logical picture on a turned output: while a frame is open, drawing goes to a texture of
// the logical size; finish() copies it onto the output turned clockwise. With no rotation it
// draws straight onto the output and costs nothing.
class RotatedOutput {
 public:
  // Throws std::runtime_error when the renderer cannot make the logical target texture.
  RotatedOutput(SDL_Renderer* renderer, ScreenRotation rotation);
  ~RotatedOutput();
  RotatedOutput(const RotatedOutput&) = delete;
  RotatedOutput& operator=(const RotatedOutput&) = delete;

  void begin(text::Color clear);  // target = the logical picture, cleared
  void finish();                  // target = the output, the picture copied onto it turned

  const ScreenRotation& rotation() const { return rotation_; }

 private:
  SDL_Renderer* renderer_;
  ScreenRotation rotation_;
  SDL_Texture* logical_ = nullptr;
};

}  // namespace ijlas::platform
