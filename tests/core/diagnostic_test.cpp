#include "core/diagnostic.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ijlas {
namespace {

TEST(Diagnostic, FormatsFileLineColumnAndSeverity) {
  const Diagnostic d{Severity::kError,
                     {"agenda.json", 14, 22},
                     "session \"opening\" ends (10:00) before it starts (10:30)"};
  EXPECT_EQ(format_diagnostic(d),
            "agenda.json:14:22: error: session \"opening\" ends (10:00) before it starts (10:30)");
}

TEST(Diagnostic, LeavesOutUnknownLineAndColumn) {
  EXPECT_EQ(format_diagnostic({Severity::kWarning, {"a.csv", 0, 0}, "empty"}),
            "a.csv: warning: empty");
  EXPECT_EQ(format_diagnostic({Severity::kError, {"a.csv", 3, 0}, "bad"}), "a.csv:3: error: bad");
}

// A large agenda's draft holds thousands of positions in one file: they share its name.
TEST(SourcePosition, PositionsInOneFileShareItsNameRatherThanCopyingIt) {
  const SourceName file("/var/lib/ijlas/inbox/a-long-organizer-file-name.xlsx", "Programme");
  const SourcePosition first{file, 3, 2};
  const SourcePosition copied = first;
  const SourcePosition other{file, 9, 1};
  EXPECT_EQ(&copied.file(), &first.file());
  EXPECT_EQ(&other.file(), &first.file());
  EXPECT_EQ(other.file(), "/var/lib/ijlas/inbox/a-long-organizer-file-name.xlsx");
  EXPECT_EQ(other.sheet(), "Programme");
  EXPECT_EQ(format_diagnostic({Severity::kError, other, "bad"}),
            "/var/lib/ijlas/inbox/a-long-organizer-file-name.xlsx:9:1: error: Programme!A9: bad");
  EXPECT_EQ(SourcePosition().file(), "");
}

TEST(Diagnostic, QuotesTheOffendingTextInsideABidiIsolate) {
  EXPECT_EQ(quoted("9.30"), "\"\u20689.30\u2069\"");
  EXPECT_EQ(quoted("اجلاس"), "\"\u2068اجلاس\u2069\"");
  EXPECT_EQ(quoted(""), "\"\u2068\u2069\"");
}

TEST(Diagnostic, QuotedTextLosesEveryBidiControlSoItCannotReorderTheMessage) {
  // "Keynote <RLO>LLAH NIAM<PDF>" would read "Keynote MAIN HALL" on screen.
  EXPECT_EQ(quoted("Keynote \u202eLLAH NIAM\u202c"), "\"\u2068Keynote LLAH NIAM\u2069\"");
  EXPECT_EQ(quoted("a\u202a\u202b\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061cb"),
            "\"\u2068ab\u2069\"");
}

TEST(Diagnostic, QuotedTextCannotStartALineOrHideBytes) {
  EXPECT_EQ(quoted(std::string("x.csv\nerror: ignore this\r\t\x1b[2J\0", 31)),
            "\"\u2068x.csv\ufffderror: ignore this\ufffd\ufffd\ufffd[2J\ufffd\u2069\"");
  EXPECT_EQ(quoted("a\x7f\u0085\u2028\u2029b"), "\"\u2068a\ufffd\ufffd\ufffd\ufffdb\u2069\"");
  EXPECT_EQ(quoted("bad \xC3\x28"), "\"\u2068bad \ufffd(\u2069\"");
}

TEST(DiagnosticList, CountsErrorsAndWarningsApart) {
  DiagnosticList list;
  EXPECT_FALSE(list.has_errors());
  list.warning({"f", 1, 1}, "w");
  EXPECT_FALSE(list.has_errors());
  list.error({"f", 2, 1}, "e");
  list.error({"f", 3, 1}, "e2");
  EXPECT_TRUE(list.has_errors());
  EXPECT_EQ(list.error_count(), 2);
  EXPECT_EQ(list.warning_count(), 1);
  ASSERT_EQ(list.items().size(), 3u);
  EXPECT_EQ(list.items()[0].position.line, 1);
}

TEST(DiagnosticList, KeepsTheFirstOnesAndForgetsWhatCameAfter) {
  DiagnosticList list;
  list.warning({"f", 1, 1}, "kept");
  list.error({"f", 2, 1}, "forgotten");
  list.warning({"f", 3, 1}, "forgotten too");
  list.keep_first(5);
  EXPECT_EQ(list.items().size(), 3u);
  list.keep_first(1);
  ASSERT_EQ(list.items().size(), 1u);
  EXPECT_EQ(list.items()[0].message, "kept");
  EXPECT_FALSE(list.has_errors());
  list.keep_first(0);
  EXPECT_TRUE(list.items().empty());
}

}  // namespace
}  // namespace ijlas
