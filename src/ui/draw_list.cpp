#include "ui/draw_list.hpp"

#include <algorithm>

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
  return a.box == b.box && a.scrolling == b.scrolling;
}
bool same(const PopClip&, const PopClip&) {
  return true;
}

Box intersection(const Box& a, const Box& b) {
  const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const float x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
  return {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
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

void DrawList::push_clip(const Box& box, bool scrolling) {
  commands_.emplace_back(PushClip{box, scrolling});
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

std::vector<TextPlacement> text_placements(const DrawList& list) {
  struct Clip {
    Box box;
    bool scrolling;
  };
  std::vector<Clip> clips;
  std::vector<TextPlacement> out;
  // Half a pixel of antialiasing at a clip's edge is not a cut.
  constexpr float kSlack = 0.5f;
  for (const DrawCommand& command : list.commands()) {
    if (const auto* push = std::get_if<PushClip>(&command)) {
      const Box inner = clips.empty() ? push->box : intersection(clips.back().box, push->box);
      clips.push_back({inner, push->scrolling || (!clips.empty() && clips.back().scrolling)});
    } else if (std::holds_alternative<PopClip>(command)) {
      if (!clips.empty()) clips.pop_back();
    } else if (const auto* text = std::get_if<DrawText>(&command)) {
      TextPlacement placed{text, text->bounds, text->bounds};
      if (!clips.empty()) {
        const Box& clip = clips.back().box;
        placed.visible = intersection(text->bounds, clip);
        placed.clipped = text->bounds.x < clip.x - kSlack || text->bounds.y < clip.y - kSlack ||
                         text->bounds.right() > clip.right() + kSlack ||
                         text->bounds.bottom() > clip.bottom() + kSlack;
        placed.scroll = clips.back().scrolling;
      }
      for (const text::LayoutLine& line : text->layout->lines)
        placed.ellipsized = placed.ellipsized || line.ellipsized;
      out.push_back(placed);
    }
  }
  return out;
}

}  // namespace ijlas::ui
