#include "text/font_collection.hpp"

#include <stdexcept>

#include <unicode/uchar.h>

#include "core/bundled_files.hpp"

#ifndef IJLAS_FONT_DIR
#define IJLAS_FONT_DIR "fonts"
#endif

namespace ijlas::text {
namespace {

std::unique_ptr<FontFace> load(const std::filesystem::path& dir, const char* name) {
  return std::make_unique<FontFace>(dir / name);
}

}  // namespace

FontCollection::FontCollection(const std::filesystem::path& dir)
    : dir_(dir),
      nastaliq_regular_(load(dir, "NotoNastaliqUrdu-Regular.ttf")),
      nastaliq_bold_(load(dir, "NotoNastaliqUrdu-Bold.ttf")),
      sans_regular_(load(dir, "NotoSans-Regular.ttf")),
      sans_bold_(load(dir, "NotoSans-Bold.ttf")) {
  // Tall and deep letters of each script (kaf, gaf, lam, alef; yeh barree, noon ghunna, jeem).
  constexpr std::u32string_view kUrduLetters = U"\u0627\u0644\u06A9\u06AF\u06D2\u06BA\u062C\u06CC";
  constexpr std::u32string_view kLatinLetters = U"HÅbdfghjklpqy";
  nastaliq_regular_->measure_strut(kUrduLetters);
  nastaliq_bold_->measure_strut(kUrduLetters);
  sans_regular_->measure_strut(kLatinLetters);
  sans_bold_->measure_strut(kLatinLetters);
}

bool FontCollection::is_nastaliq(const FontFace& face) const {
  return &face == nastaliq_regular_.get() || &face == nastaliq_bold_.get();
}

std::filesystem::path FontCollection::default_dir() {
  return bundled_dir("IJLAS_FONT_DIR", "fonts", IJLAS_FONT_DIR);
}

const FontFace& FontCollection::nastaliq(FontWeight weight) const {
  return weight == FontWeight::kBold ? *nastaliq_bold_ : *nastaliq_regular_;
}

const FontFace& FontCollection::sans(FontWeight weight) const {
  return weight == FontWeight::kBold ? *sans_bold_ : *sans_regular_;
}

const FontFace& FontCollection::face(FontFamily family, FontWeight weight,
                                     const std::string& language) const {
  if (family == FontFamily::kAuto) {
    family = is_arabic_script_language(language) ? FontFamily::kNastaliq : FontFamily::kSans;
  }
  return family == FontFamily::kNastaliq ? nastaliq(weight) : sans(weight);
}

const FontFace& FontCollection::fallback(const FontFace& chosen, char32_t code_point,
                                         Presentation presentation) const {
  // What is shown as an emoji by default (😀, 👍, a skin tone, a flag's letters), or asked to be
  // by U+FE0F (☎️), comes in colour when the colour font is there, even where a symbol font or
  // the chosen face has it in black and white; U+FE0E keeps it text.
  const UChar32 c = static_cast<UChar32>(code_point);
  const bool emoji =
      presentation == Presentation::kEmoji || (presentation == Presentation::kDefault &&
                                               (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) ||
                                                u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) ||
                                                u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)));
  if (emoji) {
    for (const auto& symbols : symbol_faces()) {
      if (symbols->color() && symbols->covers(code_point)) return *symbols;
    }
  }
  const bool bold = &chosen == nastaliq_bold_.get() || &chosen == sans_bold_.get();
  const bool nastaliq = is_nastaliq(chosen);
  const FontWeight weight = bold ? FontWeight::kBold : FontWeight::kRegular;
  const FontFace& other = nastaliq ? sans(weight) : this->nastaliq(weight);
  if (chosen.covers(code_point)) return chosen;
  if (other.covers(code_point)) return other;
  for (const auto& symbols : symbol_faces()) {
    if (symbols->covers(code_point)) return *symbols;
  }
  return chosen;
}

bool FontCollection::covers(char32_t code_point) const {
  if (sans_regular_->covers(code_point) || nastaliq_regular_->covers(code_point)) return true;
  for (const auto& symbols : symbol_faces()) {
    if (symbols->covers(code_point)) return true;
  }
  return false;
}

std::vector<std::filesystem::path> FontCollection::symbol_font_dirs(
    const std::filesystem::path& dir) {
  return {dir, "/usr/share/fonts/truetype/noto"};
}

const std::vector<const char*>& FontCollection::symbol_font_names() {
  // Symbols 2 has ☎ ✓ ★ and most dingbats; Symbols the rest; Math the arrows and operators;
  // Color Emoji (fonts-noto-color-emoji) the emoji and flags, drawn in their own colours.
  static const std::vector<const char*> kNames = {"NotoSansSymbols2-Regular.ttf",
                                                  "NotoSansSymbols-Regular.ttf",
                                                  "NotoSansMath-Regular.ttf", "NotoColorEmoji.ttf"};
  return kNames;
}

const std::vector<std::unique_ptr<FontFace>>& FontCollection::symbol_faces() const {
  if (symbols_) return *symbols_;
  symbols_.emplace();
  for (const char* name : symbol_font_names()) {
    for (const std::filesystem::path& folder : symbol_font_dirs(dir_)) {
      std::error_code missing;
      if (!std::filesystem::is_regular_file(folder / name, missing)) continue;
      try {
        symbols_->push_back(std::make_unique<FontFace>(folder / name));
        break;
      } catch (const std::runtime_error&) {
        // A damaged system font is skipped: its symbols then show as the .notdef box.
      }
    }
  }
  return *symbols_;
}

}  // namespace ijlas::text
