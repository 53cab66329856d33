// JSON written out with the place of every value and key, so that two readings of one text (the
// tree of json::parse, the members of json::read_root_members) compare as two strings. Shared by
// the core tests and the native JSON fuzz target; header-only, as the fuzz target links no tests.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/json_value.hpp"

namespace ijlas::json::testing {

inline std::string placed(TextPosition position) {
  return std::to_string(position.line) + ":" + std::to_string(position.column) + " ";
}

inline void describe_key(const Member& member, std::string& out) {
  out += placed(member.key_position) + quote(member.key) + ": ";
}

// `value` as "line:column value", its items and members the same, in the order of the text.
inline void describe_value(const Value& value, std::string& out) {
  out += placed(value.position());
  switch (value.kind()) {
    case Kind::kNull:
      out += "null";
      return;
    case Kind::kBool:
      out += value.as_bool() ? "true" : "false";
      return;
    case Kind::kNumber:
      out += value.text();
      return;
    case Kind::kString:
      out += quote(value.text());
      return;
    case Kind::kArray:
      out += '[';
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        if (i > 0) out += ", ";
        describe_value(value.items()[i], out);
      }
      out += ']';
      return;
    case Kind::kObject:
      out += '{';
      for (std::size_t i = 0; i < value.members().size(); ++i) {
        if (i > 0) out += ", ";
        describe_key(value.members()[i], out);
        describe_value(value.members()[i].value, out);
      }
      out += '}';
      return;
  }
}

inline std::string described(const Value& value) {
  std::string out;
  describe_value(value, out);
  return out;
}

// Writes what read_root_members hands it as describe_value writes the whole tree, asking for the
// items of the keys `streams` picks one by one; counts what arrived, and what arrived wrongly.
class DescribingHandler : public RootMemberHandler {
 public:
  explicit DescribingHandler(std::function<bool(std::string_view)> streams)
      : streams_(std::move(streams)) {}

  void root(Value&& root) override {
    ++roots;
    if (!root.is_object()) {
      describe_value(root, text_);
      return;
    }
    text_ += placed(root.position()) + "{";
    in_object_ = true;
    if (!root.members().empty()) ++wrongly_handed;
  }
  bool wants_items(std::string_view key) override { return streams_(key); }
  void member(Member&& member) override {
    close_array();
    if (!in_object_) ++wrongly_handed;
    if (members++ > 0) text_ += ", ";
    describe_key(member, text_);
    if (!member.value.is_array() || !streams_(member.key)) {
      describe_value(member.value, text_);
      return;
    }
    // Its items follow one by one: the array handed here holds none of them.
    if (!member.value.items().empty()) ++wrongly_handed;
    text_ += placed(member.value.position()) + "[";
    in_array_ = true;
  }
  void item(Value&& item) override {
    if (!in_array_) ++wrongly_handed;
    if (items_in_array_++ > 0) text_ += ", ";
    describe_value(item, text_);
    ++items;
  }

  // The text as describe_value writes the document; once the reading succeeded.
  std::string finished() {
    close_array();
    if (in_object_) text_ += "}";
    in_object_ = false;
    return text_;
  }

  int roots = 0;
  int members = 0;
  int items = 0;
  int wrongly_handed = 0;  // a member or item outside its container, or items handed in a member

 private:
  void close_array() {
    if (in_array_) text_ += "]";
    in_array_ = false;
    items_in_array_ = 0;
  }

  std::function<bool(std::string_view)> streams_;
  std::string text_;
  bool in_object_ = false;
  bool in_array_ = false;
  int items_in_array_ = 0;
};

// Whether read_root_members, streaming the keys `streams` picks, reads `text` as parse does: the
// same description when it is JSON, the same error at the same place when not. Empty when it
// does; otherwise what differs.
inline std::optional<std::string> differs_from_parse(
    std::string_view text, const std::function<bool(std::string_view)>& streams) {
  const ParseResult tree = parse(text);
  DescribingHandler handler(streams);
  const std::optional<TextError> error = read_root_members(text, handler);
  if (handler.wrongly_handed > 0) return "a member or item was handed out of place";
  if (tree.value.has_value() == error.has_value()) {
    return tree.value ? "parse read it, read_root_members found " + error->message
                      : "read_root_members read it, parse found " + tree.error.message;
  }
  if (error) {
    if (error->position == tree.error.position && error->message == tree.error.message) {
      return std::nullopt;
    }
    return "error " + placed(error->position) + error->message + " instead of " +
           placed(tree.error.position) + tree.error.message;
  }
  if (handler.roots != 1) return "the root was handed " + std::to_string(handler.roots) + " times";
  const std::string expected = described(*tree.value);
  const std::string got = handler.finished();
  if (got == expected) return std::nullopt;
  return "read as\n" + got + "\ninstead of\n" + expected;
}

}  // namespace ijlas::json::testing
