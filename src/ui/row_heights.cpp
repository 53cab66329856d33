#include "ui/row_heights.hpp"

#include <algorithm>

namespace ijlas::ui {

RowHeights::List& RowHeights::list(const std::string& key) {
  if (lists_.size() >= 32 && !lists_.count(key)) lists_.clear();  // many days and widths: bounded
  return lists_[key];
}

std::size_t RowHeights::first_below(const List& list, float top) {
  if (list.offsets.size() < 2) return 0;
  // offsets[i + 1] is the end of row i: the first row whose end is below `top`.
  const auto end = std::upper_bound(list.offsets.begin() + 1, list.offsets.end(), top);
  return static_cast<std::size_t>(end - (list.offsets.begin() + 1));
}

}  // namespace ijlas::ui
