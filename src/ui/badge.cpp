#include "ui/badge.hpp"

namespace ijlas::ui {

Box draw_badge(Painter& p, std::string_view text, const Box& area, float y, Color background,
               Color color) {
  const Theme& t = p.theme();
  const auto laid = p.layout(text, 0, {TextRole::kMeta, color, Edge::kStart, 1, true});
  const Box box = p.from_start(area, 0, laid->width + 2 * t.gap(), y, laid->height);
  p.fill(box, background, t.radius());
  p.place(laid, {box.x + t.gap(), y, laid->width, 0}, color);
  return box;
}

}  // namespace ijlas::ui
