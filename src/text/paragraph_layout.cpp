// [SECTION] Itemization: bidi levels, scripts, fonts -> logical runs
// [SECTION] Shaping: HarfBuzz with the whole paragraph (or line) as context
// [SECTION] Line breaking: greedy fill by shaped width at ICU's opportunities
// [SECTION] Line assembly: L1 levels, visual order, alignment, ellipsis, ink, line boxes
// [SECTION] The two passes: shape_paragraph once, wrap_paragraph for each width
#include "text/paragraph_layout.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <span>

#include <hb.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include "core/utf8.hpp"
#include "text/bidi_paragraph.hpp"
#include "text/font_collection.hpp"
#include "text/line_breaker.hpp"

namespace ijlas::text {
namespace {

std::atomic<std::uint64_t> g_shape_calls{0};

constexpr char32_t kEllipsis = U'\u2026';
constexpr float kLinePitch = 1.2f;  // baseline distance as a multiple of the strut's height

struct ShapedGlyph {  // font units, as HarfBuzz gives them
  std::uint32_t id = 0;
  std::uint32_t cluster = 0;
  std::int32_t x_advance = 0, x_offset = 0, y_offset = 0;
  bool unsafe_to_break = false;  // cutting the text before this cluster may change its glyphs
};

// A maximal stretch of text with one bidi level, script, face and size, shaped once.
struct LogicalRun {
  std::size_t start = 0, end = 0;
  std::uint8_t level = 0;
  hb_script_t script = HB_SCRIPT_UNKNOWN;
  const FontFace* face = nullptr;
  float pixel_size = 0;
  std::string language;
  std::vector<ShapedGlyph> glyphs;  // HarfBuzz order: left to right
};

struct CodePointInfo {
  std::size_t offset = 0;
  char32_t code_point = 0;
  std::uint8_t level = 0;
  hb_script_t script = HB_SCRIPT_COMMON;
  const FontFace* face = nullptr;
};

bool is_real_script(hb_script_t script) {
  return script != HB_SCRIPT_COMMON && script != HB_SCRIPT_INHERITED && script != HB_SCRIPT_UNKNOWN;
}

bool is_line_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x3000;
}

// [SECTION] Itemization --------------------------------------------------------------------------

// Common and inherited characters (spaces, digits, punctuation, marks) take the script of their
// neighbours at the same bidi level; a closing bracket takes the script of its opening one.
void resolve_scripts(std::vector<CodePointInfo>& cps, hb_script_t default_script) {
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  std::vector<bool> resolved(cps.size(), false);
  struct Open {
    char32_t closing;
    hb_script_t script;
  };
  std::vector<Open> brackets;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    CodePointInfo& info = cps[i];
    info.script = hb_unicode_script(unicode, info.code_point);
    if (is_real_script(info.script)) {
      resolved[i] = true;
    } else if (u_getIntPropertyValue(info.code_point, UCHAR_BIDI_PAIRED_BRACKET_TYPE) ==
               U_BPT_CLOSE) {
      const char32_t self = info.code_point;
      for (auto it = brackets.rbegin(); it != brackets.rend(); ++it) {
        if (it->closing == self) {
          info.script = it->script;
          resolved[i] = is_real_script(info.script);
          brackets.erase(std::next(it).base(), brackets.end());
          break;
        }
      }
    }
    if (!resolved[i] && i > 0 && resolved[i - 1] && cps[i - 1].level == info.level) {
      info.script = cps[i - 1].script;
      resolved[i] = true;
    }
    if (u_getIntPropertyValue(info.code_point, UCHAR_BIDI_PAIRED_BRACKET_TYPE) == U_BPT_OPEN) {
      brackets.push_back({static_cast<char32_t>(u_getBidiPairedBracket(info.code_point)),
                          resolved[i] ? info.script : HB_SCRIPT_COMMON});
      if (brackets.size() > 63) brackets.erase(brackets.begin());
    }
  }
  // Leading neutrals of a level run look forward, then anything left looks back.
  for (std::size_t i = cps.size(); i-- > 0;) {
    if (!resolved[i] && i + 1 < cps.size() && resolved[i + 1] && cps[i + 1].level == cps[i].level) {
      cps[i].script = cps[i + 1].script;
      resolved[i] = true;
    }
  }
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (resolved[i]) continue;
    cps[i].script = i > 0 ? cps[i - 1].script : default_script;
    if (!is_real_script(cps[i].script)) cps[i].script = default_script;
  }
}

// Arabic-script letters go to Nastaliq, other letters to Sans; neutrals stay with the face of
// the script they resolved to when it has them; marks follow their base.
void choose_faces(std::vector<CodePointInfo>& cps, const FontCollection& fonts, FontWeight weight,
                  const FontFace& primary) {
  const FontFace& nastaliq = fonts.nastaliq(weight);
  const FontFace& sans = fonts.sans(weight);
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  for (std::size_t i = 0; i < cps.size(); ++i) {
    CodePointInfo& info = cps[i];
    const hb_script_t own = hb_unicode_script(unicode, info.code_point);
    if (own == HB_SCRIPT_INHERITED && i > 0) {
      info.face = cps[i - 1].face;
      continue;
    }
    const FontFace& wanted = info.script == HB_SCRIPT_ARABIC ? nastaliq
                             : is_real_script(info.script)   ? sans
                                                             : primary;
    const char32_t selector = i + 1 < cps.size() ? cps[i + 1].code_point : 0;
    const auto presentation = selector == 0xFE0F   ? FontCollection::Presentation::kEmoji
                              : selector == 0xFE0E ? FontCollection::Presentation::kText
                                                   : FontCollection::Presentation::kDefault;
    info.face = &fonts.fallback(wanted, info.code_point, presentation);
  }
}

std::string run_language(hb_script_t script, const std::string& paragraph_language) {
  const bool arabic_paragraph = is_arabic_script_language(paragraph_language);
  if (script == HB_SCRIPT_ARABIC) return arabic_paragraph ? paragraph_language : "ur";
  if (script == HB_SCRIPT_LATIN) {
    return !arabic_paragraph && !paragraph_language.empty() ? paragraph_language : "en";
  }
  return paragraph_language.empty() ? "und" : paragraph_language;
}

// A run is sized by its script, not by its font: punctuation that Nastaliq lacks (`"`, `%`) or a
// symbol inside Urdu words comes from another font but keeps the Urdu size of its neighbours.
float run_pixel_size(const FontCollection& fonts, hb_script_t script, const FontFace& face,
                     const FontFace& primary, float pixel_size) {
  const bool run_nastaliq = fonts.is_nastaliq(face) || script == HB_SCRIPT_ARABIC;
  if (run_nastaliq == fonts.is_nastaliq(primary)) return pixel_size;
  return run_nastaliq ? pixel_size * kNastaliqToLatinSize : pixel_size / kNastaliqToLatinSize;
}

// [SECTION] Shaping ------------------------------------------------------------------------------

struct HbBufferDestroy {
  void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};
using HbBuffer = std::unique_ptr<hb_buffer_t, HbBufferDestroy>;

std::vector<ShapedGlyph> shape(hb_buffer_t* buffer, std::string_view text, std::size_t start,
                               std::size_t end, std::size_t context_start, std::size_t context_end,
                               const LogicalRun& run) {
  hb_buffer_clear_contents(buffer);
  const std::string_view context = text.substr(context_start, context_end - context_start);
  hb_buffer_add_utf8(buffer, context.data(), static_cast<int>(context.size()),
                     static_cast<unsigned>(start - context_start), static_cast<int>(end - start));
  hb_buffer_set_direction(buffer, run.level % 2 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, run.script);
  hb_buffer_set_language(buffer, hb_language_from_string(run.language.c_str(), -1));
  hb_shape(run.face->hb_font(), buffer, nullptr, 0);
  g_shape_calls.fetch_add(1, std::memory_order_relaxed);

  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
  std::vector<ShapedGlyph> glyphs(count);
  for (unsigned i = 0; i < count; ++i) {
    glyphs[i] = {infos[i].codepoint,
                 static_cast<std::uint32_t>(infos[i].cluster + context_start),
                 positions[i].x_advance,
                 positions[i].x_offset,
                 positions[i].y_offset,
                 (hb_glyph_info_get_glyph_flags(&infos[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0};
  }
  return glyphs;
}

// Extended grapheme cluster boundaries of the whole text, found by ICU only once a word must be
// split, and then shared by everything that splits it.
class Graphemes {
 public:
  explicit Graphemes(std::string_view text) : text_(text) {}
  const std::vector<std::size_t>& boundaries() {
    if (boundaries_.empty()) boundaries_ = grapheme_boundaries(text_);
    return boundaries_;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> boundaries_;  // never empty once found: it holds 0
};

// HarfBuzz keeps clusters monotone in a run (rising left to right, falling right to left), so
// the glyphs of the bytes [start, end) are one stretch, found without visiting the rest.
std::span<const ShapedGlyph> glyphs_between(std::span<const ShapedGlyph> glyphs, bool rtl,
                                            std::size_t start, std::size_t end) {
  const auto first = std::partition_point(glyphs.begin(), glyphs.end(), [&](const ShapedGlyph& g) {
    return rtl ? g.cluster >= end : g.cluster < start;
  });
  const auto last = std::partition_point(first, glyphs.end(), [&](const ShapedGlyph& g) {
    return rtl ? g.cluster >= start : g.cluster < end;
  });
  return {first, last};
}

// The shift of y offsets that turns a window's glyphs into the run's own, when they are the same
// glyphs at the same places but for it (or, without heights, the same glyphs and advances);
// nothing when they differ.
std::optional<std::int32_t> same_glyphs(std::span<const ShapedGlyph> window,
                                        std::span<const ShapedGlyph> run, bool heights) {
  if (window.empty() || window.size() != run.size()) return std::nullopt;
  const std::int32_t shift = heights ? run.front().y_offset - window.front().y_offset : 0;
  for (std::size_t i = 0; i < window.size(); ++i) {
    const ShapedGlyph& w = window[i];
    const ShapedGlyph& r = run[i];
    if (w.id != r.id || w.cluster != r.cluster || w.x_advance != r.x_advance ||
        w.x_offset != r.x_offset || (heights && r.y_offset - w.y_offset != shift)) {
      return std::nullopt;
    }
  }
  return shift;
}

// Shapes pieces of runs on their own (a word cut at a line's end), remembering the last few: the
// line breaking measures the very pieces that the line assembly then places.
//
// Only a piece's cut ends can change form, so a long piece is not shaped whole. Where HarfBuzz
// marked the run safe to break (between Latin letters, after a non-joining Arabic letter) the
// run's own glyphs already end as the piece would. Elsewhere a window of graphemes at that end is
// reshaped; next to the part kept, the window must come out as the run's own glyphs (contextual
// lookups reach a few letters), else the windows double. Nastaliq's words climb from their last
// letter, the one on the baseline, so every stretch's y offsets are shifted to hang from the
// piece's own last letter. Where a run's joined letters climb on past a window (their heights
// restart every few dozen letters, counted from the piece's end), a piece that is placed is
// shaped whole, and only those that are measured are stitched. Either way a word split over many
// lines is shaped about once for its widths, not once for each end tried on each line.
class Reshaper {
 public:
  Reshaper(std::string_view text, Graphemes& graphemes)
      : text_(text), graphemes_(graphemes), buffer_(hb_buffer_create()) {}

  // The piece's glyphs as a line places them.
  const std::vector<ShapedGlyph>& piece(const LogicalRun& run, std::size_t from, std::size_t to,
                                        std::size_t context_start, std::size_t context_end) {
    return remembered(pieces_, next_piece_, {&run, from, to, context_start, context_end, true},
                      [&] { return stitched(run, from, to, context_start, context_end, true); });
  }
  // The piece's glyphs and advances, for its width; their heights may be the run's.
  const std::vector<ShapedGlyph>& measured(const LogicalRun& run, std::size_t from, std::size_t to,
                                           std::size_t context_start, std::size_t context_end) {
    return remembered(pieces_, next_piece_, {&run, from, to, context_start, context_end, false},
                      [&] { return stitched(run, from, to, context_start, context_end, false); });
  }
  hb_buffer_t* buffer() { return buffer_.get(); }

 private:
  struct Key {
    const LogicalRun* run = nullptr;
    std::size_t from = 0, to = 0, context_start = 0, context_end = 0;
    bool heights = true;
    bool operator==(const Key&) const = default;
  };
  struct Shaped {
    Key key;
    std::vector<ShapedGlyph> glyphs;
  };
  // One end of a piece: the window's glyphs from the cut to `kept`, where the run's own go on.
  struct End {
    std::size_t kept = 0;
    std::int32_t to_run = 0;          // added to the window's y offsets to give the run's
    std::vector<ShapedGlyph> glyphs;  // a copy: the next window may take the slot it was in
  };
  // Graphemes: half kept at the cut, a quarter compared, the inner quarter changed by its own cut.
  static constexpr std::ptrdiff_t kWindow = 16;
  static constexpr int kContext = 5;  // code points: HarfBuzz's CONTEXT_LENGTH

  template <std::size_t N, typename Make>
  static const std::vector<ShapedGlyph>& remembered(std::array<Shaped, N>& recent,
                                                    std::size_t& next, const Key& key, Make make) {
    for (const Shaped& entry : recent) {
      if (entry.key == key) return entry.glyphs;
    }
    Shaped& slot = recent[next++ % N];
    slot.glyphs = make();
    slot.key = key;
    return slot.glyphs;
  }

  // Where the context HarfBuzz reads before `from` (after `to`) begins (ends), inside a limit.
  std::size_t context_before(std::size_t from, std::size_t limit) const {
    for (int i = 0; i < kContext && from > limit; ++i) {
      do {
        --from;
      } while (from > limit && (static_cast<unsigned char>(text_[from]) & 0xC0) == 0x80);
    }
    return from;
  }
  std::size_t context_after(std::size_t to, std::size_t limit) const {
    for (int i = 0; i < kContext && to < limit; ++i)
      utf8::decode(text_, to);
    return std::min(to, limit);
  }

  // Whether the run's glyphs at `cut` are those of a piece ending there: at the run's own edge
  // when the piece sees the same context, inside it when HarfBuzz found the text safe to break.
  bool clean_cut(const LogicalRun& run, std::size_t cut, std::size_t context_start,
                 std::size_t context_end) const {
    if (cut == run.start) return context_before(cut, 0) >= context_start;
    if (cut == run.end) return context_after(cut, text_.size()) <= context_end;
    const auto at = glyphs_between(run.glyphs, run.level % 2, cut, cut + 1);
    return !at.empty() && std::none_of(at.begin(), at.end(), [](const ShapedGlyph& glyph) {
      return glyph.unsafe_to_break;
    });
  }

  std::vector<ShapedGlyph> stitched(const LogicalRun& run, std::size_t from, std::size_t to,
                                    std::size_t context_start, std::size_t context_end,
                                    bool heights) {
    const bool rtl = run.level % 2;
    const bool head_clean = clean_cut(run, from, context_start, context_end);
    const bool tail_clean = clean_cut(run, to, context_start, context_end);
    const auto run_glyphs = [&](std::size_t start, std::size_t end) {
      return glyphs_between(run.glyphs, rtl, start, end);
    };
    std::optional<End> head, tail;
    if (head_clean) head = End{from, 0, {}};
    if (tail_clean) tail = End{to, 0, {}};
    if (!head || !tail) {
      const std::vector<std::size_t>& boundaries = graphemes_.boundaries();
      const auto first = std::lower_bound(boundaries.begin(), boundaries.end(), from);
      const auto last = std::upper_bound(first, boundaries.end(), to) - 1;
      for (std::ptrdiff_t size = kWindow;
           last - first >= (head_clean ? 0 : size) + (tail_clean ? 0 : size); size *= 2) {
        if (!head_clean) {
          head = window_end(run, from, *(first + size), *(first + size / 2),
                            *(first + 3 * size / 4), true, heights, context_start, context_end);
        }
        if (!tail_clean) {
          tail = window_end(run, *(last - size), to, *(last - size / 2), *(last - 3 * size / 4),
                            false, heights, context_start, context_end);
        }
        if (head && tail) break;
      }
      if (!head || !tail) {
        return shape(buffer_.get(), text_, from, to, context_start, context_end, run);
      }
    }
    std::vector<ShapedGlyph> glyphs;
    glyphs.reserve(run_glyphs(from, to).size() + 8);
    const auto append = [&](std::span<const ShapedGlyph> stretch, std::int32_t to_run) {
      for (ShapedGlyph glyph : stretch) {
        glyph.y_offset += to_run - tail->to_run;  // the run's heights, then the piece's
        glyphs.push_back(glyph);
      }
    };
    append(rtl ? tail->glyphs : head->glyphs, rtl ? tail->to_run : head->to_run);
    append(run_glyphs(head->kept, tail->kept), 0);
    append(rtl ? head->glyphs : tail->glyphs, rtl ? head->to_run : tail->to_run);
    return glyphs;
  }

  // The head (or tail) of a piece from the window [start, end) shaped on its own: its glyphs
  // before `kept` (after it) are the piece's; those from there to `compared` must be the run's
  // own; beyond, the window's own cut changed them.
  std::optional<End> window_end(const LogicalRun& run, std::size_t start, std::size_t end,
                                std::size_t kept, std::size_t compared, bool head, bool heights,
                                std::size_t context_start, std::size_t context_end) {
    const bool rtl = run.level % 2;
    const std::size_t compared_start = head ? kept : compared;
    const std::size_t compared_end = head ? compared : kept;
    const auto run_part = glyphs_between(run.glyphs, rtl, compared_start, compared_end);
    // Heights hold only where the run's chain of joined letters breaks (safe to break) inside the
    // compared part: a longer chain climbs differently in a piece than in the whole run.
    if (heights && std::all_of(run_part.begin(), run_part.end(),
                               [](const ShapedGlyph& glyph) { return glyph.unsafe_to_break; })) {
      return std::nullopt;
    }
    const std::vector<ShapedGlyph>& glyphs = window(run, start, end, context_start, context_end);
    const auto shift =
        same_glyphs(glyphs_between(glyphs, rtl, compared_start, compared_end), run_part, heights);
    if (!shift) return std::nullopt;
    const auto piece = glyphs_between(glyphs, rtl, head ? start : kept, head ? kept : end);
    return End{kept, *shift, {piece.begin(), piece.end()}};
  }

  // [from, to) shaped on its own inside the piece's context; the key holds only the context
  // HarfBuzz reads, so a line's head window is shaped once for all the ends tried.
  const std::vector<ShapedGlyph>& window(const LogicalRun& run, std::size_t from, std::size_t to,
                                         std::size_t context_start, std::size_t context_end) {
    const std::size_t before = context_before(from, context_start);
    const std::size_t after = context_after(to, context_end);
    return remembered(windows_, next_window_, {&run, from, to, before, after},
                      [&] { return shape(buffer_.get(), text_, from, to, before, after, run); });
  }

  std::string_view text_;
  Graphemes& graphemes_;
  HbBuffer buffer_;
  std::array<Shaped, 4> pieces_;
  std::array<Shaped, 8> windows_;
  std::size_t next_piece_ = 0, next_window_ = 0;
};

// [SECTION] Line breaking ------------------------------------------------------------------------

struct LineSpan {
  std::size_t start = 0, end = 0;  // bytes, end exclusive, trailing spaces included
  std::size_t visible_end = 0;     // end without trailing spaces and line separators
  bool ends_at_opportunity = true;
};

class Measure {
 public:
  Measure(std::string_view text, const std::vector<LogicalRun>& runs) : text_(text) {
    std::vector<float> at(text.size() + 1, 0.0f);
    for (const LogicalRun& run : runs) {
      const float scale = run.pixel_size / static_cast<float>(run.face->units_per_em());
      for (const ShapedGlyph& glyph : run.glyphs)
        at[glyph.cluster] += glyph.x_advance * scale;
    }
    prefix_.resize(text.size() + 1, 0.0f);
    for (std::size_t i = 0; i < text.size(); ++i)
      prefix_[i + 1] = prefix_[i] + at[i];
  }
  float width(std::size_t start, std::size_t end) const { return prefix_[end] - prefix_[start]; }

  // Where the visible content of [start, end) ends: trailing spaces and separators hang.
  std::size_t visible_end(std::size_t start, std::size_t end) const {
    while (end > start) {
      std::size_t back = end - 1;
      while (back > start && (static_cast<unsigned char>(text_[back]) & 0xC0) == 0x80)
        --back;
      std::size_t probe = back;
      if (!is_line_space(utf8::decode(text_, probe))) break;
      end = back;
    }
    return end;
  }

 private:
  std::string_view text_;
  std::vector<float> prefix_;
};

// exact_width(start, end) reshapes [start, end) on its own: the width of a piece of a word, whose
// letters take other (wider) forms once the word is cut. Reshaping costs the piece's length, so
// the run's own widths pick the few pieces worth reshaping: only a piece's cut ends change form,
// which keeps the layout of a word without break opportunities linear in its length.
//
// Each line goes to emit as soon as it is known (while the pieces it measured are fresh); emit
// returns false when it wants no more lines.
void break_lines(std::string_view text, const std::vector<BreakOpportunity>& opportunities,
                 float max_width, float em, const Measure& measure, Graphemes& graphemes,
                 const std::function<float(std::size_t, std::size_t)>& exact_width,
                 const std::function<bool(const LineSpan&)>& emit) {
  std::size_t count = 0;
  bool wanted = true;
  std::size_t line_start = 0;
  bool starts_inside_word = false;
  std::optional<std::size_t> fits;  // the last opportunity at which the line still fits
  auto close_line = [&](std::size_t end, bool at_opportunity) {
    wanted = emit({line_start, end, measure.visible_end(line_start, end), at_opportunity});
    ++count;
    line_start = end;
    starts_inside_word = !at_opportunity;
    fits.reset();
  };
  // Whether [line_start, end) fits; a piece far wider by the run's widths is not reshaped.
  auto fits_until = [&](std::size_t end) {
    const float estimate = measure.width(line_start, end);
    if (!starts_inside_word) return estimate <= max_width;
    if (estimate > 2 * (max_width + em)) return false;
    return exact_width(line_start, end) <= max_width;
  };
  for (std::size_t i = 0; wanted && i < opportunities.size(); ++i) {
    const BreakOpportunity& opportunity = opportunities[i];
    const std::size_t visible = measure.visible_end(line_start, opportunity.offset);
    const bool fits_here = max_width <= 0 || fits_until(visible);
    if (fits_here) {
      fits = opportunity.offset;
      if (opportunity.mandatory && opportunity.offset < text.size())
        close_line(opportunity.offset, true);
      continue;
    }
    if (fits) {
      close_line(*fits, true);
      --i;  // measure this opportunity again on the new line
      continue;
    }
    // A single word wider than the line: split it between graphemes, as a last resort. The
    // furthest boundary before the opportunity that fits is guessed by the run's widths, then
    // settled by reshaping the pieces around the guess. At least one grapheme goes on the line.
    const std::vector<std::size_t>& boundaries = graphemes.boundaries();
    const auto first = std::upper_bound(boundaries.begin(), boundaries.end(), line_start);
    const auto stop = std::lower_bound(first, boundaries.end(), opportunity.offset);
    auto last = first;
    while (last + 1 < stop && measure.width(line_start, *(last + 1)) <= max_width)
      ++last;
    // The cut ends' own forms are wider: step back by the excess (by the run's widths) until a
    // piece fits, then forward one grapheme at a time while the next still fits.
    while (last > first) {
      const float excess = exact_width(line_start, *last) - max_width;
      if (excess <= 0) break;
      auto back = last - 1;
      while (back > first && measure.width(*back, *last) < excess)
        --back;
      last = back;
    }
    while (last + 1 < stop && exact_width(line_start, *(last + 1)) <= max_width)
      ++last;
    close_line(last != boundaries.end() ? *last : opportunity.offset, false);
    --i;
  }
  if (wanted && (line_start < text.size() || count == 0)) close_line(text.size(), true);
}

// [SECTION] Line assembly ------------------------------------------------------------------------

struct LineItem {
  const LogicalRun* run = nullptr;
  std::size_t start = 0, end = 0;
  std::uint8_t level = 0;
  const std::vector<ShapedGlyph>* glyphs = nullptr;  // the run's, or reshaped for this line
};

class LineAssembler {
 public:
  // text is what the lines may show (a prefix when only that was shaped) of text_size bytes.
  LineAssembler(const FontCollection& fonts, std::string_view text, std::size_t text_size,
                const TextStyle& style, const BidiParagraph& bidi,
                const std::vector<LogicalRun>& runs,
                const std::vector<BreakOpportunity>& opportunities, const Measure& measure,
                Graphemes& graphemes, Reshaper& reshaper)
      : fonts_(fonts),
        text_(text),
        text_size_(text_size),
        style_(style),
        bidi_(bidi),
        runs_(runs),
        opportunities_(opportunities),
        measure_(measure),
        graphemes_(graphemes),
        reshaper_(reshaper) {}

  LayoutLine assemble(const LineSpan& span, bool ellipsize) {
    std::size_t content_end = span.visible_end;
    bool reshape = !span.ends_at_opportunity || !is_opportunity(span.start);
    std::vector<ShapedGlyph> ellipsis;
    const LogicalRun* ellipsis_run = nullptr;
    if (ellipsize) {
      ellipsis_run = &make_ellipsis(ellipsis);
      const float room = style_.max_width > 0 ? style_.max_width - width_of(ellipsis, *ellipsis_run)
                                              : measure_.width(span.start, content_end);
      const std::size_t cut = fit_before_ellipsis(span, room);
      reshape = reshape || !is_opportunity(cut);
      content_end = measure_.visible_end(span.start, cut);
    }

    std::vector<LineItem> items = items_for(span.start, content_end, reshape);
    if (ellipsis_run) {
      items.push_back({ellipsis_run, content_end, content_end,
                       static_cast<std::uint8_t>(bidi_.paragraph_level()), &ellipsis});
    }
    order_visually(items);

    LayoutLine line;
    line.start = span.start;
    line.end = span.end;
    line.ellipsized = ellipsis_run != nullptr;
    float pen = 0;
    for (const LineItem& item : items)
      line.runs.push_back(place(item, pen));
    line.width = pen;
    reshaped_.clear();
    return line;
  }

 private:
  bool is_opportunity(std::size_t offset) const {
    const auto it = std::lower_bound(
        opportunities_.begin(), opportunities_.end(), offset,
        [](const BreakOpportunity& o, std::size_t value) { return o.offset < value; });
    return offset == 0 || (it != opportunities_.end() && it->offset == offset);
  }

  // The furthest opportunity (or grapheme, when none fits) after which the content and the
  // ellipsis still fit in `room`.
  std::size_t fit_before_ellipsis(const LineSpan& span, float room) {
    std::size_t best = span.start;
    for (const BreakOpportunity& o : opportunities_) {
      if (o.offset <= span.start || o.offset > span.end) continue;
      if (measure_.width(span.start, measure_.visible_end(span.start, o.offset)) > room) break;
      best = o.offset;
    }
    if (best > span.start) return best;
    for (const std::size_t g : graphemes_.boundaries()) {
      if (g <= span.start) continue;
      if (g > span.end || measure_.width(span.start, g) > room) break;
      best = g;
    }
    return best;
  }

  const LogicalRun& make_ellipsis(std::vector<ShapedGlyph>& glyphs) {
    const FontFace& primary = fonts_.face(style_.family, style_.weight, style_.language);
    ellipsis_run_ = LogicalRun{};
    ellipsis_run_.level = static_cast<std::uint8_t>(bidi_.paragraph_level());
    ellipsis_run_.face = &fonts_.fallback(primary, kEllipsis);
    ellipsis_run_.script = HB_SCRIPT_COMMON;
    ellipsis_run_.language = style_.language;
    ellipsis_run_.pixel_size = run_pixel_size(fonts_, ellipsis_run_.script, *ellipsis_run_.face,
                                              primary, style_.pixel_size);
    std::string mark;
    utf8::append(mark, kEllipsis);
    glyphs = shape(reshaper_.buffer(), mark, 0, mark.size(), 0, mark.size(), ellipsis_run_);
    for (ShapedGlyph& glyph : glyphs)
      glyph.cluster = static_cast<std::uint32_t>(text_size_);
    return ellipsis_run_;
  }

  static float width_of(const std::vector<ShapedGlyph>& glyphs, const LogicalRun& run) {
    float units = 0;
    for (const ShapedGlyph& glyph : glyphs)
      units += static_cast<float>(glyph.x_advance);
    return units * run.pixel_size / static_cast<float>(run.face->units_per_em());
  }

  // The runs' pieces inside [start, end), split where the line's own levels (after L1) change.
  std::vector<LineItem> items_for(std::size_t start, std::size_t end, bool reshape) {
    std::vector<LineItem> items;
    if (start >= end) return items;
    const BidiLine line = bidi_.line(start, end);
    const auto& offsets = bidi_.code_point_offsets();
    const std::size_t first_cp =
        std::lower_bound(offsets.begin(), offsets.end(), start) - offsets.begin();
    reshaped_.reserve(runs_.size() * 2);
    for (const LogicalRun& run : runs_) {
      const std::size_t from = std::max(start, run.start);
      const std::size_t to = std::min(end, run.end);
      if (from >= to) continue;
      const std::vector<ShapedGlyph>* glyphs = &run.glyphs;
      if (reshape && (from != run.start || to != run.end)) {
        reshaped_.push_back(reshaper_.piece(run, from, to, start, end));
        glyphs = &reshaped_.back();
      }
      std::size_t piece = from;
      std::size_t cp = std::lower_bound(offsets.begin(), offsets.end(), from) - offsets.begin();
      while (piece < to) {
        const std::uint8_t level = line.levels[cp - first_cp];
        std::size_t next = piece;
        while (next < to && line.levels[cp - first_cp] == level)
          next = offsets[++cp];
        items.push_back({&run, piece, next, level, glyphs});
        piece = next;
      }
    }
    return items;
  }

  static void order_visually(std::vector<LineItem>& items) {
    if (items.size() < 2) return;
    std::vector<UBiDiLevel> levels;
    levels.reserve(items.size());
    for (const LineItem& item : items)
      levels.push_back(item.level);
    std::vector<int32_t> visual(items.size());
    ubidi_reorderVisual(levels.data(), static_cast<int32_t>(levels.size()), visual.data());
    std::vector<LineItem> ordered;
    ordered.reserve(items.size());
    for (const int32_t logical : visual)
      ordered.push_back(items[logical]);
    items = std::move(ordered);
  }

  static std::span<const ShapedGlyph> glyphs_of(const LineItem& item) {
    if (item.start == item.end) return *item.glyphs;  // the ellipsis
    return glyphs_between(*item.glyphs, item.run->level % 2, item.start, item.end);
  }

  GlyphRun place(const LineItem& item, float& pen) const {
    const LogicalRun& run = *item.run;
    const float scale = run.pixel_size / static_cast<float>(run.face->units_per_em());
    GlyphRun out;
    out.face = run.face;
    out.pixel_size = run.pixel_size;
    out.direction = run.level % 2 ? Direction::kRtl : Direction::kLtr;
    out.level = item.level;
    out.script = run.script;
    out.language = run.language;
    out.start = item.start;
    out.end = item.end;
    for (const ShapedGlyph& glyph : glyphs_of(item)) {
      out.glyphs.push_back({glyph.id, glyph.cluster, pen + glyph.x_offset * scale,
                            -glyph.y_offset * scale, glyph.x_advance * scale});
      pen += glyph.x_advance * scale;
    }
    return out;
  }

  const FontCollection& fonts_;
  std::string_view text_;
  std::size_t text_size_;  // the ellipsis's cluster: the paragraph's logical end
  const TextStyle& style_;
  const BidiParagraph& bidi_;
  const std::vector<LogicalRun>& runs_;
  const std::vector<BreakOpportunity>& opportunities_;
  const Measure& measure_;
  Graphemes& graphemes_;
  Reshaper& reshaper_;
  std::vector<std::vector<ShapedGlyph>> reshaped_;
  LogicalRun ellipsis_run_;
};

// Horizontal alignment, ink and boxes; then baselines at one even pitch that keeps every line's
// box clear of the next.
void finish_lines(ParagraphLayout& layout, const FontFace& primary) {
  const TextStyle& style = layout.style;
  float widest = 0;
  for (const LayoutLine& line : layout.lines)
    widest = std::max(widest, line.width);
  layout.width = style.max_width > 0 ? style.max_width : widest;

  const float em = style.pixel_size / static_cast<float>(primary.units_per_em());
  const float strut_ascent = primary.strut_ascent() * em;
  const float strut_descent = primary.strut_descent() * em;

  struct Vertical {
    float above = 0, below = 0;  // box extent around the baseline
  };
  std::vector<Vertical> verticals;
  for (LayoutLine& line : layout.lines) {
    const float free = layout.width - line.width;
    const bool rtl = layout.direction == Direction::kRtl;
    float shift = 0;
    switch (style.alignment) {
      case Alignment::kStart:
        shift = rtl ? free : 0;
        break;
      case Alignment::kEnd:
        shift = rtl ? 0 : free;
        break;
      case Alignment::kCenter:
        shift = free / 2;
        break;
    }
    shift = std::round(shift * 64) / 64;  // keep subpixel positions reproducible
    Rect ink{1e9f, 1e9f, -1e9f, -1e9f};
    for (GlyphRun& run : line.runs) {
      const float scale = run.pixel_size / static_cast<float>(run.face->units_per_em());
      for (PositionedGlyph& glyph : run.glyphs) {
        glyph.x += shift;
        const GlyphExtents& e = run.face->extents(glyph.id);
        if (e.empty()) continue;
        ink.unite({glyph.x + e.x_min * scale, glyph.y - e.y_max * scale, glyph.x + e.x_max * scale,
                   glyph.y - e.y_min * scale});
      }
    }
    // Pixel edges, one pixel wider than the outline for antialiasing.
    if (!ink.empty()) {
      ink = {std::floor(ink.x0) - 1, std::floor(ink.y0) - 1, std::ceil(ink.x1) + 1,
             std::ceil(ink.y1) + 1};
    } else {
      ink = {};
    }
    line.ink = ink;
    line.box = {std::floor(shift), -std::ceil(strut_ascent), std::ceil(shift + line.width),
                std::ceil(strut_descent)};
    line.box.unite(ink);
    verticals.push_back({-line.box.y0, line.box.y1});
  }

  float pitch = std::ceil((strut_ascent + strut_descent) * kLinePitch * style.line_spacing);
  for (std::size_t i = 1; i < verticals.size(); ++i) {
    pitch = std::max(pitch, verticals[i - 1].below + verticals[i].above);
  }
  float baseline = verticals.empty() ? 0 : verticals.front().above;
  layout.bounds = {};
  bool first = true;
  for (LayoutLine& line : layout.lines) {
    line.baseline = baseline;
    for (GlyphRun& run : line.runs) {
      for (PositionedGlyph& glyph : run.glyphs)
        glyph.y += baseline;
    }
    line.box = {line.box.x0, line.box.y0 + baseline, line.box.x1, line.box.y1 + baseline};
    if (!line.ink.empty()) {
      line.ink = {line.ink.x0, line.ink.y0 + baseline, line.ink.x1, line.ink.y1 + baseline};
    }
    layout.bounds = first ? line.box : layout.bounds;
    layout.bounds.unite(line.box);
    first = false;
    layout.height = line.box.y1;
    baseline += pitch;
  }
}

}  // namespace

void Rect::unite(const Rect& other) {
  if (other.empty()) return;
  if (empty()) {
    *this = other;
    return;
  }
  x0 = std::min(x0, other.x0);
  y0 = std::min(y0, other.y0);
  x1 = std::max(x1, other.x1);
  y1 = std::max(y1, other.y1);
}

std::size_t ParagraphLayout::glyph_count() const {
  std::size_t count = 0;
  for (const LayoutLine& line : lines) {
    for (const GlyphRun& run : line.runs)
      count += run.glyphs.size();
  }
  return count;
}

std::uint64_t shape_call_count() {
  return g_shape_calls.load(std::memory_order_relaxed);
}

// [SECTION] The two passes ---------------------------------------------------------------------

// Runs of a prefix of the text, shaped, and the width they cover without line spaces.
struct ShapedPrefix {
  std::size_t end = 0;  // bytes
  std::vector<LogicalRun> runs;
  float ink_width = 0;
};

struct ShapedParagraph {
  ShapedParagraph(const FontCollection& fonts, std::string_view input, const TextStyle& style);
  ShapedParagraph(const ShapedParagraph&) = delete;  // shaped_text refers into text
  ShapedParagraph& operator=(const ShapedParagraph&) = delete;

  const FontCollection& fonts;
  const std::string text;
  const TextStyle style;  // its shaping fields; the wrapping fields are each layout's
  const BidiParagraph bidi;
  const FontFace& primary;
  // Shaped with the whole paragraph as context, up to where the style's lines can reach.
  const ShapedPrefix prefix;
  const std::string_view shaped_text;  // text up to prefix.end: all the lines ever see
  const Measure measure;
  const std::vector<BreakOpportunity> opportunities;
};

namespace {

std::optional<Direction> base_direction(const TextStyle& style) {
  switch (style.direction) {
    case ParagraphDirection::kLtr:
      return Direction::kLtr;
    case ParagraphDirection::kRtl:
      return Direction::kRtl;
    case ParagraphDirection::kAuto:
      if (!style.language.empty()) {
        return is_rtl_language(style.language) ? Direction::kRtl : Direction::kLtr;
      }
      break;
  }
  return std::nullopt;
}

// Bidi levels, resolved scripts and faces cut the text into maximal runs.
std::vector<LogicalRun> itemize(const FontCollection& fonts, std::string_view text,
                                const TextStyle& style, const BidiParagraph& bidi,
                                const FontFace& primary, std::size_t end) {
  std::vector<CodePointInfo> cps;
  const auto& offsets = bidi.code_point_offsets();
  cps.reserve(offsets.size());
  for (std::size_t i = 0; i + 1 < offsets.size() && offsets[i] < end; ++i) {
    std::size_t at = offsets[i];
    cps.push_back({offsets[i], utf8::decode(text, at), bidi.levels()[i]});
  }
  resolve_scripts(cps, fonts.is_nastaliq(primary) ? HB_SCRIPT_ARABIC : HB_SCRIPT_LATIN);
  choose_faces(cps, fonts, style.weight, primary);

  std::vector<LogicalRun> runs;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const CodePointInfo& info = cps[i];
    if (runs.empty() || runs.back().level != info.level || runs.back().script != info.script ||
        runs.back().face != info.face) {
      runs.push_back({info.offset,
                      info.offset,
                      info.level,
                      info.script,
                      info.face,
                      run_pixel_size(fonts, info.script, *info.face, primary, style.pixel_size),
                      run_language(info.script, style.language),
                      {}});
    }
    runs.back().end = offsets[i + 1];
  }
  return runs;
}

// How wide the text the style's lines can hold may be, by the runs' own widths and without line
// spaces (they hang at line ends): twice the lines' room, for the wider forms of cut words, and
// room for a glyph wider than a line on each. 0 when nothing bounds the lines.
float reachable_width(const TextStyle& style) {
  if (style.max_lines <= 0 || style.max_width <= 0) return 0;
  // One line more than shown: the last shown line takes an ellipsis only when another follows.
  const auto lines = static_cast<float>(style.max_lines + 1);
  return lines * (2 * style.max_width + 4 * style.pixel_size);
}

ShapedPrefix shape_prefix(const FontCollection& fonts, std::string_view text,
                          const TextStyle& style, const BidiParagraph& bidi,
                          const FontFace& primary, std::size_t end) {
  ShapedPrefix prefix{end, itemize(fonts, text, style, bidi, primary, end), 0};
  const HbBuffer buffer(hb_buffer_create());
  for (LogicalRun& run : prefix.runs) {
    run.glyphs = shape(buffer.get(), text, run.start, run.end, 0, text.size(), run);
    const float scale = run.pixel_size / static_cast<float>(run.face->units_per_em());
    for (const ShapedGlyph& glyph : run.glyphs) {
      std::size_t at = glyph.cluster;
      if (!is_line_space(utf8::decode(text, at))) prefix.ink_width += glyph.x_advance * scale;
    }
  }
  return prefix;
}

// The whole text shaped, unless the style's lines are bounded and the text is far longer than
// they can hold (a title of 100,000 letters on a two-line card): then a prefix that reaches past
// their end, found from a guess of a quarter em a code point, doubled until it does. Shaping the
// rest would cost its length and show nothing. Texts within the agenda's limits on titles and
// names are always shaped whole, so that every layout of them shares one shaping.
ShapedPrefix shape_reachable(const FontCollection& fonts, std::string_view text,
                             const TextStyle& style, const BidiParagraph& bidi,
                             const FontFace& primary) {
  constexpr std::size_t kShapedWhole = 2048;  // code points
  const float reach = reachable_width(style);
  const auto& offsets = bidi.code_point_offsets();  // the last one is text.size()
  const std::size_t code_points = offsets.size() - 1;
  std::size_t guess =
      reach > 0
          ? std::max(
                kShapedWhole,
                static_cast<std::size_t>(reach / (0.25f * std::max(style.pixel_size, 1.0f))) + 1)
          : code_points;
  while (true) {
    if (guess >= code_points) return shape_prefix(fonts, text, style, bidi, primary, text.size());
    ShapedPrefix prefix = shape_prefix(fonts, text, style, bidi, primary, offsets[guess]);
    if (prefix.ink_width >= reach) return prefix;
    guess *= 2;
  }
}

}  // namespace

ShapedParagraph::ShapedParagraph(const FontCollection& fonts, std::string_view input,
                                 const TextStyle& style)
    : fonts(fonts),
      text(utf8::sanitize(input)),
      style(style),
      bidi(text, base_direction(style)),
      primary(fonts.face(style.family, style.weight, style.language)),
      prefix(shape_reachable(fonts, text, style, bidi, primary)),
      shaped_text(std::string_view(text).substr(0, prefix.end)),
      measure(shaped_text, prefix.runs),
      opportunities(line_break_opportunities(shaped_text, style.language)) {}

std::shared_ptr<const ShapedParagraph> shape_paragraph(const FontCollection& fonts,
                                                       std::string_view text,
                                                       const TextStyle& style) {
  return std::make_shared<const ShapedParagraph>(fonts, text, style);
}

bool covers(const ShapedParagraph& shaped, const TextStyle& style) {
  if (shaped.prefix.end == shaped.text.size()) return true;
  const float reach = reachable_width(style);
  return reach > 0 && shaped.prefix.ink_width >= reach;
}

ParagraphLayout wrap_paragraph(const ShapedParagraph& shaped, const TextStyle& wrapping) {
  ParagraphLayout layout;
  layout.text = shaped.text;
  layout.style = shaped.style;
  layout.style.alignment = wrapping.alignment;
  layout.style.max_width = wrapping.max_width;
  layout.style.max_lines = wrapping.max_lines;
  layout.style.line_spacing = wrapping.line_spacing;
  layout.direction = shaped.bidi.base_direction();
  const TextStyle& style = layout.style;
  const std::string_view text = shaped.shaped_text;
  const std::vector<LogicalRun>& runs = shaped.prefix.runs;

  const Measure& measure = shaped.measure;
  Graphemes graphemes(text);
  Reshaper reshaper(text, graphemes);
  const auto exact_width = [&](std::size_t start, std::size_t end) {
    float width = 0;
    for (const LogicalRun& run : runs) {
      const std::size_t from = std::max(start, run.start), to = std::min(end, run.end);
      if (from >= to) continue;
      const float scale = run.pixel_size / static_cast<float>(run.face->units_per_em());
      for (const ShapedGlyph& glyph : reshaper.measured(run, from, to, start, end)) {
        width += glyph.x_advance * scale;
      }
    }
    return width;
  };
  LineAssembler assembler(shaped.fonts, text, shaped.text.size(), style, shaped.bidi, runs,
                          shaped.opportunities, measure, graphemes, reshaper);
  // The last allowed line waits for the next: an ellipsis ends it when there is one.
  std::optional<LineSpan> last_allowed;
  const auto emit = [&](const LineSpan& span) {
    if (last_allowed) {
      layout.lines.push_back(assembler.assemble(*last_allowed, true));
      last_allowed.reset();
      return false;
    }
    if (style.max_lines > 0 && static_cast<int>(layout.lines.size()) + 1 == style.max_lines) {
      last_allowed = span;
      return true;
    }
    layout.lines.push_back(assembler.assemble(span, false));
    return true;
  };
  break_lines(text, shaped.opportunities, style.max_width, style.pixel_size, measure, graphemes,
              exact_width, emit);
  if (last_allowed) {
    // Only a prefix was shaped: more text follows even if its lines were not reached.
    const bool more = shaped.prefix.end < shaped.text.size();
    layout.lines.push_back(assembler.assemble(*last_allowed, more));
  }
  finish_lines(layout, shaped.primary);
  return layout;
}

ParagraphLayout layout_paragraph(const FontCollection& fonts, std::string_view text,
                                 const TextStyle& style) {
  return wrap_paragraph(ShapedParagraph(fonts, text, style), style);
}

}  // namespace ijlas::text
