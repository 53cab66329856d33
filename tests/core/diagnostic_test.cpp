#include "core/diagnostic.hpp"

#include <gtest/gtest.h>

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

TEST(Diagnostic, QuotesTheOffendingText) {
  EXPECT_EQ(quoted("9.30"), "\"9.30\"");
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

}  // namespace
}  // namespace ijlas
