// Laid-out paragraphs kept in two bounded levels, least recently used dropped first, as
// SkParagraph's cache does: shaped paragraphs by the text and the style's shaping fields, and
// their layouts by the wrapping fields too. Another width of a text already seen only breaks
// its lines again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "text/paragraph_layout.hpp"

namespace ijlas::text {

// What shaping depends on: the text and the style's shaping fields.
struct ShapingKey {
  std::string text;
  std::string language;
  FontFamily family = FontFamily::kAuto;
  FontWeight weight = FontWeight::kRegular;
  float pixel_size = 0;
  ParagraphDirection direction = ParagraphDirection::kAuto;

  ShapingKey(std::string_view text, const TextStyle& style);
  bool operator==(const ShapingKey&) const = default;
};

// What a layout depends on: the shaping and the style's wrapping fields.
struct LayoutKey {
  ShapingKey shaping;
  Alignment alignment = Alignment::kStart;
  float max_width = 0;
  int max_lines = 0;
  float line_spacing = 1;

  LayoutKey(std::string_view text, const TextStyle& style);
  bool operator==(const LayoutKey&) const = default;
};

struct ShapingKeyHash {
  std::size_t operator()(const ShapingKey& key) const;
};
struct LayoutKeyHash {
  std::size_t operator()(const LayoutKey& key) const;
};

// A bounded map that drops its least recently used entry first; each key is stored once.
template <typename Key, typename Value, typename Hash>
class LruMap {
 public:
  explicit LruMap(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // The value for key, now the most recently used; nullptr when absent.
  const Value* find(const Key& key) {
    const auto found = index_.find(&key);
    if (found == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, found->second);
    return &found->second->second;
  }
  void insert(Key key, Value value) {
    order_.emplace_front(std::move(key), std::move(value));
    index_.emplace(&order_.front().first, order_.begin());
    while (order_.size() > capacity_) {
      index_.erase(&order_.back().first);
      order_.pop_back();
    }
  }
  std::size_t size() const { return order_.size(); }

 private:
  struct HashKey {
    std::size_t operator()(const Key* key) const { return Hash{}(*key); }
  };
  struct SameKey {
    bool operator()(const Key* a, const Key* b) const { return *a == *b; }
  };
  using Entry = std::pair<Key, Value>;
  std::size_t capacity_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<const Key*, typename std::list<Entry>::iterator, HashKey, SameKey> index_;
};

class ParagraphCache {
 public:
  // 4096 holds every text of a day of a 1,000-session conference's agenda at once.
  explicit ParagraphCache(std::size_t capacity = 4096);

  // The layout of text in style (the width is part of the style), made on a miss.
  std::shared_ptr<const ParagraphLayout> get(const FontCollection& fonts, std::string_view text,
                                             const TextStyle& style);

  std::size_t size() const { return layouts_.size(); }
  std::uint64_t hits() const { return hits_; }
  std::uint64_t misses() const { return misses_; }
  std::uint64_t shaping_misses() const { return shaping_misses_; }  // misses that shaped

 private:
  LruMap<ShapingKey, std::shared_ptr<const ShapedParagraph>, ShapingKeyHash> shaped_;
  LruMap<LayoutKey, std::shared_ptr<const ParagraphLayout>, LayoutKeyHash> layouts_;
  std::uint64_t hits_ = 0, misses_ = 0, shaping_misses_ = 0;
};

}  // namespace ijlas::text
