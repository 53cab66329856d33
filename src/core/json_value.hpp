// A JSON document tree that remembers where every value and key was written, so that a loader
// can say "agenda.json:14:22: …" about any value it rejects.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/text_position.hpp"

namespace ijlas::json {

inline constexpr int kMaxDepth = 64;  // arrays and objects nested deeper are rejected

class Value;
struct Member;

enum class Kind : unsigned char { kNull, kBool, kNumber, kString, kArray, kObject };

// Short description for messages: "a string", "an array", …
const char* kind_name(Kind kind);

// About 48 bytes: a value holds only what its kind needs (a string, its items or its members), so
// that a document's tree stays small next to its text (issue 12: the reader's peak memory).
class Value {
 public:
  Kind kind() const { return static_cast<Kind>(payload_.index()); }
  TextPosition position() const { return position_; }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_number() const { return kind() == Kind::kNumber; }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_array() const { return kind() == Kind::kArray; }
  bool is_object() const { return kind() == Kind::kObject; }

  bool as_bool() const { return is_bool() && std::get<bool>(payload_); }
  // The number (0 for other kinds, and for one too large for a double).
  double as_number() const;
  // The string value, or the number as it was written ("6712"), so ids may be either.
  const std::string& text() const;
  const std::vector<Value>& items() const;
  const std::vector<Member>& members() const;

  // The member named `key` of an object, or nullptr (also for non-objects).
  const Value* find(std::string_view key) const;

  const char* kind_name() const { return json::kind_name(kind()); }

 private:
  friend class Parser;
  struct Number {
    std::string text;  // as written
  };
  // In the order of Kind, whose value is the alternative's index.
  std::variant<std::monostate, bool, Number, std::string, std::vector<Value>, std::vector<Member>>
      payload_;
  TextPosition position_;
};

struct Member {
  std::string key;
  TextPosition key_position;
  Value value;
};

struct ParseResult {
  std::optional<Value> value;  // set on success
  TextError error;             // meaningful when value is empty
};

// Strict RFC 8259 JSON; a leading UTF-8 byte-order mark is allowed. Rejects invalid UTF-8,
// nesting deeper than kMaxDepth and trailing content, naming the position of the problem.
ParseResult parse(std::string_view text);

// What a member-by-member reading (read_root_members) hands its caller, in the order of the text.
class RootMemberHandler {
 public:
  virtual ~RootMemberHandler() = default;
  // The root, first: an object without its members, which follow one by one; any other value
  // whole, once the text has been read to its end.
  virtual void root(Value&& root) = 0;
  // Whether the items of the root member `key`, when its value is an array, are handed one at a
  // time to item() instead of all at once in member().
  virtual bool wants_items(std::string_view key) = 0;
  // Each root member once its value is parsed; one whose items are handed one by one comes at
  // its '[', with an empty array, before them.
  virtual void member(Member&& member) = 0;
  // Each item of the array last handed to member() empty, once it is parsed; it is not kept.
  virtual void item(Value&& item) = 0;
};

// Reads `text` as parse() does, with the same errors at the same places, but hands the root's
// members to `handler` as each is parsed, so that a large array is never a tree all at once.
// Empty when the text is a JSON document; otherwise parse()'s error, after `handler` was given
// what came before it.
std::optional<TextError> read_root_members(std::string_view text, RootMemberHandler& handler);

// `text` as a JSON string literal, quotes included.
std::string quote(std::string_view text);

}  // namespace ijlas::json
