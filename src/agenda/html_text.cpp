#include "agenda/html_text.hpp"

#include <cctype>

#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

struct NamedReference {
  std::string_view name;
  char32_t code_point;
};

constexpr NamedReference kNamedReferences[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"rsquo", 0x2019},
    {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C},
};

bool is_block_tag(std::string_view tag) {
  std::string name;
  for (const char c : tag) {
    if (c == '/') continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) break;
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return name == "p" || name == "br" || name == "li" || name == "div" || name == "ul" ||
         name == "ol" || name == "h1" || name == "h2" || name == "h3" || name == "h4" ||
         name == "tr" || name == "blockquote" || name == "pre";
}

// Decodes "&…;" at `offset`; false (and nothing consumed) when it is not a reference.
bool decode_reference(std::string_view html, std::size_t& offset, std::string& out) {
  const std::size_t semicolon = html.find(';', offset);
  if (semicolon == std::string_view::npos || semicolon - offset > 10) return false;
  const std::string_view body = html.substr(offset + 1, semicolon - offset - 1);
  char32_t code_point = 0;
  if (body.size() >= 2 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    for (const char c : digits) {
      const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(c))
                            ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                            : -1;
      if (digit < 0) return false;
      code_point = code_point * (hex ? 16 : 10) + digit;
      if (code_point > 0x10FFFF) return false;
    }
    if (code_point == 0 || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      code_point = utf8::kReplacement;
    }
  } else {
    bool found = false;
    for (const NamedReference& reference : kNamedReferences) {
      if (reference.name == body) {
        code_point = reference.code_point;
        found = true;
      }
    }
    if (!found) return false;
  }
  utf8::append(out, code_point);
  offset = semicolon + 1;
  return true;
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
  std::string out;
  out.reserve(html.size());
  std::size_t offset = 0;
  while (offset < html.size()) {
    const char c = html[offset];
    if (c == '<') {
      const std::size_t close = html.find('>', offset);
      if (close == std::string_view::npos) {
        out.append(html.substr(offset));
        break;
      }
      const std::string_view tag = html.substr(offset + 1, close - offset - 1);
      if (is_block_tag(tag)) out += '\n';
      offset = close + 1;
    } else if (c == '&' && decode_reference(html, offset, out)) {
      continue;
    } else {
      out += c;
      ++offset;
    }
  }
  return tidy_lines(out);
}

}  // namespace ijlas::agenda
