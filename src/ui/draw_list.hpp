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
  Box box;  // nothing drawn until the matching PopClip falls outside it
};

struct PopClip {};

using DrawCommand = std::variant<FillRect, DrawText, DrawImage, PushClip, PopClip>;

class DrawList {
 public:
  void fill(const Box& box, Color color, float corner_radius = 0);
  // Places a laid-out paragraph with its top-left at (x, y).
  void text(std::shared_ptr<const text::ParagraphLayout> layout, float x, float y, Color color);
  void image(std::string path, const Box& box, bool circle = false);
  void push_clip(const Box& box);
  void pop_clip();

  const std::vector<DrawCommand>& commands() const { return commands_; }
  void clear() { commands_.clear(); }
  bool operator==(const DrawList&) const;

 private:
  std::vector<DrawCommand> commands_;
};

}  // namespace ijlas::ui
