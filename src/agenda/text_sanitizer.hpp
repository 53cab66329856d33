// One agenda field's text made safe to show: no control characters, no bidi controls that can
// reorder what is around the field, no more than a bounded length. Every loader's text passes
// through here (see model_limits.hpp), so every format follows the same rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ijlas::agenda {

enum class TextFix {
  kControlRemoved,    // C0 (but tab and line feed where allowed), DEL or C1 control
  kEmbeddingRemoved,  // U+202A–U+202E: LRE, RLE, PDF, LRO, RLO
  kIsolateBalanced,   // a PDI without its isolate removed, or a missing PDI added at the end
  kCut,               // longer than the field's limit
};

struct TextChange {
  TextFix fix;
  std::size_t character = 0;  // 1-based, in code points of the text as written
  char32_t code_point = 0;    // the character removed (not for kCut)
};

struct FieldRules {
  bool multiline = false;          // tab and line feed are kept (abstracts, biographies)
  std::size_t max_characters = 0;  // cut at a grapheme boundary at or before this many
};

struct SanitizedText {
  std::string text;
  std::vector<TextChange> changes;  // in the order found; empty when the text was kept as is
};

// Explicit embeddings and overrides are removed, not closed: closed at the field's end they
// would still reorder the field's own text ("LLAH NIAM ni" shown as "in MAIN HALL"), and the
// organizer's text in its logical order is what the screen should show. Isolates (LRI, RLI,
// FSI … PDI) cannot reach outside a field once balanced, so they stay. CR LF and CR become LF
// in multiline fields; in a one-line field tab, CR and LF become a space.
SanitizedText sanitize_text(std::string_view text, const FieldRules& rules);

}  // namespace ijlas::agenda
