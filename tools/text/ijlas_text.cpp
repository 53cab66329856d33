// ijlas-text: the text engine from the command line.
//   ijlas-text shape  [--lang L] [--size PX] [--width PX] [--align start|end|center] TEXT
//   ijlas-text render [same options] --out FILE.png TEXT
// `shape` prints one JSON object (a contract other tests rely on; see README.md).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include <hb.h>

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

// Returns an error message, or empty when the arguments are fine.
std::string parse(int argc, char** argv, Options& options) {
  if (argc < 2) return "no command";
  options.command = argv[1];
  if (options.command != "shape" && options.command != "render") {
    return "unknown command '" + options.command + "'";
  }
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    auto number = [&](float min, float max) -> std::optional<float> {
      const auto v = value();
      if (!v) return std::nullopt;
      const auto n = parse_number(*v);
      if (!n || *n < min || *n > max) return std::nullopt;
      return n;
    };
    if (arg == "--lang") {
      const auto v = value();
      if (!v) return "--lang needs a language such as ur or en";
      options.style.language = *v;
    } else if (arg == "--size") {
      const auto n = number(1, 2000);
      if (!n) return "--size needs a pixel size from 1 to 2000";
      options.style.pixel_size = *n;
    } else if (arg == "--width") {
      const auto n = number(0, 100000);
      if (!n) return "--width needs a width in pixels (0 for no wrapping)";
      options.style.max_width = *n;
    } else if (arg == "--lines") {
      const auto n = number(0, 10000);
      if (!n) return "--lines needs a whole number of lines";
      options.style.max_lines = static_cast<int>(*n);
    } else if (arg == "--align") {
      const auto v = value();
      if (v == "start") {
        options.style.alignment = text::Alignment::kStart;
      } else if (v == "end") {
        options.style.alignment = text::Alignment::kEnd;
      } else if (v == "center") {
        options.style.alignment = text::Alignment::kCenter;
      } else {
        return "--align takes start, end or center";
      }
    } else if (arg == "--bold") {
      options.style.weight = text::FontWeight::kBold;
    } else if (arg == "--out") {
      const auto v = value();
      if (!v) return "--out needs a file name";
      options.out = *v;
    } else if (arg.starts_with("--")) {
      return "unknown option '" + arg + "'";
    } else if (options.have_text) {
      return "give the text as one argument (quote it)";
    } else {
      options.text = arg;
      options.have_text = true;
    }
  }
  if (!options.have_text) return "no text given";
  if (options.command == "render" && options.out.empty()) return "render needs --out FILE.png";
  return {};
}

void write_json_string(std::ostream& out, std::string_view value) {
  out << '"';
  for (const char c : value) {
    switch (c) {
      case '"':
        out << "\\\"";
        break;
      case '\\':
        out << "\\\\";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\r':
        out << "\\r";
        break;
      case '\t':
        out << "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out << escaped;
        } else {
          out << c;
        }
    }
  }
  out << '"';
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
      write_json_string(out, run.face->file_name());
      out << ",\"direction\":\"" << (run.direction == text::Direction::kRtl ? "rtl" : "ltr")
          << "\",\"script\":\"" << script << "\",\"language\":";
      write_json_string(out, run.language);
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
  if (const std::string problem = parse(argc, argv, options); !problem.empty()) {
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
