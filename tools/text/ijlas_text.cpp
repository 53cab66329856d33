// ijlas-text: the text engine from the command line.
//   ijlas-text shape  [--lang L] [--size PX] [--width PX] [--align start|end|center] TEXT
//   ijlas-text render [same options] --out FILE.png TEXT
// `shape` prints one JSON object (a contract other tests rely on; see README.md).
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <hb.h>

#include "core/diagnostic.hpp"
#include "core/json_value.hpp"
#include "core/option_parser.hpp"
#include "platform/paragraph_image.hpp"
#include "platform/png_file.hpp"
#include "text/typesetter.hpp"

namespace {

using namespace ijlas;

struct Options {
  std::string command;
  text::TextStyle style;
  std::string out;
  std::string text;
  bool have_text = false;
};

int usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "ijlas-text: " << problem << "\n";
  std::cerr << "usage: ijlas-text shape [--lang L] [--size PX] [--width PX] "
               "[--align start|end|center] [--lines N] [--bold] TEXT\n"
               "       ijlas-text render [same options] --out FILE.png TEXT\n";
  return 2;
}

std::optional<float> parse_number(const std::string& value) {
  try {
    std::size_t used = 0;
    const float number = std::stof(value, &used);
    if (used != value.size() || !std::isfinite(number) || number < 0) return std::nullopt;
    return number;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// A number from `min` to `max` given to `store`, or `problem`.
Option number_option(std::string_view name, float min, float max, const std::string& problem,
                     const std::function<void(float)>& store) {
  return {{name}, true, problem, [=](const std::string& value) {
            const auto n = parse_number(value);
            if (!n || *n < min || *n > max) return problem;
            store(*n);
            return std::string();
          }};
}

OptionTable options_of(Options& options) {
  text::TextStyle& style = options.style;
  OptionTable table;
  table.options = {
      text_option("--lang", "--lang needs a language such as ur or en", style.language),
      number_option("--size", 1, 2000, "--size needs a pixel size from 1 to 2000",
                    [&style](float n) { style.pixel_size = n; }),
      number_option("--width", 0, 100000, "--width needs a width in pixels (0 for no wrapping)",
                    [&style](float n) { style.max_width = n; }),
      number_option("--lines", 0, 10000, "--lines needs a whole number of lines",
                    [&style](float n) { style.max_lines = static_cast<int>(n); }),
      {{"--align"},
       true,
       "",
       [&style](const std::string& value) {
         if (value == "start") {
           style.alignment = text::Alignment::kStart;
         } else if (value == "end") {
           style.alignment = text::Alignment::kEnd;
         } else if (value == "center") {
           style.alignment = text::Alignment::kCenter;
         } else {
           return std::string("--align takes start, end or center");
         }
         return std::string();
       }},
      {{"--bold"},
       false,
       "",
       [&style](const std::string&) {
         style.weight = text::FontWeight::kBold;
         return std::string();
       }},
      text_option("--out", "--out needs a file name", options.out),
  };
  table.other = [&options](const std::string& word) {
    if (word.starts_with("--")) return "unknown option " + quoted(word);
    if (options.have_text) return std::string("give the text as one argument (quote it)");
    options.text = word;
    options.have_text = true;
    return std::string();
  };
  return table;
}

// Returns an error message, or empty when the arguments are fine.
std::string parse(const std::vector<std::string>& arguments, Options& options) {
  if (arguments.empty()) return "no command";
  options.command = arguments[0];
  if (options.command != "shape" && options.command != "render") {
    return "unknown command " + quoted(arguments[0]);
  }
  const std::span<const std::string> rest(arguments.begin() + 1, arguments.end());
  if (std::string problem = parse_options(options_of(options), rest).error; !problem.empty()) {
    return problem;
  }
  if (!options.have_text) return "no text given";
  if (options.command == "render" && options.out.empty()) return "render needs --out FILE.png";
  return {};
}

// Pixels with two decimals: enough to compare, short enough to read.
std::string number(float value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(value));
  std::string s = buffer;
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

void write_layout_json(std::ostream& out, const text::ParagraphLayout& layout) {
  out << "{\"lines\":[";
  for (std::size_t l = 0; l < layout.lines.size(); ++l) {
    const text::LayoutLine& line = layout.lines[l];
    if (l) out << ',';
    out << "{\"baseline\":" << number(line.baseline) << ",\"ink\":[" << number(line.ink.x0) << ','
        << number(line.ink.y0) << ',' << number(line.ink.x1) << ',' << number(line.ink.y1)
        << "],\"runs\":[";
    for (std::size_t r = 0; r < line.runs.size(); ++r) {
      const text::GlyphRun& run = line.runs[r];
      if (r) out << ',';
      char script[5] = {};
      hb_tag_to_string(run.script, script);
      out << "{\"font\":";
      out << json::quote(run.face->file_name());
      out << ",\"direction\":\"" << (run.direction == text::Direction::kRtl ? "rtl" : "ltr")
          << "\",\"script\":\"" << script << "\",\"language\":";
      out << json::quote(run.language);
      out << ",\"start\":" << run.start << ",\"end\":" << run.end << ",\"glyphs\":[";
      for (std::size_t g = 0; g < run.glyphs.size(); ++g) {
        const text::PositionedGlyph& glyph = run.glyphs[g];
        if (g) out << ',';
        out << "{\"id\":" << glyph.id << ",\"cluster\":" << glyph.cluster
            << ",\"x\":" << number(glyph.x) << ",\"y\":" << number(glyph.y)
            << ",\"advance\":" << number(glyph.advance) << '}';
      }
      out << "]}";
    }
    out << "]}";
  }
  out << "]}\n";
}

int render(text::Typesetter& typesetter, const text::ParagraphLayout& layout,
           const std::string& out) {
  const platform::ImageBuffer image =
      platform::render_paragraph(typesetter, layout, 16, {0, 0, 0, 255}, {255, 255, 255, 255});
  std::string error;
  if (!platform::write_png(out, image, error)) {
    std::cerr << "ijlas-text: " << error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (const std::string problem = parse({argv + 1, argv + argc}, options); !problem.empty()) {
    return usage(problem);
  }
  try {
    text::Typesetter typesetter;
    const auto layout = typesetter.layout(options.text, options.style);
    if (options.command == "shape") {
      write_layout_json(std::cout, *layout);
      return 0;
    }
    return render(typesetter, *layout, options.out);
  } catch (const std::exception& error) {
    std::cerr << "ijlas-text: " << error.what() << "\n";
    return 1;
  }
}
