#include "text/glyph_atlas.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace ijlas::text {
namespace {
constexpr int kPadding = 1;  // empty pixels between glyphs so filtering never bleeds
}

std::size_t GlyphKeyHash::operator()(const GlyphKey& key) const {
  std::size_t hash = std::hash<const void*>()(key.face);
  hash = hash * 1000003u ^ key.glyph_id;
  hash = hash * 1000003u ^ key.size_64ths;
  hash = hash * 1000003u ^ key.subpixel;
  return hash;
}

GlyphAtlas::GlyphAtlas(int page_size, int max_pages)
    : page_size_(page_size), max_pages_(std::max(1, max_pages)) {}

std::size_t GlyphAtlas::memory_bytes() const {
  std::size_t bytes = 0;
  for (const AtlasPage& page : pages_)
    bytes += page.pixels.size();
  return bytes + entries_.size() * (sizeof(GlyphKey) + sizeof(AtlasEntry) + 16);
}

const AtlasEntry& GlyphAtlas::get(const GlyphKey& key, GlyphRasterizer& rasterizer) {
  ++clock_;
  if (auto found = entries_.find(key); found != entries_.end()) {
    if (found->second.page >= 0) pages_[found->second.page].last_used = clock_;
    return found->second;
  }
  const float pixel_size = static_cast<float>(key.size_64ths) / 64.0f;
  const float subpixel = static_cast<float>(key.subpixel) / kSubpixelSteps;
  GlyphBitmap bitmap = rasterizer.rasterize(*key.face, key.glyph_id, pixel_size, subpixel);
  ++rasterized_;

  AtlasEntry entry;
  entry.left = bitmap.left;
  entry.top = bitmap.top;
  // A glyph larger than a page (a 4K banner) is clipped to the page rather than refused.
  entry.width = std::min(bitmap.width, page_size_ - 2 * kPadding);
  entry.height = std::min(bitmap.height, page_size_ - 2 * kPadding);
  if (entry.width > 0 && entry.height > 0) {
    entry.page = allocate(entry.width, entry.height, bitmap.color, entry.x, entry.y);
    AtlasPage& page = pages_[entry.page];
    const std::ptrdiff_t channels = bitmap.color ? 4 : 1;
    const std::vector<std::uint8_t>& source = bitmap.color ? bitmap.rgba : bitmap.coverage;
    for (int row = 0; row < entry.height; ++row) {
      std::copy_n(
          source.begin() + static_cast<std::ptrdiff_t>(row) * bitmap.width * channels,
          entry.width * channels,
          page.pixels.begin() +
              (static_cast<std::ptrdiff_t>(entry.y + row) * page_size_ + entry.x) * channels);
    }
    ++page.version;
    page.last_used = clock_;
  } else {
    entry.width = entry.height = 0;
  }
  return entries_.emplace(key, entry).first->second;
}

// Shelf packing: glyphs fill a row left to right; a new shelf starts below the tallest. Colour
// glyphs go on pages of their own.
int GlyphAtlas::allocate(int width, int height, bool color, int& x, int& y) {
  const int w = width + kPadding, h = height + kPadding;
  for (int index = 0; index < static_cast<int>(pages_.size()); ++index) {
    AtlasPage& page = pages_[index];
    if (page.color != color) continue;
    if (page.shelf_x + w > page_size_) {
      page.shelf_y += page.shelf_height;
      page.shelf_x = kPadding;
      page.shelf_height = 0;
    }
    if (page.shelf_y + h <= page_size_ && page.shelf_x + w <= page_size_) {
      x = page.shelf_x;
      y = page.shelf_y;
      page.shelf_x += w;
      page.shelf_height = std::max(page.shelf_height, h);
      return index;
    }
  }
  int index;
  if (static_cast<int>(pages_.size()) < max_pages_) {
    index = static_cast<int>(pages_.size());
    pages_.emplace_back();
  } else {
    index = static_cast<int>(std::min_element(pages_.begin(), pages_.end(),
                                              [](const AtlasPage& a, const AtlasPage& b) {
                                                return a.last_used < b.last_used;
                                              }) -
                             pages_.begin());
    empty_page(index);
  }
  AtlasPage& page = pages_[index];
  if (page.pixels.empty() || page.color != color) {
    page.color = color;
    page.pixels = PagePixels(static_cast<std::size_t>(page_size_) * page_size_ * (color ? 4 : 1));
    ++page.version;
  }
  page.shelf_x = page.shelf_y = kPadding;
  page.shelf_height = 0;
  x = page.shelf_x;
  y = page.shelf_y;
  page.shelf_x += w;
  page.shelf_height = h;
  return index;
}

void GlyphAtlas::empty_page(int page) {
  ++evictions_;
  std::erase_if(entries_, [page](const auto& item) { return item.second.page == page; });
  std::fill(pages_[page].pixels.begin(), pages_[page].pixels.end(), 0);
  ++pages_[page].version;
}

}  // namespace ijlas::text
