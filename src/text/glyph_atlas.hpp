// Rasterized glyphs packed into a bounded set of 8-bit pages (textures on the screen), and colour
// glyphs (emoji, flags) into pages of RGBA. When every page is full the least recently used page
// is emptied and reused, so memory never grows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/glyph_rasterizer.hpp"

namespace ijlas::text {

class FontFace;

inline constexpr int kSubpixelSteps = 4;  // quarter-pixel horizontal positions

struct GlyphKey {
  const FontFace* face = nullptr;
  std::uint32_t glyph_id = 0;
  std::uint32_t size_64ths = 0;  // pixel size in 1/64 px
  std::uint8_t subpixel = 0;     // 0 .. kSubpixelSteps - 1
  bool operator==(const GlyphKey&) const = default;
};

struct GlyphKeyHash {
  std::size_t operator()(const GlyphKey& key) const;
};

struct AtlasEntry {
  int page = -1;
  int x = 0, y = 0, width = 0, height = 0;  // place in the page; width 0 for an empty glyph
  int left = 0, top = 0;                    // as GlyphBitmap
};

// A page's pixels come zeroed from calloc, which leaves fresh memory to the system's zero pages:
// a page costs the memory its glyphs reach, where a vector's own zeroing wrote (and so took) the
// whole megabyte, 256 page faults of a first frame's 4,100.
template <typename T>
struct ZeroedMemory {
  using value_type = T;
  ZeroedMemory() = default;
  template <typename U>
  ZeroedMemory(const ZeroedMemory<U>&) {}
  T* allocate(std::size_t count) {
    if (void* memory = std::calloc(count, sizeof(T))) return static_cast<T*>(memory);
    throw std::bad_alloc();
  }
  void deallocate(T* memory, std::size_t) { std::free(memory); }
  template <typename U>
  void construct(U*) {}  // a value-initialised element: calloc's zeros are it
  template <typename U, typename... Args>
  void construct(U* at, Args&&... args) {
    ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
  }
  template <typename U>
  bool operator==(const ZeroedMemory<U>&) const {
    return true;
  }
};

using PagePixels = std::vector<std::uint8_t, ZeroedMemory<std::uint8_t>>;

struct AtlasPage {
  bool color = false;         // RGBA (straight alpha) instead of coverage
  PagePixels pixels;          // size * size coverage, or size * size * 4 RGBA
  std::uint64_t version = 0;  // grows whenever pixels change: re-upload when it differs
  std::uint64_t last_used = 0;
  int shelf_y = 0, shelf_x = 0, shelf_height = 0;
};

class GlyphAtlas {
 public:
  explicit GlyphAtlas(int page_size = 1024, int max_pages = 4);

  // The glyph's place, rasterizing it on first use. The entry stays valid until the next call.
  const AtlasEntry& get(const GlyphKey& key, GlyphRasterizer& rasterizer);

  int page_size() const { return page_size_; }
  const std::vector<AtlasPage>& pages() const { return pages_; }
  std::uint64_t rasterized_count() const { return rasterized_; }
  std::uint64_t evictions() const { return evictions_; }  // pages emptied for reuse so far
  std::size_t memory_bytes() const;

 private:
  int allocate(int width, int height, bool color, int& x, int& y);
  void empty_page(int page);

  int page_size_;
  int max_pages_;
  std::uint64_t clock_ = 0;
  std::uint64_t rasterized_ = 0;
  std::uint64_t evictions_ = 0;
  std::vector<AtlasPage> pages_;
  std::unordered_map<GlyphKey, AtlasEntry, GlyphKeyHash> entries_;
};

}  // namespace ijlas::text
