// The bundled fonts (fonts/ of the repository) and the choice among them, plus the symbol fonts
// that the system provides for what those lack (☎, ✓, arrows; emoji and flags in colour), found
// by fixed Debian paths.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "text/font_face.hpp"
#include "text/text_style.hpp"

namespace ijlas::text {

class FontCollection {
 public:
  // Loads NotoNastaliqUrdu-{Regular,Bold}.ttf and NotoSans-{Regular,Bold}.ttf from dir.
  // Throws std::runtime_error naming the missing file.
  explicit FontCollection(const std::filesystem::path& dir);

  // $IJLAS_FONT_DIR, else the installed fonts beside the program, else the build tree's.
  static std::filesystem::path default_dir();

  const FontFace& nastaliq(FontWeight weight) const;
  const FontFace& sans(FontWeight weight) const;
  const FontFace& face(FontFamily family, FontWeight weight, const std::string& language) const;

  bool is_nastaliq(const FontFace& face) const;

  // How a character asks to be shown by the variation selector after it: U+FE0F as an emoji (in
  // colour), U+FE0E as text (in black and white), or neither.
  enum class Presentation { kDefault, kEmoji, kText };

  // The fallback for a code point that the chosen face lacks: the other family when it has it,
  // else the first symbol font that has it, else the chosen face (its .notdef).
  const FontFace& fallback(const FontFace& chosen, char32_t code_point,
                           Presentation presentation = Presentation::kDefault) const;

  // Whether any face (the bundled ones or a symbol font) has a glyph for the code point.
  bool covers(char32_t code_point) const;

  // Where the symbol fonts are looked for: the bundled font folder first (a font placed there
  // with its licence wins), then Debian's fonts-noto-core folder.
  static std::vector<std::filesystem::path> symbol_font_dirs(const std::filesystem::path& dir);
  // The symbol font files in the order they are asked, by file name.
  static const std::vector<const char*>& symbol_font_names();
  // The symbol fonts found (loaded on first need: a text without symbols costs no memory).
  const std::vector<std::unique_ptr<FontFace>>& symbol_faces() const;

 private:
  std::filesystem::path dir_;
  std::unique_ptr<FontFace> nastaliq_regular_, nastaliq_bold_, sans_regular_, sans_bold_;
  mutable std::optional<std::vector<std::unique_ptr<FontFace>>> symbols_;
};

// Nastaliq has small letter bodies in a tall em: at the same pixel size it reads smaller than
// Latin. SCREENS.md sets Urdu 1.2x the Latin size of the same role; so a Latin run inside Urdu
// text is set 1/1.2 of the Urdu size (its letters sit level with the Nastaliq body instead of
// towering over it, the idea of CSS font-size-adjust), and a Nastaliq run inside Latin text 1.2x.
inline constexpr float kNastaliqToLatinSize = 1.2f;

}  // namespace ijlas::text
