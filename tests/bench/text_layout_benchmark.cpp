// What laying out the press release costs, against the floor of HarfBuzz alone.
// Targets: a cold layout within 1.3x of raw shaping; a cached one at least 100x faster than cold.
//
// Target: a title with no break opportunity lays out in time linear in its length (100,000
// characters in under 100 ms).
//
// [SECTION] The press release and its runs
// [SECTION] Benchmarks
#include <hb.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/utf8.hpp"
#include "text/font_collection.hpp"
#include "text/font_face.hpp"
#include "text/glyph_rasterizer.hpp"
#include "text/paragraph_cache.hpp"
#include "text/paragraph_layout.hpp"
#include "text/text_test_support.hpp"

namespace ijlas::text {
namespace {

namespace fs = std::filesystem;

// [SECTION] The press release and its runs

std::vector<std::string> read_press_release() {
  const fs::path path = fs::path(IJLAS_SHARED_DIR) / "conference" / "press-release-ur.txt";
  std::vector<std::string> paragraphs;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) paragraphs.push_back(line);
  }
  if (paragraphs.empty()) {
    std::fprintf(stderr, "cannot read %s\n", path.string().c_str());
    std::exit(1);
  }
  return paragraphs;
}

TextStyle release_style(float max_width) {
  TextStyle style;
  style.language = "ur";
  style.pixel_size = 32;
  style.max_width = max_width;
  return style;
}

struct Fixture {
  FontCollection fonts{IJLAS_FONT_DIR};
  std::vector<std::string> paragraphs = read_press_release();
};

Fixture& fixture() {
  static Fixture shared;
  return shared;
}

// One run as the layout shaped it: what hb_shape needs to shape it again.
struct ShapedRun {
  const std::string* paragraph = nullptr;
  std::size_t start = 0, end = 0;
  hb_script_t script = HB_SCRIPT_INVALID;
  hb_direction_t direction = HB_DIRECTION_LTR;
  hb_language_t language = nullptr;
  const FontFace* face = nullptr;
};

std::vector<ShapedRun> runs_of(float max_width) {
  Fixture& f = fixture();
  std::vector<ShapedRun> runs;
  for (const std::string& paragraph : f.paragraphs) {
    const ParagraphLayout layout = layout_paragraph(f.fonts, paragraph, release_style(max_width));
    for (const LayoutLine& line : layout.lines) {
      for (const GlyphRun& run : line.runs) {
        runs.push_back({&paragraph, run.start, run.end, static_cast<hb_script_t>(run.script),
                        run.direction == Direction::kRtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR,
                        hb_language_from_string(run.language.c_str(), -1), run.face});
      }
    }
  }
  return runs;
}

std::size_t glyphs_of(const std::vector<ParagraphLayout>& layouts) {
  std::size_t glyphs = 0;
  for (const ParagraphLayout& layout : layouts)
    glyphs += layout.glyph_count();
  return glyphs;
}

// [SECTION] Benchmarks

// (a) Every paragraph laid out from nothing: itemize, shape, break, reorder, position.
void BM_ColdLayout(benchmark::State& state) {
  Fixture& f = fixture();
  const TextStyle style = release_style(1200);
  const std::uint64_t shapes_before = shape_call_count();
  for (auto _ : state) {
    for (const std::string& paragraph : f.paragraphs) {
      benchmark::DoNotOptimize(layout_paragraph(f.fonts, paragraph, style));
    }
  }
  state.counters["paragraphs"] = static_cast<double>(f.paragraphs.size());
  state.counters["hb_shape/iter"] = static_cast<double>(shape_call_count() - shapes_before) /
                                    static_cast<double>(state.iterations());
}
BENCHMARK(BM_ColdLayout)->Unit(benchmark::kMicrosecond);

// (b) The same through a warmed cache: a steady frame must shape nothing.
void BM_CachedLayout(benchmark::State& state) {
  Fixture& f = fixture();
  const TextStyle style = release_style(1200);
  ParagraphCache cache;
  for (const std::string& paragraph : f.paragraphs)
    cache.get(f.fonts, paragraph, style);
  const std::uint64_t shapes_before = shape_call_count();
  for (auto _ : state) {
    for (const std::string& paragraph : f.paragraphs) {
      benchmark::DoNotOptimize(cache.get(f.fonts, paragraph, style));
    }
  }
  state.counters["hb_shape/iter"] = static_cast<double>(shape_call_count() - shapes_before) /
                                    static_cast<double>(state.iterations());
  state.counters["misses"] = static_cast<double>(cache.misses());
}
BENCHMARK(BM_CachedLayout)->Unit(benchmark::kMicrosecond);

// (c) Every glyph of the laid-out release rasterized anew (no atlas).
void BM_Rasterize(benchmark::State& state) {
  Fixture& f = fixture();
  std::vector<ParagraphLayout> layouts;
  for (const std::string& paragraph : f.paragraphs) {
    layouts.push_back(layout_paragraph(f.fonts, paragraph, release_style(1200)));
  }
  GlyphRasterizer rasterizer;
  for (auto _ : state) {
    for (const ParagraphLayout& layout : layouts) {
      for (const LayoutLine& line : layout.lines) {
        for (const GlyphRun& run : line.runs) {
          for (const PositionedGlyph& glyph : run.glyphs) {
            const float subpixel = glyph.x - std::floor(glyph.x);
            benchmark::DoNotOptimize(
                rasterizer.rasterize(*run.face, glyph.id, run.pixel_size, subpixel));
          }
        }
      }
    }
  }
  state.counters["glyphs"] = static_cast<double>(glyphs_of(layouts));
}
BENCHMARK(BM_Rasterize)->Unit(benchmark::kMicrosecond);

// (d) The floor: HarfBuzz alone on the runs the layout shaped, with the paragraph as context.
// Arg 1200: the runs of the wrapped layout of (a); arg 0: those of one unbroken line per
// paragraph (each itemized run once, no splits at line ends).
void BM_RawHbShape(benchmark::State& state) {
  const std::vector<ShapedRun> runs = runs_of(static_cast<float>(state.range(0)));
  for (auto _ : state) {
    for (const ShapedRun& run : runs) {
      hb_buffer_t* buffer = hb_buffer_create();
      hb_buffer_add_utf8(buffer, run.paragraph->data(), static_cast<int>(run.paragraph->size()),
                         static_cast<unsigned>(run.start), static_cast<int>(run.end - run.start));
      hb_buffer_set_direction(buffer, run.direction);
      hb_buffer_set_script(buffer, run.script);
      hb_buffer_set_language(buffer, run.language);
      hb_shape(run.face->hb_font(), buffer, nullptr, 0);
      benchmark::DoNotOptimize(hb_buffer_get_glyph_positions(buffer, nullptr));
      hb_buffer_destroy(buffer);
    }
  }
  state.counters["runs"] = static_cast<double>(runs.size());
}
BENCHMARK(BM_RawHbShape)->Arg(1200)->Arg(0)->Unit(benchmark::kMicrosecond);

// A title of `characters` code points with no break opportunity. Kind 0 is Latin (W), 1 one Urdu
// letter joined to itself all along (ب), 2 the press release's Urdu words with the spaces left
// out, digits and punctuation too (joined stretches of a few letters, as real text has).
std::string unbreakable_title(std::int64_t kind, std::size_t characters) {
  std::string letters;
  if (kind == 2) {
    for (const std::string& paragraph : fixture().paragraphs)
      letters += testing::arabic_letters_of(paragraph);
  } else {
    letters = kind == 1 ? "\u0628" : "W";
  }
  std::string title;
  for (std::size_t offset = 0, count = 0; count < characters; ++count) {
    if (offset == letters.size()) offset = 0;
    const std::size_t start = offset;
    utf8::decode(letters, offset);
    title.append(letters, start, offset - start);
  }
  return title;
}

// (e) A title with no break opportunity, split between graphemes on every line: the time per
// character stays the same from 1,000 to 100,000 characters; with the lines limited, as the
// kiosk's cards limit them, the time stays that of the lines shown, whatever the title's length.
// The first arg is the title's kind (unbreakable_title); the third limits the lines (0: none).
void BM_UnbreakableTitle(benchmark::State& state) {
  Fixture& f = fixture();
  const bool urdu = state.range(0) != 0;
  const auto characters = static_cast<std::size_t>(state.range(1));
  const std::string title = unbreakable_title(state.range(0), characters);
  TextStyle style = release_style(1200);
  style.language = urdu ? "ur" : "en";
  style.max_lines = static_cast<int>(state.range(2));
  std::size_t lines = 0;
  const std::uint64_t shapes_before = shape_call_count();
  for (auto _ : state) {
    const ParagraphLayout layout = layout_paragraph(f.fonts, title, style);
    lines = layout.lines.size();
    benchmark::DoNotOptimize(layout);
  }
  state.counters["lines"] = static_cast<double>(lines);
  state.counters["hb_shape/line"] = static_cast<double>(shape_call_count() - shapes_before) /
                                    static_cast<double>(state.iterations() * lines);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(characters));
}
BENCHMARK(BM_UnbreakableTitle)
    ->ArgsProduct({{0, 1, 2}, {1000, 10000, 100000}, {0}})
    ->Args({0, 100000, 2})
    ->Args({1, 100000, 2})
    ->Args({2, 100000, 2})
    ->Unit(benchmark::kMillisecond);

// (f) The floor of (e): HarfBuzz alone shaping the title once, as one run, the least any layout
// of it costs (Nastaliq's contextual lookups make a joined Urdu letter cost far more than a W).
void BM_UnbreakableTitleRawHbShape(benchmark::State& state) {
  Fixture& f = fixture();
  const bool urdu = state.range(0) != 0;
  const std::string title =
      unbreakable_title(state.range(0), static_cast<std::size_t>(state.range(1)));
  const FontFace& face =
      urdu ? f.fonts.nastaliq(FontWeight::kRegular) : f.fonts.sans(FontWeight::kRegular);
  for (auto _ : state) {
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, title.data(), static_cast<int>(title.size()), 0, -1);
    hb_buffer_set_direction(buffer, urdu ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, urdu ? HB_SCRIPT_ARABIC : HB_SCRIPT_LATIN);
    hb_buffer_set_language(buffer, hb_language_from_string(urdu ? "ur" : "en", -1));
    hb_shape(face.hb_font(), buffer, nullptr, 0);
    benchmark::DoNotOptimize(hb_buffer_get_glyph_positions(buffer, nullptr));
    hb_buffer_destroy(buffer);
  }
  state.SetItemsProcessed(state.iterations() * state.range(1));
}
BENCHMARK(BM_UnbreakableTitleRawHbShape)
    ->ArgsProduct({{0, 1, 2}, {100000}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ijlas::text

BENCHMARK_MAIN();
