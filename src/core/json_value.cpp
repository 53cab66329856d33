#include "core/json_value.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iterator>

#include "core/text_cursor.hpp"
#include "core/utf8.hpp"

namespace ijlas::json {

// A recursive-descent parser; recursion is bounded by kMaxDepth.
class Parser {
 public:
  // A byte-order mark is not part of the text: the first character after it is at column 1.
  explicit Parser(std::string_view text)
      : text_(text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0)), cursor_(text_) {}

  ParseResult run() {
    ParseResult result;
    Value root;
    skip_whitespace();
    if (parse_value(root, 0) && at_document_end()) {
      result.value = std::move(root);
    } else {
      result.error = error_;
    }
    return result;
  }

  // The root's members as they are parsed, at the depths and with the checks of run()'s tree.
  std::optional<TextError> run(RootMemberHandler& handler) {
    skip_whitespace();
    Value root;
    if (peek() != '{') {
      if (!parse_value(root, 0) || !at_document_end()) return error_;
      handler.root(std::move(root));
      return std::nullopt;
    }
    root.position_ = here();
    root.payload_.emplace<std::vector<Member>>();
    handler.root(std::move(root));
    const bool parsed = parse_members(1, [&](Member& member) {
      if (peek() != '[' || !handler.wants_items(member.key)) {
        if (!parse_value(member.value, 1)) return false;
        handler.member(std::move(member));
        return true;
      }
      member.value.position_ = here();
      member.value.payload_.emplace<std::vector<Value>>();
      handler.member(std::move(member));
      return parse_items(2, [&] {
        Value item;
        if (!parse_value(item, 2)) return false;
        handler.item(std::move(item));
        return true;
      });
    });
    if (!parsed || !at_document_end()) return error_;
    return std::nullopt;
  }

 private:
  bool at_end() const { return offset_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[offset_]; }
  // Positions are asked for in the order of their offsets, so the cursor only moves forward.
  TextPosition here() { return cursor_.advance_to(offset_); }
  void advance() { ++offset_; }

  bool fail(std::string message) {
    error_ = {here(), std::move(message)};
    return false;
  }

  bool at_document_end() {
    skip_whitespace();
    return offset_ == text_.size() || fail("unexpected text after the end of the JSON document");
  }

  void skip_whitespace() {
    while (!at_end()) {
      const char c = text_[offset_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      advance();
    }
  }

  bool parse_value(Value& value, int depth) {
    value.position_ = here();
    if (at_end()) return fail("unexpected end of input: expected a value");
    switch (peek()) {
      case '{':
        return parse_object(value, depth + 1);
      case '[':
        return parse_array(value, depth + 1);
      case '"':
        return parse_string(value.payload_.emplace<std::string>());
      case 't':
        value.payload_ = true;
        return parse_literal("true");
      case 'f':
        value.payload_ = false;
        return parse_literal("false");
      case 'n':
        value.payload_ = std::monostate{};
        return parse_literal("null");
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number(value);
        return fail("unexpected character " + describe_here() + ": expected a value");
    }
  }

  std::string describe_here() const {
    std::size_t end = offset_;
    const char32_t code_point = utf8::decode(text_, end);
    if (code_point < 0x20 || code_point == utf8::kReplacement) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned char>(text_[offset_]));
      return buffer;
    }
    std::string character = "'";
    character.append(text_.substr(offset_, end - offset_));
    character.push_back('\'');
    return character;
  }

  bool parse_literal(std::string_view word) {
    if (text_.substr(offset_, word.size()) != word) {
      return fail("unexpected character " + describe_here() + ": expected a value");
    }
    offset_ += word.size();
    return true;
  }

  bool parse_number(Value& value) {
    const std::size_t start = offset_;
    const auto digits = [&] {
      std::size_t count = 0;
      while (!at_end() && peek() >= '0' && peek() <= '9')
        advance(), ++count;
      return count;
    };
    if (peek() == '-') advance();
    if (peek() == '0') {
      advance();
    } else if (digits() == 0) {
      return fail("malformed number: expected a digit");
    }
    if (peek() == '.') {
      advance();
      if (digits() == 0) return fail("malformed number: expected a digit after '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (digits() == 0) return fail("malformed number: expected a digit in the exponent");
    }
    value.payload_ = Value::Number{std::string(text_.substr(start, offset_ - start))};
    return true;
  }

  bool parse_hex4(char32_t& out) {
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = peek();
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) return fail("malformed \\u escape: expected four hexadecimal digits");
      out = out * 16 + digit;
      advance();
    }
    return true;
  }

  bool parse_escape(std::string& out) {
    advance();  // the backslash
    const char c = peek();
    if (at_end()) return fail("unexpected end of input inside a string");
    advance();
    switch (c) {
      case '"':
        out += '"';
        return true;
      case '\\':
        out += '\\';
        return true;
      case '/':
        out += '/';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        return fail(std::string("unknown escape \\") + c + " in a string");
    }
    char32_t code_point = 0;
    if (!parse_hex4(code_point)) return false;
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      if (text_.substr(offset_, 2) != "\\u") return fail("unpaired surrogate in a \\u escape");
      advance(), advance();
      char32_t low = 0;
      if (!parse_hex4(low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return fail("unpaired surrogate in a \\u escape");
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
    } else if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
      return fail("unpaired surrogate in a \\u escape");
    }
    utf8::append(out, code_point);
    return true;
  }

  bool parse_string(std::string& out) {
    advance();  // the opening quote
    // The text up to the closing quote bounds the string's size (escapes only shorten it): one
    // allocation of about its size instead of a doubling capacity.
    std::size_t end = offset_;
    while (end < text_.size() && text_[end] != '"')
      end += text_[end] == '\\' ? 2 : 1;
    out.reserve(std::min(end, text_.size()) - offset_);
    while (true) {
      if (at_end()) return fail("unexpected end of input inside a string");
      const unsigned char byte = static_cast<unsigned char>(peek());
      if (byte == '"') {
        advance();
        return true;
      }
      if (byte == '\\') {
        if (!parse_escape(out)) return false;
        continue;
      }
      if (byte < 0x20) return fail("control character " + describe_here() + " inside a string");
      if (byte < 0x80) {
        out += static_cast<char>(byte);
        advance();
        continue;
      }
      std::size_t end = offset_;
      const char32_t code_point = utf8::decode(text_, end);
      if (code_point == utf8::kReplacement && text_.substr(offset_, 3) != "\xEF\xBF\xBD") {
        return fail("invalid UTF-8 byte " + describe_here() + " inside a string");
      }
      out.append(text_.substr(offset_, end - offset_));
      offset_ = end;
    }
  }

  // The items of the array at '[', each parsed by `item` (false on an error).
  template <typename ItemParser>
  bool parse_items(int depth, ItemParser item) {
    if (depth > kMaxDepth) return fail("nesting deeper than 64 levels");
    advance();
    skip_whitespace();
    if (peek() == ']') {
      advance();
      return true;
    }
    while (true) {
      skip_whitespace();
      if (!item()) return false;
      skip_whitespace();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == ']') {
        advance();
        return true;
      }
      if (at_end()) return fail("unexpected end of input: expected ',' or ']'");
      return fail("unexpected character " + describe_here() + ": expected ',' or ']'");
    }
  }

  // The members of the object at '{', each given its key and place and then to `value_of`, which
  // parses its value from the current offset (false on an error).
  template <typename ValueParser>
  bool parse_members(int depth, ValueParser value_of) {
    if (depth > kMaxDepth) return fail("nesting deeper than 64 levels");
    advance();
    skip_whitespace();
    if (peek() == '}') {
      advance();
      return true;
    }
    while (true) {
      skip_whitespace();
      if (peek() != '"') {
        if (at_end()) return fail("unexpected end of input: expected a member name");
        return fail("unexpected character " + describe_here() + ": expected a member name");
      }
      Member member;
      member.key_position = here();
      if (!parse_string(member.key)) return false;
      skip_whitespace();
      if (peek() != ':') {
        if (at_end()) return fail("unexpected end of input: expected ':'");
        return fail("unexpected character " + describe_here() + ": expected ':'");
      }
      advance();
      skip_whitespace();
      if (!value_of(member)) return false;
      skip_whitespace();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == '}') {
        advance();
        return true;
      }
      if (at_end()) return fail("unexpected end of input: expected ',' or '}'");
      return fail("unexpected character " + describe_here() + ": expected ',' or '}'");
    }
  }

  // Children are gathered on a stack shared by every open container and moved into a vector
  // of exactly their number when the container closes: no doubling capacity, no second copy.
  bool parse_array(Value& value, int depth) {
    const std::size_t first = item_stack_.size();
    const bool parsed = parse_items(depth, [&] {
      Value item;
      if (!parse_value(item, depth)) return false;
      item_stack_.push_back(std::move(item));
      return true;
    });
    if (parsed) take_children(item_stack_, first, value);
    return parsed;
  }

  bool parse_object(Value& value, int depth) {
    const std::size_t first = member_stack_.size();
    const bool parsed = parse_members(depth, [&](Member& member) {
      if (!parse_value(member.value, depth)) return false;
      member_stack_.push_back(std::move(member));
      return true;
    });
    if (parsed) take_children(member_stack_, first, value);
    return parsed;
  }

  // The children on `stack` from `first` on become `value`'s.
  template <typename Child>
  static void take_children(std::vector<Child>& stack, std::size_t first, Value& value) {
    const auto begin = stack.begin() + static_cast<std::ptrdiff_t>(first);
    value.payload_.emplace<std::vector<Child>>(std::make_move_iterator(begin),
                                               std::make_move_iterator(stack.end()));
    stack.erase(begin, stack.end());
  }

  std::string_view text_;
  std::size_t offset_ = 0;
  TextCursor cursor_;
  TextError error_;
  std::vector<Value> item_stack_;     // the items of the open arrays, innermost last
  std::vector<Member> member_stack_;  // the members of the open objects, innermost last
};

double Value::as_number() const {
  double number = 0;
  if (const auto* written = std::get_if<Number>(&payload_))
    std::from_chars(written->text.data(), written->text.data() + written->text.size(), number);
  return number;
}

const std::string& Value::text() const {
  static const std::string kNoText;
  if (const auto* written = std::get_if<Number>(&payload_)) return written->text;
  const auto* text = std::get_if<std::string>(&payload_);
  return text ? *text : kNoText;
}

const std::vector<Value>& Value::items() const {
  static const std::vector<Value> kNoItems;
  const auto* items = std::get_if<std::vector<Value>>(&payload_);
  return items ? *items : kNoItems;
}

const std::vector<Member>& Value::members() const {
  static const std::vector<Member> kNoMembers;
  const auto* members = std::get_if<std::vector<Member>>(&payload_);
  return members ? *members : kNoMembers;
}

const Value* Value::find(std::string_view key) const {
  for (const Member& member : members()) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "true or false";
    case Kind::kNumber:
      return "a number";
    case Kind::kString:
      return "a string";
    case Kind::kArray:
      return "an array";
    case Kind::kObject:
      return "an object";
  }
  return "a value";
}

ParseResult parse(std::string_view text) {
  return Parser(text).run();
}

std::optional<TextError> read_root_members(std::string_view text, RootMemberHandler& handler) {
  return Parser(text).run(handler);
}

std::string quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (const char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", byte);
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace ijlas::json
