#include "ui/theme.hpp"

#include <algorithm>

#include "text/font_collection.hpp"

namespace ijlas::ui {

Theme Theme::for_screen(float width, float height) {
  Theme theme;
  theme.width = width;
  theme.height = height;
  // S is the short side, but never so small that body text (0.028 S) falls under 1/40 of the
  // screen's height: on a portrait screen that height is the long side.
  theme.s = std::max(std::min(width, height), height / (40.0f * 0.028f));
  return theme;
}

float Theme::latin_size(TextRole role) const {
  switch (role) {
    case TextRole::kScreenTitle:
      return 0.050f * s;
    case TextRole::kSessionTitle:
      return 0.038f * s;
    case TextRole::kBody:
      return 0.028f * s;
    case TextRole::kMeta:
      return 0.024f * s;
    case TextRole::kClock:
      return 0.050f * s;
    case TextRole::kHero:
      return 0.060f * s;
  }
  return 0.028f * s;
}

float Theme::size(TextRole role, bool urdu) const {
  return latin_size(role) * (urdu ? text::kNastaliqToLatinSize : 1.0f);
}

}  // namespace ijlas::ui
