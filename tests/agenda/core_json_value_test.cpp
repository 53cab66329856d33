// The JSON reader in core: values with their line and column, and errors that say where.
#include "core/json_value.hpp"

#include <gtest/gtest.h>

namespace ijlas::json {
namespace {

TEST(AgendaCoreJson, RemembersWhereEveryValueIs) {
  const auto result = parse("{\n  \"title\": \"اجلاس\",\n  \"n\": [1, -2.5e1]\n}");
  ASSERT_TRUE(result.value) << result.error.message;
  const Value* title = result.value->find("title");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->text(), "اجلاس");
  EXPECT_EQ(title->position().line, 2);
  EXPECT_EQ(title->position().column, 12);
  const Value* numbers = result.value->find("n");
  ASSERT_NE(numbers, nullptr);
  EXPECT_EQ(numbers->items()[1].as_number(), -25.0);
  EXPECT_EQ(numbers->items()[1].text(), "-2.5e1");
  EXPECT_EQ(numbers->items()[1].position().column, 12);
}

TEST(AgendaCoreJson, CountsColumnsInCodePoints) {
  const auto result = parse("{\"ur\": \"سمگلنگ\", \"x\": true}");
  ASSERT_TRUE(result.value);
  // "سمگلنگ" is 5 code points (10 bytes): the member after it starts at column 18.
  EXPECT_EQ(result.value->members()[1].key_position.column, 18);
}

TEST(AgendaCoreJson, AByteOrderMarkTakesNoColumn) {
  const auto result = parse("\xEF\xBB\xBF[1, x]");
  ASSERT_FALSE(result.value);
  EXPECT_EQ(result.error.position, (TextPosition{1, 5}));
}

TEST(AgendaCoreJson, DecodesEscapesAndSurrogatePairs) {
  const auto result = parse(R"(["a\"b\\\n\u0627\ud83d\ude00"])");
  ASSERT_TRUE(result.value);
  EXPECT_EQ(result.value->items()[0].text(), "a\"b\\\n\xD8\xA7\xF0\x9F\x98\x80");
}

TEST(AgendaCoreJson, NestedContainersKeepTheirOwnChildren) {
  const auto result = parse(R"({"a": [1, [2, 3], {"b": [4], "c": {}}], "d": {"e": []}, "f": "g"})");
  ASSERT_TRUE(result.value) << result.error.message;
  const Value& root = *result.value;
  ASSERT_EQ(root.members().size(), 3u);
  const Value* a = root.find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->items().size(), 3u);
  EXPECT_EQ(a->items()[0].text(), "1");
  ASSERT_EQ(a->items()[1].items().size(), 2u);
  EXPECT_EQ(a->items()[1].items()[1].as_number(), 3.0);
  ASSERT_EQ(a->items()[2].members().size(), 2u);
  EXPECT_EQ(a->items()[2].find("b")->items()[0].text(), "4");
  EXPECT_TRUE(a->items()[2].find("c")->is_object());
  EXPECT_TRUE(root.find("d")->find("e")->is_array());
  EXPECT_TRUE(root.find("d")->find("e")->items().empty());
  EXPECT_EQ(root.find("f")->text(), "g");
  EXPECT_EQ(root.members()[2].key, "f");
}

TEST(AgendaCoreJson, ACopyHoldsTheSameTreeAndOutlivesItsOriginal) {
  Value copy;
  {
    const auto result =
        parse(R"({"t": "a long title of more than sixteen bytes", "n": [true, null, 7]})");
    ASSERT_TRUE(result.value);
    copy = *result.value;
  }
  EXPECT_EQ(copy.find("t")->text(), "a long title of more than sixteen bytes");
  const Value moved = std::move(copy);
  const std::vector<Value>& items = moved.find("n")->items();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].as_bool());
  EXPECT_TRUE(items[1].is_null());
  EXPECT_EQ(items[2].as_number(), 7.0);
  EXPECT_EQ(items[2].position(), (TextPosition{1, 68}));
  // Asked of another kind, each accessor gives its empty answer.
  EXPECT_EQ(moved.text(), "");
  EXPECT_TRUE(moved.items().empty());
  EXPECT_EQ(items[0].as_number(), 0.0);
}

TEST(AgendaCoreJson, ReportsErrorsWithTheirPosition) {
  const auto missing_comma = parse("{\n  \"a\": 1\n  \"b\": 2\n}");
  ASSERT_FALSE(missing_comma.value);
  EXPECT_EQ(missing_comma.error.position.line, 3);
  EXPECT_EQ(missing_comma.error.position.column, 3);
  EXPECT_EQ(missing_comma.error.message, "unexpected character '\"': expected ',' or '}'");

  const auto bad_utf8 = parse("[\"ok\", \"\xC3\x28\"]");
  ASSERT_FALSE(bad_utf8.value);
  EXPECT_EQ(bad_utf8.error.position.column, 9);
  EXPECT_NE(bad_utf8.error.message.find("invalid UTF-8"), std::string::npos);

  EXPECT_FALSE(parse("[1,]").value);
  EXPECT_FALSE(parse("01").value);
  EXPECT_FALSE(parse("{} {}").value);
  EXPECT_FALSE(parse("\"\\ud800\"").value);
  EXPECT_FALSE(parse("").value);
}

TEST(AgendaCoreJson, RefusesNestingDeeperThanTheLimit) {
  const std::string ok = std::string(kMaxDepth, '[') + std::string(kMaxDepth, ']');
  EXPECT_TRUE(parse(ok).value);
  const std::string deep = std::string(kMaxDepth + 1, '[') + std::string(kMaxDepth + 1, ']');
  const auto result = parse(deep);
  ASSERT_FALSE(result.value);
  EXPECT_EQ(result.error.position.column, kMaxDepth + 1);
  EXPECT_EQ(result.error.message, "nesting deeper than 64 levels");
}

TEST(AgendaCoreJson, QuotesStringsSoThatTheyReadBack) {
  const std::string text = "line\n\"quoted\"\t\x01 اردو";
  const auto result = parse(quote(text));
  ASSERT_TRUE(result.value);
  EXPECT_EQ(result.value->text(), text);
}

}  // namespace
}  // namespace ijlas::json
