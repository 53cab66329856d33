// The bundled fonts (fonts/ of the repository, never the system's) and the choice among them.
#pragma once

#include <filesystem>
#include <memory>

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

  // The fallback for a code point that the chosen face lacks: the other family, when it has it.
  const FontFace& fallback(const FontFace& chosen, char32_t code_point) const;

 private:
  std::unique_ptr<FontFace> nastaliq_regular_, nastaliq_bold_, sans_regular_, sans_bold_;
};

// Nastaliq has small letter bodies in a tall em: at the same pixel size it reads smaller than
// Latin. SCREENS.md sets Urdu 1.2x the Latin size of the same role; so a Latin run inside Urdu
// text is set 1/1.2 of the Urdu size (its letters sit level with the Nastaliq body instead of
// towering over it, the idea of CSS font-size-adjust), and a Nastaliq run inside Latin text 1.2x.
inline constexpr float kNastaliqToLatinSize = 1.2f;

}  // namespace ijlas::text
