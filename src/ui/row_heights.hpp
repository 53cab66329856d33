// The measured rows of a long list (a day's sessions, the speakers' cards), kept while the
// agenda, the width and the language stay: a steady frame then finds the rows in view by their
// offsets and lays out and draws only those, however long the list. KioskUi forgets them all
// when the agenda or the screen changes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace ijlas::ui {

class RowHeights {
 public:
  static constexpr float kUnmeasured = -1;

  struct List {
    bool filled = false;                        // items and heights are known
    std::vector<std::size_t> items;             // what each row shows (an index the screen owns)
    std::vector<std::array<float, 2>> heights;  // per row: as usual, and while it runs (bold)
    std::vector<float> offsets;                 // top of each row, then the list's end
    std::int64_t offsets_at = std::numeric_limits<std::int64_t>::min();  // the now they are for
    std::ptrdiff_t now_row = -1;  // the first row not finished at offsets_at, or -1
  };

  // The list named `key` (screen, day, width, language), empty the first time.
  List& list(const std::string& key);
  void clear() { lists_.clear(); }

  // The first row that reaches below `top` (an offset into the list).
  static std::size_t first_below(const List& list, float top);

 private:
  std::map<std::string, List> lists_;
};

}  // namespace ijlas::ui
