#include "text/paragraph_cache.hpp"

#include <bit>

namespace ijlas::text {
namespace {

// Equal floats hash equally (0.0 and -0.0 included).
std::size_t hash_of(float value) {
  return std::hash<std::uint32_t>{}(std::bit_cast<std::uint32_t>(value == 0 ? 0.0f : value));
}

void mix(std::size_t& seed, std::size_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

}  // namespace

ShapingKey::ShapingKey(std::string_view text, const TextStyle& style)
    : text(text),
      language(style.language),
      family(style.family),
      weight(style.weight),
      pixel_size(style.pixel_size),
      direction(style.direction) {}

LayoutKey::LayoutKey(std::string_view text, const TextStyle& style)
    : shaping(text, style),
      alignment(style.alignment),
      max_width(style.max_width),
      max_lines(style.max_lines),
      line_spacing(style.line_spacing) {}

std::size_t ShapingKeyHash::operator()(const ShapingKey& key) const {
  std::size_t seed = std::hash<std::string>{}(key.text);
  mix(seed, std::hash<std::string>{}(key.language));
  mix(seed, static_cast<std::size_t>(key.family));
  mix(seed, static_cast<std::size_t>(key.weight));
  mix(seed, hash_of(key.pixel_size));
  mix(seed, static_cast<std::size_t>(key.direction));
  return seed;
}

std::size_t LayoutKeyHash::operator()(const LayoutKey& key) const {
  std::size_t seed = ShapingKeyHash{}(key.shaping);
  mix(seed, static_cast<std::size_t>(key.alignment));
  mix(seed, hash_of(key.max_width));
  mix(seed, std::hash<int>{}(key.max_lines));
  mix(seed, hash_of(key.line_spacing));
  return seed;
}

ParagraphCache::ParagraphCache(std::size_t capacity) : shaped_(capacity), layouts_(capacity) {}

std::shared_ptr<const ParagraphLayout> ParagraphCache::get(const FontCollection& fonts,
                                                           std::string_view text,
                                                           const TextStyle& style) {
  LayoutKey key(text, style);
  if (const auto* layout = layouts_.find(key)) {
    ++hits_;
    return *layout;
  }
  ++misses_;
  std::shared_ptr<const ShapedParagraph> shaped;
  auto* found = shaped_.find(key.shaping);
  if (found && covers(**found, style)) {
    shaped = *found;
  } else {
    // A prefix shaped for fewer or narrower lines is replaced by one that reaches these.
    ++shaping_misses_;
    shaped = shape_paragraph(fonts, text, style);
    if (found) {
      *found = shaped;
    } else {
      shaped_.insert(key.shaping, shaped);
    }
  }
  auto layout = std::make_shared<const ParagraphLayout>(wrap_paragraph(*shaped, style));
  layouts_.insert(std::move(key), layout);
  return layout;
}

}  // namespace ijlas::text
