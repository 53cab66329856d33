#include "agenda/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <mutex>

namespace ijlas::agenda {
namespace {

bool named(const xmlChar* element, const char* name) {
  return xmlStrcasecmp(element, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// Paragraph-like elements are set apart by a blank line, line-like ones by a line break.
bool is_paragraph(const xmlChar* node) {
  for (const char* name : {"p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                           "pre", "table", "hr"}) {
    if (named(node, name)) return true;
  }
  return false;
}

bool is_line(const xmlChar* node) {
  for (const char* name : {"br", "li", "tr", "dt", "dd"}) {
    if (named(node, name)) return true;
  }
  return false;
}

// What the parser's callbacks build: the text, with a paragraph set apart on both sides
// (tidy_lines() keeps one blank line of the two) and a line element starting a new line.
// Callbacks rather than a tree: the text is appended once, never copied between nodes.
struct TextCollector {
  std::string out;
  int skipped_depth = 0;  // inside <script> or <style>

  static TextCollector& of(void* context) {
    return *static_cast<TextCollector*>(static_cast<htmlParserCtxt*>(context)->_private);
  }
  static bool is_skipped(const xmlChar* name) {
    return named(name, "script") || named(name, "style");
  }
  static void start(void* context, const xmlChar* name, const xmlChar**) {
    TextCollector& self = of(context);
    if (is_skipped(name)) ++self.skipped_depth;
    if (is_paragraph(name)) {
      self.out += "\n\n";
    } else if (is_line(name)) {
      self.out += '\n';
    }
  }
  static void end(void* context, const xmlChar* name) {
    TextCollector& self = of(context);
    if (is_skipped(name) && self.skipped_depth > 0) --self.skipped_depth;
    if (is_paragraph(name)) self.out += "\n\n";
  }
  static void text(void* context, const xmlChar* characters, int length) {
    TextCollector& self = of(context);
    if (self.skipped_depth == 0) self.out.append(reinterpret_cast<const char*>(characters), length);
  }
};

// Trims each line and drops blank lines at the start and end, keeping one blank line at most.
std::string tidy_lines(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  int pending_breaks = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line;
    bool space = false;
    for (std::size_t i = start; i < end; ++i) {
      const char c = text[i];
      if (c == ' ' || c == '\t' || c == '\r') {
        space = !line.empty();
        continue;
      }
      if (space) line += ' ';
      space = false;
      line += c;
    }
    if (line.empty()) {
      ++pending_breaks;
    } else {
      if (!out.empty()) out.append(pending_breaks > 0 ? "\n\n" : "\n");
      out += line;
      pending_breaks = 0;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  if (html.find_first_of("<&") == std::string_view::npos) return std::string(html);
  if (html.size() > static_cast<std::size_t>(INT_MAX)) return {};
  static std::once_flag initialized;
  std::call_once(initialized, [] { xmlInitParser(); });
  htmlParserCtxt* context = htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size()));
  if (context == nullptr) return {};
  TextCollector collector;
  collector.out.reserve(html.size());
  // Only the callbacks for text and elements: no tree, no document, no messages.
  htmlSAXHandler handler{};
  handler.startElement = &TextCollector::start;
  handler.endElement = &TextCollector::end;
  handler.characters = &TextCollector::text;
  handler.cdataBlock = &TextCollector::text;
  handler.ignorableWhitespace = &TextCollector::text;
  *context->sax = handler;
  context->_private = &collector;
  htmlCtxtUseOptions(context, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(context);
  htmlFreeParserCtxt(context);
  return tidy_lines(collector.out);
}

}  // namespace ijlas::agenda
