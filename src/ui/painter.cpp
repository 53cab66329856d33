#include "ui/painter.hpp"

#include <cmath>

#include "agenda/agenda.hpp"
#include "text/typesetter.hpp"

namespace ijlas::ui {

Box Painter::from_start(const Box& container, float offset, float width, float y,
                        float height) const {
  const float x = rtl() ? container.right() - offset - width : container.x + offset;
  return {x, y, width, height};
}

std::string Painter::language_of(std::string_view text) {
  return agenda::has_arabic_script(text) ? "ur" : "en";
}

std::shared_ptr<const text::ParagraphLayout> Painter::layout(std::string_view text, float width,
                                                             const TextOptions& options) {
  text::TextStyle style;
  style.language = language_of(text);
  const bool urdu = style.language == "ur";
  style.pixel_size = std::round(theme_.size(options.role, urdu));
  style.weight = options.bold ? text::FontWeight::kBold : text::FontWeight::kRegular;
  style.max_width = width > 0 ? std::max(1.0f, std::floor(width)) : 0.0f;  // 0: one natural line
  style.max_lines = options.max_lines;
  style.line_spacing = options.line_spacing;
  // The edge in UI terms becomes an alignment relative to the paragraph's own direction.
  const bool paragraph_rtl = urdu;
  const bool right = options.edge == Edge::kStart ? rtl() : !rtl();
  style.alignment = options.edge == Edge::kCenter ? text::Alignment::kCenter
                    : right == paragraph_rtl      ? text::Alignment::kStart
                                                  : text::Alignment::kEnd;
  return typesetter_.layout(text, style);
}

float Painter::place(const std::shared_ptr<const text::ParagraphLayout>& layout, const Box& box,
                     Color color) {
  list_.text(layout, std::round(box.x), std::round(box.y), color);
  return layout->height;
}

float Painter::text(std::string_view text, const Box& box, const TextOptions& options) {
  if (text.empty()) return 0;
  const auto laid = layout(text, box.w, options);
  return place(laid, box, options.color);
}

float Painter::place_pair(const std::shared_ptr<const text::ParagraphLayout>& start,
                          Color start_color,
                          const std::shared_ptr<const text::ParagraphLayout>& end, Color end_color,
                          const Box& area, float y) {
  const float start_baseline = start->lines.front().baseline;
  const float end_baseline = end ? end->lines.front().baseline : 0;
  const float baseline = std::max(start_baseline, end_baseline);
  place(start, from_start(area, 0, start->width, y + baseline - start_baseline, 0), start_color);
  float bottom = y + baseline - start_baseline + start->height;
  if (end) {
    place(end, from_start(area, area.w - end->width, end->width, y + baseline - end_baseline, 0),
          end_color);
    bottom = std::max(bottom, y + baseline - end_baseline + end->height);
  }
  return bottom - y;
}

void Painter::target(const Box& box, UiAction action) {
  targets_.push_back({box, std::move(action)});
}

float Painter::measure(std::string_view text, const TextOptions& options) {
  return std::ceil(layout(text, 0, options)->width);
}

}  // namespace ijlas::ui
