#include "agenda/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <climits>
#include <memory>
#include <mutex>

namespace ijlas::agenda {
namespace {

struct DocumentDeleter {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};

bool named(const xmlNode* node, const char* name) {
  return xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// Paragraph-like elements are set apart by a blank line, line-like ones by a line break.
bool is_paragraph(const xmlNode* node) {
  for (const char* name : {"p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                           "pre", "table", "hr"}) {
    if (named(node, name)) return true;
  }
  return false;
}

bool is_line(const xmlNode* node) {
  for (const char* name : {"br", "li", "tr", "dt", "dd"}) {
    if (named(node, name)) return true;
  }
  return false;
}

// A paragraph is set apart on both sides (tidy_lines() keeps one blank line of the two); a line
// element starts a new line.
void append_boundary(const xmlNode* node, bool entering, std::string& out) {
  if (node->type != XML_ELEMENT_NODE) return;
  if (is_paragraph(node)) {
    out += "\n\n";
  } else if (entering && is_line(node)) {
    out += '\n';
  }
}

// Depth-first without recursion: a document of nested tags cannot exhaust the stack.
void collect_text(const xmlNode* root, std::string& out) {
  const xmlNode* node = root;
  while (true) {
    const bool element = node->type == XML_ELEMENT_NODE;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) out += reinterpret_cast<const char*>(node->content);
    }
    append_boundary(node, true, out);
    const bool skip = element && (named(node, "script") || named(node, "style"));
    if (node->children != nullptr && !skip) {
      node = node->children;
      continue;
    }
    while (node != root && node->next == nullptr) {
      node = node->parent;
      append_boundary(node, false, out);
    }
    if (node == root) return;
    node = node->next;
  }
}

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
  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;
  const std::unique_ptr<xmlDoc, DocumentDeleter> document(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
  if (!document) return {};
  std::string out;
  out.reserve(html.size());
  // A document is laid out as a node (libxml2's own convention): its children are the fragment.
  collect_text(reinterpret_cast<const xmlNode*>(document.get()), out);
  return tidy_lines(out);
}

}  // namespace ijlas::agenda
