// json::read_root_members: the root's members of a document one by one, the items of chosen
// arrays one at a time, read exactly as json::parse reads the whole tree.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/json_value.hpp"
#include "json_test_support.hpp"

namespace ijlas::json {
namespace {

using testing::differs_from_parse;
using testing::placed;

bool streams_nothing(std::string_view) {
  return false;
}
bool streams_everything(std::string_view) {
  return true;
}
bool streams_sessions(std::string_view key) {
  return key == "sessions";
}

// What a reading handed, one line per call, in the order of the calls.
class HandedLog : public RootMemberHandler {
 public:
  void root(Value&& root) override {
    log.push_back("root " + placed(root.position()) + kind(root));
  }
  bool wants_items(std::string_view key) override { return key == "sessions" || key == "days"; }
  void member(Member&& member) override {
    log.push_back("member " + placed(member.key_position) + member.key + " " +
                  placed(member.value.position()) + kind(member.value));
  }
  void item(Value&& item) override {
    const Value* id = item.find("id");
    log.push_back("item " + placed(item.position()) + (id ? id->text() : kind(item)));
  }

  std::vector<std::string> log;

 private:
  static std::string kind(const Value& value) {
    if (!value.is_array()) return value.kind_name();
    return "an array of " + std::to_string(value.items().size()) + " items";
  }
};

TEST(CoreJsonRootMembers, EveryMemberValueAndPlaceIsTheOneParseReads) {
  for (const char* text : {
           R"({})",
           "\xEF\xBB\xBF {\"a\": 1}",
           R"({"a": [], "b": {}, "c": [[]], "d": null, "e": true, "f": false, "g": -0.5e3})",
           "{\n  \"title\": \"اجلاس\",\n  \"sessions\": [\n    {\"id\": \"s1\", \"speakers\": "
           "[\"a\", \"b\"]},\n    {\"id\": 7, \"room\": {\"ur\": \"ہال\"}}\n  ],\n  \"rooms\": "
           "[1, [2, [3]], {\"x\": [4]}],\n  \"sessions\": [\"again\"]\n}\n",
           R"({"sessions": "not an array", "days": [], "": [0]})",
       }) {
    for (const auto streams : {streams_nothing, streams_everything, streams_sessions}) {
      EXPECT_EQ(differs_from_parse(text, streams), std::nullopt) << text;
    }
  }
}

TEST(CoreJsonRootMembers, TheItemsOfAChosenArrayArriveOneByOneInOrderAndAreNotKept) {
  HandedLog handed;
  const auto error = read_root_members(
      "{\"days\": [],\n \"sessions\": [{\"id\": \"a\"},\n  {\"id\": \"b\"}, 3],\n \"rooms\": "
      "[1, 2],\n \"after\": 1}",
      handed);
  ASSERT_EQ(error, std::nullopt);
  const std::vector<std::string> expected = {
      "root 1:1 an object",
      "member 1:2 days 1:10 an array of 0 items",
      "member 2:2 sessions 2:14 an array of 0 items",
      "item 2:15 a",
      "item 3:3 b",
      "item 3:16 a number",
      "member 4:2 rooms 4:11 an array of 2 items",
      "member 5:2 after 5:11 a number",
  };
  EXPECT_EQ(handed.log, expected);
}

TEST(CoreJsonRootMembers, ARootThatIsNotAnObjectIsHandedWhole) {
  HandedLog handed;
  ASSERT_EQ(read_root_members("  [{\"id\": \"a\"}, 2]", handed), std::nullopt);
  EXPECT_EQ(handed.log, std::vector<std::string>{"root 1:3 an array of 2 items"});
  for (const char* text : {"[1, {\"a\": [2]}]", "\"text\"", "5", "null"}) {
    EXPECT_EQ(differs_from_parse(text, streams_everything), std::nullopt) << text;
  }
}

TEST(CoreJsonRootMembers, EveryErrorIsTheOneParseGivesAtTheSamePlace) {
  const std::string too_deep_in_an_item =
      "{\"sessions\": [" + std::string(kMaxDepth - 1, '[') + std::string(kMaxDepth - 1, ']') + "]}";
  const std::string deep_enough_in_an_item =
      "{\"sessions\": [" + std::string(kMaxDepth - 2, '[') + std::string(kMaxDepth - 2, ']') + "]}";
  for (const std::string& text : {
           std::string(""),
           std::string("   "),
           std::string("{"),
           std::string("{\"a\" 1}"),
           std::string("{\"a\": 1,}"),
           std::string("{\"a\": 1 \"b\": 2}"),
           std::string("{1: 2}"),
           std::string("{\"sessions\": [1,]}"),
           std::string("{\"sessions\": [1 2]}"),
           std::string("{\"sessions\": [{\"id\": \"a\"}, {\"id\": \"\xC3\x28\"}]}"),
           std::string("{\"sessions\": [\"\\ud800\"]}"),
           std::string("{\"sessions\": [01]}"),
           std::string("{\"sessions\": [1]"),
           std::string("{\"sessions\": [1]} x"),
           std::string("{} {}"),
           std::string("[1] x"),
           std::string("\xEF\xBB\xBF[1, x]"),
           too_deep_in_an_item,
           deep_enough_in_an_item,
       }) {
    for (const auto streams : {streams_nothing, streams_everything}) {
      EXPECT_EQ(differs_from_parse(text, streams), std::nullopt) << text;
    }
  }
  // The limit's error is not only the same as parse's but there at all.
  EXPECT_FALSE(parse(too_deep_in_an_item).value);
  EXPECT_TRUE(parse(deep_enough_in_an_item).value);
}

TEST(CoreJsonRootMembers, WhatCameBeforeASyntaxErrorHasBeenHanded) {
  HandedLog handed;
  const auto error = read_root_members(
      "{\"title\": \"t\", \"sessions\": [{\"id\": \"a\"}, {\"id\": \"b\"}, x]}", handed);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->position, (TextPosition{1, 55}));
  EXPECT_EQ(error->message, "unexpected character 'x': expected a value");
  const std::vector<std::string> expected = {
      "root 1:1 an object",
      "member 1:2 title 1:11 a string",
      "member 1:16 sessions 1:28 an array of 0 items",
      "item 1:29 a",
      "item 1:42 b",
  };
  EXPECT_EQ(handed.log, expected);
}

}  // namespace
}  // namespace ijlas::json
