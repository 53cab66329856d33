// What a screen wants on the glass, in order, as plain values: ui builds it with no window, and
// platform turns it into pixels (SDL on the board, a software surface for shots). Every text item
// keeps its string, language and box so that shots can list what was drawn.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "text/paragraph_layout.hpp"
#include "text/text_style.hpp"

namespace ijlas::ui {

using text::Color;

struct Box {  // pixels, y down
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
  bool operator==(const Box&) const = default;
};

struct FillRect {
  Box box;
  Color color;
  float corner_radius = 0;  // rounded corners; box.h / 2 on a square box draws a circle
};

struct DrawText {
  std::shared_ptr<const text::ParagraphLayout> layout;
  float x = 0, y = 0;  // where the layout's origin (its top-left) goes
  Color color;
  Box bounds;  // the layout's ink and line boxes, placed: what the text covers
};

struct DrawImage {
  std::string path;  // a PNG or JPEG file
  Box box;
  bool circle = false;  // speaker photos are cut to a circle
};

struct PushClip {
  Box box;                 // nothing drawn until the matching PopClip falls outside it
  bool scrolling = false;  // a list that scrolls (or a ticker): cut text there is expected
};

struct PopClip {};

using DrawCommand = std::variant<FillRect, DrawText, DrawImage, PushClip, PopClip>;

class DrawList {
 public:
  void fill(const Box& box, Color color, float corner_radius = 0);
  // Places a laid-out paragraph with its top-left at (x, y).
  void text(std::shared_ptr<const text::ParagraphLayout> layout, float x, float y, Color color);
  void image(std::string path, const Box& box, bool circle = false);
  void push_clip(const Box& box, bool scrolling = false);
  void pop_clip();

  const std::vector<DrawCommand>& commands() const { return commands_; }
  void clear() { commands_.clear(); }
  bool operator==(const DrawList&) const;

 private:
  std::vector<DrawCommand> commands_;
};

// Where a text item landed: its box, the part of it its clip rectangles let through, and
// whether it sits in a scrolling list. What shots list and the no-clipping test checks.
struct TextPlacement {
  const DrawText* item = nullptr;
  Box box;                  // the item's bounds
  Box visible;              // box inside every enclosing clip (w or h 0: nothing shows)
  bool clipped = false;     // part of the box is cut off by a clip
  bool scroll = false;      // inside a scrolling clip
  bool ellipsized = false;  // the layout left words out (an ellipsis at a line's end)
};

std::vector<TextPlacement> text_placements(const DrawList& list);

}  // namespace ijlas::ui
