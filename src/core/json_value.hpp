// A JSON document tree that remembers where every value and key was written, so that a loader
// can say "agenda.json:14:22: …" about any value it rejects.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  Value() noexcept : empty_() {}
  Value(const Value& other);
  Value(Value&& other) noexcept;
  Value& operator=(const Value& other);
  Value& operator=(Value&& other) noexcept;
  ~Value();

  Kind kind() const { return kind_; }
  TextPosition position() const { return position_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_number() const { return kind_ == Kind::kNumber; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_array() const { return kind_ == Kind::kArray; }
  bool is_object() const { return kind_ == Kind::kObject; }

  bool as_bool() const { return bool_; }
  // The number (0 for other kinds, and for one too large for a double).
  double as_number() const;
  // The string value, or the number as it was written ("6712"), so ids may be either.
  const std::string& text() const;
  const std::vector<Value>& items() const;
  const std::vector<Member>& members() const;

  // The member named `key` of an object, or nullptr (also for non-objects).
  const Value* find(std::string_view key) const;

  const char* kind_name() const { return json::kind_name(kind_); }

 private:
  friend class Parser;
  bool holds_text() const { return kind_ == Kind::kString || kind_ == Kind::kNumber; }
  // Ends the payload of the current kind and starts an empty one of `kind`.
  void become(Kind kind);
  void destroy();
  void construct_from(const Value& other);
  void construct_from(Value&& other) noexcept;

  union {
    char empty_;                   // null and booleans
    std::string text_;             // strings and numbers
    std::vector<Value> items_;     // arrays
    std::vector<Member> members_;  // objects
  };
  TextPosition position_;
  Kind kind_ = Kind::kNull;
  bool bool_ = false;
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

// `text` as a JSON string literal, quotes included.
std::string quote(std::string_view text);

}  // namespace ijlas::json
