// [SECTION] Pixels: snapping, discs
// [SECTION] SdlRenderer: commands, clipping, fills
// [SECTION] Text: glyph quads from the atlas
// [SECTION] Images: decoded by a child process, prepared per size, bounded cache
// [SECTION] RotatedOutput
#include "platform/sdl_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <span>
#include <stdexcept>

#include "core/diagnostic.hpp"

namespace ijlas::platform {
namespace {

// [SECTION] Pixels: snapping, discs

// Boxes snap to whole pixels (edges rounded), so that every renderer fills the same pixels and
// neighbouring boxes tile without gaps or overlaps.
SDL_Rect snap(const ui::Box& box) {
  const int x0 = static_cast<int>(std::lround(box.x)), y0 = static_cast<int>(std::lround(box.y));
  const int x1 = static_cast<int>(std::lround(box.right()));
  const int y1 = static_cast<int>(std::lround(box.bottom()));
  return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

SDL_Rect intersect(const SDL_Rect& a, const SDL_Rect& b) {
  const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const int x1 = std::min(a.x + a.w, b.x + b.w), y1 = std::min(a.y + a.h, b.y + b.h);
  return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

// A disc of the radius in a 2r x 2r texture, white with alpha = coverage: its quarters are the
// corners of every rounded rectangle of that radius. The coverage is worked out for the top-left
// quarter and mirrored: a pixel's distance from the centre is the same, to the bit, in all four.
std::vector<std::uint32_t> disc_pixels(int radius) {
  const int size = 2 * radius;
  const auto r = static_cast<float>(radius);
  std::vector<std::uint32_t> pixels(static_cast<std::size_t>(size) * size);
  const auto at = [&pixels, size](int x, int y) -> std::uint32_t& {
    return pixels[static_cast<std::size_t>(y) * size + x];
  };
  for (int y = 0; y < radius; ++y) {
    for (int x = 0; x < radius; ++x) {
      const auto alpha =
          static_cast<std::uint32_t>(std::lround(255 * circle_coverage(x, y, r, r, r)));
      const std::uint32_t pixel = (alpha << 24) | 0x00FFFFFFu;
      at(x, y) = at(size - 1 - x, y) = at(x, size - 1 - y) = at(size - 1 - x, size - 1 - y) = pixel;
    }
  }
  return pixels;
}

// Coverage as white pixels whose alpha is the coverage. In blocks of 16 over storage that cannot
// overlap, which the compiler turns into vector instructions: an eighth of the instructions of a
// pixel at a time, 3 M of them in a first frame's upload of its atlas page.
void coverage_to_white(const std::uint8_t* __restrict ink, std::uint32_t* __restrict out,
                       std::size_t count) {
  constexpr std::size_t kBlock = 16;
  std::size_t i = 0;
  for (; i + kBlock <= count; i += kBlock) {
    for (std::size_t j = 0; j < kBlock; ++j)
      out[i + j] = (std::uint32_t{ink[i + j]} << 24) | 0x00FFFFFFu;
  }
  for (; i < count; ++i)
    out[i] = (std::uint32_t{ink[i]} << 24) | 0x00FFFFFFu;
}

// Evicts the least recently used entry of a texture cache that has reached its bound.
template <typename Map>
void make_room(Map& cache, std::size_t bound) {
  if (cache.size() < bound) return;
  auto oldest = std::min_element(cache.begin(), cache.end(), [](const auto& a, const auto& b) {
    return a.second.last_used < b.second.last_used;
  });
  if (oldest->second.texture) SDL_DestroyTexture(oldest->second.texture);
  cache.erase(oldest);
}

}  // namespace

// [SECTION] SdlRenderer: commands, clipping, fills

SdlRenderer::SdlRenderer(SDL_Renderer* renderer, text::Typesetter& typesetter, PhotoLoading photos)
    : renderer_(renderer), typesetter_(typesetter), photos_(std::move(photos)) {}

SdlRenderer::~SdlRenderer() {
  forget_textures();
}

void SdlRenderer::forget_textures() {
  for (AtlasTexture& page : atlas_) {
    if (page.texture) SDL_DestroyTexture(page.texture);
  }
  atlas_.clear();
  for (auto& [radius, cached] : discs_) {
    if (cached.texture) SDL_DestroyTexture(cached.texture);
  }
  discs_.clear();
  for (auto& [key, cached] : images_) {
    if (cached.texture) SDL_DestroyTexture(cached.texture);
  }
  images_.clear();
}

void SdlRenderer::draw(const ui::DrawList& list) {
  ++clock_;
  take_photos();
  // Every glyph of the frame first: the atlas then changes before drawing starts, and each
  // changed page is uploaded once per frame instead of once per text item.
  quads_.clear();
  quad_starts_.clear();
  const std::uint64_t evictions = typesetter_.atlas().evictions();
  for (const ui::DrawCommand& command : list.commands()) {
    if (const auto* item = std::get_if<ui::DrawText>(&command)) {
      quad_starts_.push_back(quads_.size());
      typesetter_.glyph_quads(*item->layout, item->x, item->y, quads_);
    }
  }
  quad_starts_.push_back(quads_.size());
  // A frame needing more glyphs than the atlas holds evicted some of its own: place each item
  // again as it is drawn.
  quads_valid_ = typesetter_.atlas().evictions() == evictions;
  next_text_ = 0;
  clips_.clear();
  apply_clip();
  for (const ui::DrawCommand& command : list.commands()) {
    // Under an empty clip nothing shows: skip the work (and SDL's idea of an empty rect).
    const bool hidden = !clips_.empty() && (clips_.back().w == 0 || clips_.back().h == 0);
    std::visit(
        [this, hidden](const auto& item) {
          using T = std::decay_t<decltype(item)>;
          if constexpr (std::is_same_v<T, ui::PushClip>) {
            push_clip(item.box);
          } else if constexpr (std::is_same_v<T, ui::PopClip>) {
            pop_clip();
          } else if constexpr (std::is_same_v<T, ui::FillRect>) {
            if (!hidden) fill(item);
          } else if constexpr (std::is_same_v<T, ui::DrawText>) {
            if (!hidden) text(item);
            ++next_text_;
          } else if constexpr (std::is_same_v<T, ui::DrawImage>) {
            if (!hidden) image(item);
          }
        },
        command);
  }
  clips_.clear();
  apply_clip();
}

void SdlRenderer::push_clip(const ui::Box& box) {
  const SDL_Rect rect = snap(box);
  clips_.push_back(clips_.empty() ? rect : intersect(clips_.back(), rect));
  apply_clip();
}

void SdlRenderer::pop_clip() {
  if (clips_.empty()) return;  // an unbalanced PopClip is ui's bug; drawing goes on unclipped
  clips_.pop_back();
  apply_clip();
}

void SdlRenderer::apply_clip() {
  if (clips_.empty() || clips_.back().w == 0 || clips_.back().h == 0) {
    SDL_RenderSetClipRect(renderer_, nullptr);
  } else {
    SDL_RenderSetClipRect(renderer_, &clips_.back());
  }
}

// A rounded rectangle is four quarters of a disc at its corners and three rectangles between
// them (the middle column, the left and right bands), none overlapping.
void SdlRenderer::fill(const ui::FillRect& item) {
  const SDL_Rect box = snap(item.box);
  if (box.w == 0 || box.h == 0) return;
  const text::Color c = item.color;
  const int radius =
      std::clamp(static_cast<int>(std::lround(item.corner_radius)), 0, std::min(box.w, box.h) / 2);
  // An opaque fill replaces what is under it: the software renderer then writes whole rows
  // instead of blending every pixel (a fifth of a first frame's instructions), same pixels.
  SDL_SetRenderDrawBlendMode(renderer_, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
  SDL_Texture* corners = radius > 0 ? disc(radius) : nullptr;
  if (!corners) {
    SDL_RenderFillRect(renderer_, &box);
    return;
  }
  const int r = radius, right = box.x + box.w - r, bottom = box.y + box.h - r;
  const SDL_Rect bands[] = {{box.x + r, box.y, box.w - 2 * r, box.h},
                            {box.x, box.y + r, r, box.h - 2 * r},
                            {right, box.y + r, r, box.h - 2 * r}};
  for (const SDL_Rect& band : bands) {
    if (band.w > 0 && band.h > 0) SDL_RenderFillRect(renderer_, &band);
  }
  SDL_SetTextureColorMod(corners, c.r, c.g, c.b);
  SDL_SetTextureAlphaMod(corners, c.a);
  const struct {
    SDL_Rect source, target;
  } quarters[] = {{{0, 0, r, r}, {box.x, box.y, r, r}},
                  {{r, 0, r, r}, {right, box.y, r, r}},
                  {{0, r, r, r}, {box.x, bottom, r, r}},
                  {{r, r, r, r}, {right, bottom, r, r}}};
  for (const auto& quarter : quarters) {
    SDL_RenderCopy(renderer_, corners, &quarter.source, &quarter.target);
  }
}

SDL_Texture* SdlRenderer::disc(int radius) {
  if (auto found = discs_.find(radius); found != discs_.end()) {
    found->second.last_used = clock_;
    return found->second.texture;
  }
  make_room(discs_, kMaxDiscs);
  CachedTexture cached{nullptr, clock_};
  cached.texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                     2 * radius, 2 * radius);
  if (cached.texture) {
    const std::vector<std::uint32_t> pixels = disc_pixels(radius);
    SDL_UpdateTexture(cached.texture, nullptr, pixels.data(), 2 * radius * 4);
    SDL_SetTextureBlendMode(cached.texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(cached.texture, SDL_ScaleModeNearest);
    ++disc_uploads_;
  }
  return discs_.emplace(radius, cached).first->second.texture;
}

// [SECTION] Text: glyph quads from the atlas

void SdlRenderer::text(const ui::DrawText& item) {
  std::span<const text::GlyphQuad> quads;
  if (quads_valid_) {
    quads = std::span(quads_).subspan(quad_starts_[next_text_],
                                      quad_starts_[next_text_ + 1] - quad_starts_[next_text_]);
  } else {
    item_quads_.clear();
    typesetter_.glyph_quads(*item.layout, item.x, item.y, item_quads_);
    quads = item_quads_;
  }
  if (quads.empty()) return;

  const float page_size = static_cast<float>(typesetter_.atlas().page_size());
  const SDL_Color color{item.color.r, item.color.g, item.color.b, item.color.a};
  const int page_count = static_cast<int>(typesetter_.atlas().pages().size());
  // One geometry call per atlas page the paragraph uses (nearly always just one).
  for (int page = 0; page < page_count; ++page) {
    vertices_.clear();
    indices_.clear();
    // A colour glyph keeps its own colours; only the text's opacity applies (a fading hint).
    const SDL_Color tint =
        typesetter_.atlas().pages()[page].color ? SDL_Color{255, 255, 255, color.a} : color;
    for (const text::GlyphQuad& quad : quads) {
      if (quad.page != page) continue;
      const auto x0 = static_cast<float>(quad.dst_x), y0 = static_cast<float>(quad.dst_y);
      const auto x1 = x0 + static_cast<float>(quad.width),
                 y1 = y0 + static_cast<float>(quad.height);
      const float u0 = static_cast<float>(quad.src_x) / page_size;
      const float v0 = static_cast<float>(quad.src_y) / page_size;
      const float u1 = static_cast<float>(quad.src_x + quad.width) / page_size;
      const float v1 = static_cast<float>(quad.src_y + quad.height) / page_size;
      const int first = static_cast<int>(vertices_.size());
      vertices_.push_back({{x0, y0}, tint, {u0, v0}});
      vertices_.push_back({{x1, y0}, tint, {u1, v0}});
      vertices_.push_back({{x1, y1}, tint, {u1, v1}});
      vertices_.push_back({{x0, y1}, tint, {u0, v1}});
      indices_.insert(indices_.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
    }
    if (vertices_.empty()) continue;
    SDL_Texture* texture = atlas_page(page);
    if (!texture) return;
    // The texture holds only the page's filled rows: v counts in its own height.
    const float v_scale = page_size / static_cast<float>(atlas_[page].height);
    for (SDL_Vertex& vertex : vertices_)
      vertex.tex_coord.y *= v_scale;
    SDL_RenderGeometry(renderer_, texture, vertices_.data(), static_cast<int>(vertices_.size()),
                       indices_.data(), static_cast<int>(indices_.size()));
  }
}

// The page as a texture, uploaded again only when the atlas changed its pixels since.
SDL_Texture* SdlRenderer::atlas_page(int page) {
  const text::GlyphAtlas& atlas = typesetter_.atlas();
  if (atlas_.size() < atlas.pages().size()) atlas_.resize(atlas.pages().size());
  AtlasTexture& slot = atlas_[page];
  const text::AtlasPage& source = atlas.pages()[page];
  const int size = atlas.page_size();
  // The filled rows, in steps of an eighth of the page: a first frame's few hundred glyphs take a
  // quarter of the memory of a whole page's texture.
  const int step = std::max(1, size / 8);
  const int filled =
      std::min(size, (source.shelf_y + source.shelf_height + step - 1) / step * step);
  if (slot.texture && slot.height < filled) {
    SDL_DestroyTexture(slot.texture);
    slot.texture = nullptr;
  }
  if (!slot.texture) {
    slot.height = std::max(step, filled);
    slot.texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                     size, slot.height);
    if (!slot.texture) {
      std::fprintf(stderr, "ijlas: cannot make a glyph atlas texture: %s\n", SDL_GetError());
      return nullptr;
    }
    SDL_SetTextureBlendMode(slot.texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(slot.texture, SDL_ScaleModeNearest);
  } else if (slot.version == source.version) {
    return slot.texture;
  }
  // In strips of rows: the staging buffer stays a sixteenth of the page (the first frame's peak
  // memory holds the page, its texture and this buffer at once).
  const int strip = std::max(1, size / 16);
  staging_.resize(static_cast<std::size_t>(strip) * size);
  for (int top = 0; top < slot.height; top += strip) {
    const int rows = std::min(strip, slot.height - top);
    const std::size_t count = static_cast<std::size_t>(rows) * size;
    if (source.color) {  // RGBA as it is
      const std::uint8_t* rgba = source.pixels.data() + static_cast<std::ptrdiff_t>(top) * size * 4;
      for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* pixel = rgba + i * 4;
        staging_[i] = (std::uint32_t{pixel[3]} << 24) | (std::uint32_t{pixel[0]} << 16) |
                      (std::uint32_t{pixel[1]} << 8) | pixel[2];
      }
    } else {
      coverage_to_white(source.pixels.data() + static_cast<std::ptrdiff_t>(top) * size,
                        staging_.data(), count);
    }
    const SDL_Rect area{0, top, size, rows};
    SDL_UpdateTexture(slot.texture, &area, staging_.data(), size * 4);
  }
  slot.version = source.version;
  ++atlas_uploads_;
  return slot.texture;
}

// [SECTION] Images: decoded by a child process, prepared per size, bounded cache

void SdlRenderer::image(const ui::DrawImage& item) {
  const SDL_Rect box = snap(item.box);
  if (box.w == 0 || box.h == 0) return;
  SDL_Texture* texture = photo({item.path, box.w, box.h, item.circle});
  if (texture) SDL_RenderCopy(renderer_, texture, nullptr, &box);
}

SDL_Texture* SdlRenderer::photo(const PhotoRequest& request) {
  if (auto found = images_.find(request); found != images_.end()) {
    found->second.last_used = clock_;
    return found->second.texture;
  }
  photos_.ask(request);  // drawn from the next frame on, once decoded
  return nullptr;
}

void SdlRenderer::take_photos() {
  for (const DecodedPhoto& photo : photos_.take_decoded()) {
    const PhotoRequest& request = photo.request;
    SDL_Texture* texture =
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                          request.width, request.height);
    if (!texture) {
      std::fprintf(stderr, "ijlas: cannot show the photo %s: %s\n", quoted(request.path).c_str(),
                   SDL_GetError());
      continue;
    }
    SDL_UpdateTexture(texture, nullptr, photo.pixels.data(), request.width * 4);
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    if (auto old = images_.find(request); old != images_.end()) {
      if (old->second.texture) SDL_DestroyTexture(old->second.texture);
      images_.erase(old);
    }
    make_room(images_, kMaxImages);
    images_.emplace(request, CachedTexture{texture, clock_});
  }
}

// [SECTION] RotatedOutput

RotatedOutput::RotatedOutput(SDL_Renderer* renderer, ScreenRotation rotation)
    : renderer_(renderer), rotation_(rotation) {
  if (!rotation_.turned()) return;
  const Size logical = rotation_.logical();
  logical_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                               logical.width, logical.height);
  if (!logical_) {
    throw std::runtime_error(std::string("cannot make the rotated picture's texture: ") +
                             SDL_GetError());
  }
  SDL_SetTextureBlendMode(logical_, SDL_BLENDMODE_NONE);
  SDL_SetTextureScaleMode(logical_, SDL_ScaleModeNearest);
}

RotatedOutput::~RotatedOutput() {
  if (logical_) SDL_DestroyTexture(logical_);
}

void RotatedOutput::begin(text::Color clear) {
  SDL_SetRenderTarget(renderer_, logical_);
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(renderer_, clear.r, clear.g, clear.b, clear.a);
  SDL_RenderClear(renderer_);
}

void RotatedOutput::finish() {
  if (!logical_) return;
  SDL_SetRenderTarget(renderer_, nullptr);
  const Size physical = rotation_.physical(), logical = rotation_.logical();
  // Centred on the output, then turned about its centre: its corners land on the output's.
  const SDL_FRect box{static_cast<float>(physical.width - logical.width) / 2,
                      static_cast<float>(physical.height - logical.height) / 2,
                      static_cast<float>(logical.width), static_cast<float>(logical.height)};
  SDL_RenderCopyExF(renderer_, logical_, nullptr, &box, rotation_.degrees(), nullptr,
                    SDL_FLIP_NONE);
}

}  // namespace ijlas::platform
