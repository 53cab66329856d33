// The text engine's front door: fonts, the paragraph cache, the rasterizer and the glyph atlas
// together. ui asks it for layouts; platform asks it for the glyph quads to draw.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "text/font_collection.hpp"
#include "text/glyph_atlas.hpp"
#include "text/paragraph_cache.hpp"

namespace ijlas::text {

struct GlyphQuad {
  int page = 0;              // atlas page
  int src_x = 0, src_y = 0;  // in the page
  int width = 0, height = 0;
  int dst_x = 0, dst_y = 0;  // top-left in target pixels
};

class Typesetter {
 public:
  explicit Typesetter(const std::filesystem::path& font_dir = FontCollection::default_dir());

  std::shared_ptr<const ParagraphLayout> layout(std::string_view text, const TextStyle& style);

  // Quads for every glyph of a layout whose top-left is at (x, y) in the target.
  void glyph_quads(const ParagraphLayout& layout, float x, float y, std::vector<GlyphQuad>& out);

  const FontCollection& fonts() const { return fonts_; }
  const GlyphAtlas& atlas() const { return atlas_; }
  const ParagraphCache& cache() const { return cache_; }

 private:
  FontCollection fonts_;
  ParagraphCache cache_;
  GlyphRasterizer rasterizer_;
  GlyphAtlas atlas_;
};

}  // namespace ijlas::text
