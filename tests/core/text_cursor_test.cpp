#include "core/text_cursor.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ijlas {
namespace {

TEST(TextCursor, ColumnsCountCodePointsNotBytes) {
  TextCursor cursor("اجلاس x");  // five two-byte letters, a space
  EXPECT_EQ(cursor.advance_to(11), (TextPosition{1, 7}));
}

TEST(TextCursor, ALineBreakStartsTheNextLineAtColumnOne) {
  TextCursor cursor("ab\r\ncd\n\nef");
  EXPECT_EQ(cursor.advance_to(1), (TextPosition{1, 2}));
  EXPECT_EQ(cursor.advance_to(3), (TextPosition{1, 4}));  // a CR is a character of its line
  EXPECT_EQ(cursor.advance_to(5), (TextPosition{2, 2}));
  EXPECT_EQ(cursor.advance_to(9), (TextPosition{4, 2}));  // lines counted over several at once
}

TEST(TextCursor, NeverMovesBackOrPastTheEnd) {
  TextCursor cursor("one\ntwo");
  EXPECT_EQ(cursor.advance_to(5), (TextPosition{2, 2}));
  EXPECT_EQ(cursor.advance_to(2), (TextPosition{2, 2}));
  EXPECT_EQ(cursor.offset(), 5u);
  EXPECT_EQ(cursor.advance_to(100), (TextPosition{2, 4}));
  EXPECT_EQ(cursor.offset(), 7u);
}

TEST(TextCursor, StepByStepAndInOneJumpGiveTheSamePlace) {
  const std::string text = "Urdu: اردو\nEnglish\n\xF0\x9F\x98\x80 end";
  TextCursor jump(text);
  TextCursor steps(text);
  for (std::size_t offset = 0; offset <= text.size(); ++offset)
    steps.advance_to(offset);
  EXPECT_EQ(jump.advance_to(text.size()), steps.position());
  EXPECT_EQ(steps.position(), (TextPosition{3, 6}));
}

}  // namespace
}  // namespace ijlas
