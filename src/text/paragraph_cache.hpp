// Laid-out paragraphs kept in two bounded levels, least recently used dropped first, as
// SkParagraph's cache does: shaped paragraphs by the text and the style's shaping fields, and
// their layouts by the wrapping fields too. Another width of a text already seen only breaks
// its lines again.
#pragma once

#include <algorithm>
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

// A bounded map that drops its least recently used entry first. Each key is stored once, in its
// entry; the index refers to it with its hash, so no lookup or rehash hashes a text again.
template <typename Key, typename Value, typename Hash>
class LruMap {
 public:
  explicit LruMap(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // The value for key, now the most recently used; nullptr when absent.
  Value* find(const Key& key) {
    auto entry = order_.end();
    if (order_.size() <= kScanned) {
      entry =
          std::find_if(order_.begin(), order_.end(), [&](const Entry& e) { return e.key == key; });
    } else if (const auto found = index_.find({&key, Hash{}(key)}); found != index_.end()) {
      entry = found->second;
    }
    if (entry == order_.end()) return nullptr;
    order_.splice(order_.begin(), order_, entry);
    return &entry->value;
  }
  void insert(Key key, Value value) {
    const std::size_t hash = Hash{}(key);
    order_.push_front({std::move(key), std::move(value), hash});
    index_.emplace(KeyRef{&order_.front().key, hash}, order_.begin());
    while (order_.size() > capacity_) {
      index_.erase({&order_.back().key, order_.back().hash});
      order_.pop_back();
    }
  }
  std::size_t size() const { return order_.size(); }

 private:
  struct Entry {
    Key key;
    Value value;
    std::size_t hash;
  };
  struct KeyRef {
    const Key* key;
    std::size_t hash;
  };
  struct HashOf {
    std::size_t operator()(const KeyRef& ref) const { return ref.hash; }
  };
  struct SameKey {
    bool operator()(const KeyRef& a, const KeyRef& b) const {
      return a.hash == b.hash && *a.key == *b.key;
    }
  };
  // Up to this many entries a scan (which compares the texts' sizes first) costs less than
  // hashing a whole paragraph, as libstdc++'s own maps of strings find.
  static constexpr std::size_t kScanned = 20;
  std::size_t capacity_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<KeyRef, typename std::list<Entry>::iterator, HashOf, SameKey> index_;
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
