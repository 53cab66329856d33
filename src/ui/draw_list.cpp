#include "ui/draw_list.hpp"

namespace ijlas::ui {
namespace {

bool same(const FillRect& a, const FillRect& b) {
  return a.box == b.box && a.color == b.color && a.corner_radius == b.corner_radius;
}
bool same(const DrawText& a, const DrawText& b) {
  return a.layout == b.layout && a.x == b.x && a.y == b.y && a.color == b.color;
}
bool same(const DrawImage& a, const DrawImage& b) {
  return a.path == b.path && a.box == b.box && a.circle == b.circle;
}
bool same(const PushClip& a, const PushClip& b) {
  return a.box == b.box;
}
bool same(const PopClip&, const PopClip&) {
  return true;
}

}  // namespace

// Commands are built with braces: clang before 16 (and so clang-tidy) cannot make an aggregate
// from parentheses, as std::in_place_type would ask.
void DrawList::fill(const Box& box, Color color, float corner_radius) {
  if (box.w <= 0 || box.h <= 0 || color.a == 0) return;
  commands_.emplace_back(FillRect{box, color, corner_radius});
}

void DrawList::text(std::shared_ptr<const text::ParagraphLayout> layout, float x, float y,
                    Color color) {
  if (!layout) return;
  const text::Rect& b = layout->bounds;
  const Box bounds{x + b.x0, y + b.y0, b.x1 - b.x0, b.y1 - b.y0};
  commands_.emplace_back(DrawText{std::move(layout), x, y, color, bounds});
}

void DrawList::image(std::string path, const Box& box, bool circle) {
  commands_.emplace_back(DrawImage{std::move(path), box, circle});
}

void DrawList::push_clip(const Box& box) {
  commands_.emplace_back(PushClip{box});
}

void DrawList::pop_clip() {
  commands_.emplace_back(PopClip{});
}

// Equal lists draw equal pictures: a frame equal to the last one need not be drawn again.
bool DrawList::operator==(const DrawList& other) const {
  if (commands_.size() != other.commands_.size()) return false;
  for (std::size_t i = 0; i < commands_.size(); ++i) {
    const bool equal = std::visit(
        [](const auto& a, const auto& b) {
          if constexpr (std::is_same_v<std::decay_t<decltype(a)>, std::decay_t<decltype(b)>>) {
            return same(a, b);
          } else {
            return false;
          }
        },
        commands_[i], other.commands_[i]);
    if (!equal) return false;
  }
  return true;
}

}  // namespace ijlas::ui
