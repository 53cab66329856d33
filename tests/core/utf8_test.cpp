#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace ijlas {
namespace {

TEST(Utf8, DecodesEveryLength) {
  const std::string text = "a\u00e9\u0627\U0001F600";  // 1, 2, 2 and 4 bytes
  std::size_t offset = 0;
  EXPECT_EQ(utf8::decode(text, offset), U'a');
  EXPECT_EQ(utf8::decode(text, offset), U'\u00e9');
  EXPECT_EQ(utf8::decode(text, offset), U'\u0627');
  EXPECT_EQ(utf8::decode(text, offset), U'\U0001F600');
  EXPECT_EQ(offset, text.size());
  EXPECT_EQ(utf8::length(text), 4u);
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_TRUE(utf8::is_valid("اجلاس"));
  EXPECT_FALSE(utf8::is_valid("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(utf8::is_valid("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(utf8::is_valid("\xE0\xA4"));          // truncated
  EXPECT_FALSE(utf8::is_valid("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_TRUE(utf8::is_valid("\xEF\xBF\xBD"));       // U+FFFD itself is fine
}

TEST(Utf8, SanitizeReplacesEachBadByte) {
  EXPECT_EQ(utf8::sanitize("a\xFF"
                           "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(utf8::sanitize("\xE0\xA4"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(utf8::sanitize("ok"), "ok");
}

TEST(Utf8, AppendRoundTrips) {
  for (const char32_t cp : {U'\u0041', U'\u06F2', U'\u2026', U'\U0001F600'}) {
    std::string out;
    utf8::append(out, cp);
    std::size_t offset = 0;
    EXPECT_EQ(utf8::decode(out, offset), cp);
    EXPECT_EQ(offset, out.size());
  }
}

TEST(Utf8, FirstFaultNamesTheLineAndColumnInCodePoints) {
  EXPECT_FALSE(utf8::first_fault("اجلاس\nok", true));
  const auto bad = utf8::first_fault("ab\nاج\xFFx", false);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->position, (TextPosition{2, 3}));
  EXPECT_EQ(bad->offset, 7u);  // "ab\n" and two two-byte letters
  EXPECT_FALSE(bad->nul);
  const std::string with_nul("a\0b", 3);
  EXPECT_FALSE(utf8::first_fault(with_nul, false));
  const auto nul = utf8::first_fault(with_nul, true);
  ASSERT_TRUE(nul);
  EXPECT_TRUE(nul->nul);
  EXPECT_EQ(nul->position, (TextPosition{1, 2}));
  EXPECT_EQ(nul->offset, 1u);
}

TEST(Utf8, TrimmedDropsOnlyOuterAsciiSpace) {
  EXPECT_EQ(utf8::trimmed("  \tاجلاس  UNODC\r\n"), "اجلاس  UNODC");
  EXPECT_EQ(utf8::trimmed(" \n "), "");
  EXPECT_EQ(utf8::trimmed("x"), "x");
}

}  // namespace
}  // namespace ijlas
