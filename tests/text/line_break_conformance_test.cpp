// Conformance of line_break_opportunities to the Unicode Line Breaking Algorithm (UAX #14):
// every case of Unicode's own LineBreakTest.txt (Debian package unicode-data), where ÷ marks a
// break opportunity between two code points and × marks none.
#include <unicode/uchar.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/utf8.hpp"
#include "text/line_breaker.hpp"

namespace ijlas::text {
namespace {

constexpr const char* kLineBreakTest = "/usr/share/unicode/auxiliary/LineBreakTest.txt";
constexpr std::string_view kBreak = "÷";
constexpr std::string_view kNoBreak = "×";

struct LineBreakCase {
  int line_number = 0;
  std::string comment;  // the file's own explanation: classes and rule numbers
  std::vector<char32_t> code_points;
  std::vector<bool> break_after;  // one per code point: ÷ follows it
};

std::vector<LineBreakCase> read_cases(const std::string& path) {
  std::vector<LineBreakCase> cases;
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::size_t hash = line.find('#');
    const std::string body = line.substr(0, hash);
    std::istringstream tokens(body);
    LineBreakCase c;
    c.line_number = number;
    if (hash != std::string::npos) c.comment = line.substr(hash + 1);
    bool malformed = false;
    bool expect_mark = true;
    for (std::string token; tokens >> token; expect_mark = !expect_mark) {
      if (expect_mark) {
        if (token != kBreak && token != kNoBreak) malformed = true;
        if (!c.code_points.empty() && !malformed) c.break_after.push_back(token == kBreak);
      } else {
        c.code_points.push_back(static_cast<char32_t>(std::stoul(token, nullptr, 16)));
      }
    }
    if (c.code_points.empty()) continue;
    if (malformed || c.break_after.size() != c.code_points.size()) {
      ADD_FAILURE() << path << ":" << number << ": cannot read '" << body << "'";
      continue;
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// Rules LB4 and LB5: a hard break follows BK, NL, LF, and CR when no LF follows it.
bool hard_break_after(const std::vector<char32_t>& code_points, std::size_t i) {
  const auto line_break_class = [](char32_t cp) {
    return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_LINE_BREAK);
  };
  switch (line_break_class(code_points[i])) {
    case U_LB_MANDATORY_BREAK:
    case U_LB_NEXT_LINE:
    case U_LB_LINE_FEED:
      return true;
    case U_LB_CARRIAGE_RETURN:
      return i + 1 == code_points.size() || line_break_class(code_points[i + 1]) != U_LB_LINE_FEED;
    default:
      return false;
  }
}

std::string offsets_text(const std::vector<std::size_t>& offsets) {
  std::string out;
  for (std::size_t offset : offsets)
    out += (out.empty() ? "" : " ") + std::to_string(offset);
  return out;
}

TEST(LineBreakConformance, EveryCaseOfLineBreakTest) {
  const std::vector<LineBreakCase> cases = read_cases(kLineBreakTest);
  ASSERT_GT(cases.size(), 7000u) << kLineBreakTest
                                 << " is missing or truncated (Debian package unicode-data)";
  constexpr int kShownFailures = 8;
  std::size_t passed = 0, wrong_mandatory = 0;
  int shown = 0;
  for (const LineBreakCase& c : cases) {
    std::string text;
    std::vector<std::size_t> expected;
    std::vector<std::size_t> expected_hard;  // offsets of hard breaks before the text's end
    for (std::size_t i = 0; i < c.code_points.size(); ++i) {
      utf8::append(text, c.code_points[i]);
      if (c.break_after[i]) expected.push_back(text.size());
      if (c.break_after[i] && i + 1 < c.code_points.size() && hard_break_after(c.code_points, i)) {
        expected_hard.push_back(text.size());
      }
    }
    const std::vector<BreakOpportunity> found = line_break_opportunities(text, "en");
    std::vector<std::size_t> offsets, hard;
    for (const BreakOpportunity& opportunity : found) {
      offsets.push_back(opportunity.offset);
      if (opportunity.mandatory && opportunity.offset != text.size()) {
        hard.push_back(opportunity.offset);
      }
    }
    const bool offsets_ok = offsets == expected;
    const bool hard_ok = hard == expected_hard;
    if (offsets_ok && !hard_ok) ++wrong_mandatory;
    if (offsets_ok && hard_ok) {
      ++passed;
    } else if (shown++ < kShownFailures) {
      std::printf(
          "FAIL LineBreakTest.txt:%d  %s\n  expected offsets %s (hard: %s)\n"
          "  got      offsets %s (hard: %s)\n  file says:%s\n",
          c.line_number, text.c_str(), offsets_text(expected).c_str(),
          offsets_text(expected_hard).c_str(), offsets_text(offsets).c_str(),
          offsets_text(hard).c_str(), c.comment.c_str());
    }
  }
  std::printf("LineBreakTest: %zu / %zu passed (%.2f%%); %zu failed only on 'mandatory'\n", passed,
              cases.size(), 100.0 * static_cast<double>(passed) / static_cast<double>(cases.size()),
              wrong_mandatory);
  EXPECT_GE(static_cast<double>(passed), 0.99 * static_cast<double>(cases.size()));
}

// A kiosk line in Urdu: opportunities fall after each space (LB18) and nowhere else: not inside
// "10:30" (LB13 × IS, LB25 IS × NU), not between a digit and the percent sign (LB25 NU × PO), not
// after the damma (LB9: a combining mark joins its base) nor before the Urdu full stop U+06D4,
// which is EX (LB13 × EX).
TEST(LineBreakConformance, KioskUrduLine) {
  const std::string first = "اجلاس ";  // "session " — break after the space
  const std::string second = "10:30 ";
  const std::string third = "85% ";
  const std::string fourth = "پُر۔";
  const std::string text = first + second + third + fourth;
  const std::vector<BreakOpportunity> found = line_break_opportunities(text, "ur");
  std::vector<std::size_t> offsets;
  for (const BreakOpportunity& opportunity : found) {
    offsets.push_back(opportunity.offset);
    EXPECT_FALSE(opportunity.mandatory) << "at " << opportunity.offset;
  }
  const std::size_t a = first.size(), b = a + second.size(), c = b + third.size();
  EXPECT_EQ(offsets, (std::vector<std::size_t>{a, b, c, text.size()}));
}

TEST(LineBreakConformance, NewlineIsMandatory) {
  const std::string text = "ہال A\nکمرہ 2";
  const std::vector<BreakOpportunity> found = line_break_opportunities(text, "ur");
  const std::size_t after_newline = text.find('\n') + 1;
  bool seen = false;
  for (const BreakOpportunity& opportunity : found) {
    if (opportunity.offset == after_newline) {
      seen = true;
      EXPECT_TRUE(opportunity.mandatory);
    } else if (opportunity.offset != text.size()) {
      EXPECT_FALSE(opportunity.mandatory) << "at " << opportunity.offset;
    }
  }
  EXPECT_TRUE(seen);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back().offset, text.size());
}

}  // namespace
}  // namespace ijlas::text
