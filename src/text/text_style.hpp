// How a paragraph should look: the one value that, with the text and the width, decides a layout.
#pragma once

#include <cstdint>
#include <string>

namespace ijlas::text {

enum class FontFamily : std::uint8_t {
  kAuto,      // from the language: Nastaliq for Urdu (and other Arabic-script languages), else Sans
  kNastaliq,  // Noto Nastaliq Urdu
  kSans,      // Noto Sans
};

enum class FontWeight : std::uint8_t { kRegular, kBold };

enum class Direction : std::uint8_t { kLtr, kRtl };

// kAuto: right to left for a right-to-left language, left to right for another named language,
// and from the first strong character when the language is empty.
enum class ParagraphDirection : std::uint8_t { kAuto, kLtr, kRtl };

// Relative to the paragraph's direction: start is the right edge in Urdu.
enum class Alignment : std::uint8_t { kStart, kEnd, kCenter };

// Not part of a style: a draw command carries its color, so one layout serves every color.
struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
};

struct TextStyle {
  std::string language = "ur";  // BCP 47
  FontFamily family = FontFamily::kAuto;
  FontWeight weight = FontWeight::kRegular;
  float pixel_size = 32.0f;  // the em size of the primary font
  Alignment alignment = Alignment::kStart;
  ParagraphDirection direction = ParagraphDirection::kAuto;
  float max_width = 0.0f;     // pixels; 0 means one unbroken line per hard line break
  int max_lines = 0;          // 0 means no limit; otherwise an ellipsis ends the last line
  float line_spacing = 1.0f;  // multiplies the default distance between baselines

  bool operator==(const TextStyle&) const = default;
};

// True for languages written right to left (ur, ar, fa, ps, sd, ug, he, yi, dv, ckb).
bool is_rtl_language(const std::string& language);

// True for languages whose text wants the Nastaliq face (Arabic-script languages).
bool is_arabic_script_language(const std::string& language);

}  // namespace ijlas::text
