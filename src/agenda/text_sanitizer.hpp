// One agenda field's text made safe to show: no control characters, no bidi controls that can
// reorder what is around the field, no more than a bounded length. Every loader's text passes
// through here (see model_limits.hpp), so every format follows the same rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_position.hpp"

namespace ijlas::agenda {

enum class TextFix {
  kControlRemoved,    // C0 control (tab and line breaks aside), DEL or C1 control
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
  bool line_breaks = false;        // kept (titles, abstracts); else each becomes a space (names)
  std::size_t max_characters = 0;  // cut at a grapheme boundary at or before this many
};

struct SanitizedText {
  std::string text;
  std::vector<TextChange> changes;  // what was removed, balanced or cut (not spaces for tabs)
};

// Control bytes that a format's parser cannot take, removed from the whole file before it reads
// it: NUL for iCalendar (libical stops at one), every C0 control but tab and line breaks for XML
// (XML 1.0 cannot hold them). The other formats remove controls field by field (sanitize_text),
// so in every format a control is removed with a warning and the rest of the file is read.
enum class ControlBytes { kNul, kAllButTabAndLineBreaks };

struct ControlsRemoved {
  std::string bytes;             // the file without them
  std::size_t count = 0;         // how many were removed
  TextPosition first;            // where the first was, in the file as written
  unsigned char first_byte = 0;  // and which
};

// Nothing is copied when there is nothing to remove: `bytes` is then empty and count 0.
ControlsRemoved remove_control_bytes(std::string_view bytes, ControlBytes which);

// "control character U+0000 (and 2 more) removed: …": the warning for a file's removed controls,
// naming the format that cannot hold them.
std::string controls_removed_message(const ControlsRemoved& removed, std::string_view format);

// Explicit embeddings and overrides are removed, not closed: closed at the field's end they
// would still reorder the field's own text ("LLAH NIAM ni" shown as "in MAIN HALL"), and the
// organizer's text in its logical order is what the screen should show. Isolates (LRI, RLI,
// FSI … PDI) cannot reach outside a field once balanced, so they stay. A tab becomes a space;
// CR LF and CR become LF where line breaks are kept, a space where they are not.
SanitizedText sanitize_text(std::string_view text, const FieldRules& rules);

}  // namespace ijlas::agenda
