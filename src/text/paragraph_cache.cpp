#include "text/paragraph_cache.hpp"

namespace ijlas::text {
namespace {

// Every field of the style that changes the layout, then the text: one string, so the map can
// hash and compare it without a custom key type.
std::string cache_key(std::string_view text, const TextStyle& style) {
  std::string key;
  key.reserve(text.size() + style.language.size() + 48);
  auto put = [&key](const auto& value) {
    key.append(reinterpret_cast<const char*>(&value), sizeof(value));
  };
  put(style.family);
  put(style.weight);
  put(style.pixel_size);
  put(style.color);
  put(style.alignment);
  put(style.direction);
  put(style.max_width);
  put(style.max_lines);
  put(style.line_spacing);
  key += style.language;
  key += '\0';
  key += text;
  return key;
}

}  // namespace

ParagraphCache::ParagraphCache(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

std::shared_ptr<const ParagraphLayout> ParagraphCache::get(const FontCollection& fonts,
                                                           std::string_view text,
                                                           const TextStyle& style) {
  std::string key = cache_key(text, style);
  if (const auto found = entries_.find(key); found != entries_.end()) {
    ++hits_;
    order_.splice(order_.begin(), order_, found->second);
    return found->second->layout;
  }
  ++misses_;
  auto layout = std::make_shared<const ParagraphLayout>(layout_paragraph(fonts, text, style));
  order_.push_front({std::move(key), layout});
  entries_.emplace(order_.front().key, order_.begin());
  while (order_.size() > capacity_) {
    entries_.erase(order_.back().key);
    order_.pop_back();
  }
  return layout;
}

}  // namespace ijlas::text
