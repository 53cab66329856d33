// Draws a screen's pieces into a DrawList in the reading direction of the UI language: "start"
// is the right edge in Urdu and the left in English, whatever the language of a given text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ui/draw_list.hpp"
#include "ui/theme.hpp"
#include "ui/ui_action.hpp"
#include "ui/ui_strings.hpp"

namespace ijlas::text {
class Typesetter;
}

namespace ijlas::ui {

enum class Edge { kStart, kEnd, kCenter };  // in the UI's reading direction

// A place that reacts to a tap; screens register them while they draw.
struct HitTarget {
  Box box;
  UiAction action;
};

struct TextOptions {
  TextRole role = TextRole::kBody;
  Color color = colors::kText;
  Edge edge = Edge::kStart;
  int max_lines = 0;
  bool bold = false;
  float line_spacing = 1.0f;
};

class Painter {
 public:
  Painter(DrawList& list, text::Typesetter& typesetter, const Theme& theme, Language language)
      : list_(list), typesetter_(typesetter), theme_(theme), language_(language) {}

  const Theme& theme() const { return theme_; }
  Language language() const { return language_; }
  bool rtl() const { return language_ == Language::kUrdu; }
  DrawList& list() { return list_; }
  text::Typesetter& typesetter() { return typesetter_; }
  std::vector<HitTarget>& targets() { return targets_; }

  // A box at `offset` from the start edge of `container`, `width` wide: mirrored in Urdu.
  Box from_start(const Box& container, float offset, float width, float y, float height) const;

  // The language a text is in: Urdu when it has Arabic letters.
  static std::string language_of(std::string_view text);

  // width 0: one line as wide as the text (its layout's width is then the natural width).
  std::shared_ptr<const text::ParagraphLayout> layout(std::string_view text, float width,
                                                      const TextOptions& options);
  // Draws text in the box's width, its first line box at box.y; returns the height used.
  float text(std::string_view text, const Box& box, const TextOptions& options);
  // Draws a laid-out paragraph with its top-left at the box's (the layout's alignment already
  // put each line at its edge); returns its height.
  float place(const std::shared_ptr<const text::ParagraphLayout>& layout, const Box& box,
              Color color);
  float measure(std::string_view text, const TextOptions& options);  // natural width
  // Two one-line texts on one line of `area`, one at the start edge and one at the end, their
  // baselines level (a Latin time beside Urdu words); returns the height used.
  float place_pair(const std::shared_ptr<const text::ParagraphLayout>& start, Color start_color,
                   const std::shared_ptr<const text::ParagraphLayout>& end, Color end_color,
                   const Box& area, float y);

  void fill(const Box& box, Color color, float radius = 0) { list_.fill(box, color, radius); }
  // The part of the screen a scrolling list shows: rows wholly outside it are measured, not drawn.
  void set_visible(const Box& box) { visible_ = box; }
  bool visible(const Box& box) const {
    return box.bottom() > visible_.y && box.y < visible_.bottom();
  }
  // Out of line: GCC 12 inlining the variant's copy at every call warns of an uninitialized read.
  void target(const Box& box, UiAction action);

 private:
  DrawList& list_;
  text::Typesetter& typesetter_;
  const Theme& theme_;
  Language language_;
  std::vector<HitTarget> targets_;
  Box visible_{0, 0, 1e9f, 1e9f};
};

}  // namespace ijlas::ui
