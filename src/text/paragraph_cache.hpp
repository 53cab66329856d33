// Laid-out paragraphs kept by (text, style), bounded, least recently used dropped first.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/paragraph_layout.hpp"

namespace ijlas::text {

class ParagraphCache {
 public:
  // 4096 holds every text of a day of a 1,000-session conference's agenda at once.
  explicit ParagraphCache(std::size_t capacity = 4096);

  // The layout of text in style (the width is part of the style), made on a miss.
  std::shared_ptr<const ParagraphLayout> get(const FontCollection& fonts, std::string_view text,
                                             const TextStyle& style);

  std::size_t size() const { return entries_.size(); }
  std::uint64_t hits() const { return hits_; }
  std::uint64_t misses() const { return misses_; }

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const ParagraphLayout> layout;
  };
  std::size_t capacity_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> entries_;
  std::uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace ijlas::text
