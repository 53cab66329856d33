// Colours and sizes of SCREENS.md. Every size derives from the screen's short side S, so one
// layout serves 720p to 4K, landscape and portrait.
#pragma once

#include "text/text_style.hpp"

namespace ijlas::ui {

using text::Color;

namespace colors {
inline constexpr Color kBackground{0x0B, 0x1F, 0x33, 0xFF};
inline constexpr Color kCard{0x12, 0x30, 0x4D, 0xFF};
inline constexpr Color kDivider{0x24, 0x47, 0x6B, 0xFF};
inline constexpr Color kText{0xFF, 0xFF, 0xFF, 0xFF};
inline constexpr Color kSecondary{0xC9, 0xD6, 0xE3, 0xFF};
inline constexpr Color kNow{0xF2, 0xB7, 0x05, 0xFF};  // gold: what is on now, highlights
inline constexpr Color kOnGold{0x0B, 0x1F, 0x33, 0xFF};
inline constexpr Color kProgress{0x3D, 0xDC, 0x97, 0xFF};
inline constexpr Color kDelayed{0xFF, 0xB5, 0x47, 0xFF};
inline constexpr Color kCancelled{0xFF, 0x6B, 0x6B, 0xFF};
inline constexpr Color kDimmed{0x8A, 0x9B, 0xAD, 0xFF};  // finished sessions (contrast > 4.5:1)
inline constexpr Color kScrim{0x00, 0x00, 0x00, 0xB0};
}  // namespace colors

// The roles of text on screen, each with its size from SCREENS.md.
enum class TextRole { kScreenTitle, kSessionTitle, kBody, kMeta, kClock, kHero };

struct Theme {
  float width = 1920, height = 1080;
  float s = 1080;  // the unit of every size: the short side (more on a portrait screen)

  static Theme for_screen(float width, float height);

  bool portrait() const { return height > width; }
  // Portrait: two rows, the conference title above the time, date and language.
  float top_bar() const { return (portrait() ? 0.15f : 0.09f) * s; }
  float bottom_bar() const { return 0.11f * s; }
  float margin() const { return 0.03f * s; }
  float gap() const { return 0.015f * s; }
  float radius() const { return 0.012f * s; }
  float stripe() const { return 0.008f * s; }  // track colour on a session's start edge
  // The smallest touch target: 9 mm on a 21-inch 1080p screen (~0.25 mm per pixel) is ~37 px;
  // 0.07 S gives 76 px at 1080 and stays above 9 mm on every supported size.
  float touch() const { return 0.07f * s; }

  // Latin pixel size of a role; Urdu text of the same role is set 1.2x larger.
  float latin_size(TextRole role) const;
  float size(TextRole role, bool urdu) const;
};

}  // namespace ijlas::ui
