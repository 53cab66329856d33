#include "ui/progress_bar.hpp"

#include <algorithm>

namespace ijlas::ui {

float draw_progress_bar(Painter& p, const Box& area, float y, double progress) {
  const Theme& t = p.theme();
  const float bar_h = std::max(6.0f, 0.012f * t.s);
  p.fill({area.x, y, area.w, bar_h}, colors::kDivider, bar_h / 2);
  const float done = std::clamp(static_cast<float>(progress), 0.0f, 1.0f) * area.w;
  p.fill(p.from_start(area, 0, done, y, bar_h), colors::kProgress, bar_h / 2);
  return bar_h;
}

}  // namespace ijlas::ui
