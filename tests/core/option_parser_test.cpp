#include "core/option_parser.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace ijlas {
namespace {

struct Seen {
  std::string file;
  bool json = false;
  std::vector<std::string> operands;
};

OptionTable table_for(Seen& seen) {
  OptionTable table;
  table.options = {
      flag_option({"--json", "-j"}, seen.json),
      text_option("--file", "--file needs a file", seen.file),
  };
  return table;
}

OptionParse parse(const OptionTable& table, std::vector<std::string> words) {
  return parse_options(table, words);
}

TEST(OptionParser, AFlagAndAValueAreTakenInAnyOrder) {
  Seen seen;
  const OptionParse result = parse(table_for(seen), {"-j", "--file", "a.json"});
  EXPECT_EQ(result.error, "");
  EXPECT_TRUE(seen.json);
  EXPECT_EQ(seen.file, "a.json");
  EXPECT_EQ(result.given, (std::vector<std::string>{"-j", "--file"}));

  Seen reversed;
  EXPECT_EQ(parse(table_for(reversed), {"--file", "a.json", "--json"}).error, "");
  EXPECT_TRUE(reversed.json);
  EXPECT_EQ(reversed.file, "a.json");
}

TEST(OptionParser, AnUnknownWordIsAnUnknownOptionUnlessTheTableTakesOthers) {
  Seen seen;
  OptionTable table = table_for(seen);
  EXPECT_EQ(parse(table, {"--jsn"}).error, "unknown option " + quoted("--jsn"));
  EXPECT_EQ(parse(table, {"a.json"}).error, "unknown option " + quoted("a.json"));
  table.other = [&](const std::string& word) {
    seen.operands.push_back(word);
    return std::string();
  };
  EXPECT_EQ(parse(table, {"a.json", "--json", "b.json"}).error, "");
  EXPECT_EQ(seen.operands, (std::vector<std::string>{"a.json", "b.json"}));
}

TEST(OptionParser, AMissingValueIsSaidOrLeftToTheAction) {
  Seen seen;
  OptionTable table = table_for(seen);
  EXPECT_EQ(parse(table, {"--file"}).error, "--file needs a file");
  table.options[1].missing.clear();
  table.options[1].action = [](const std::string& value) { return "got " + quoted(value); };
  EXPECT_EQ(parse(table, {"--file"}).error, "got " + quoted(""));
}

TEST(OptionParser, AWordWithTwoDashesIsAValueOnlyWhereTheTableSaysSo) {
  Seen seen;
  OptionTable table = table_for(seen);
  EXPECT_EQ(parse(table, {"--file", "--json"}).error, "");
  EXPECT_EQ(seen.file, "--json");
  EXPECT_FALSE(seen.json);
  table.values_may_start_with_dashes = false;
  EXPECT_EQ(parse(table, {"--file", "--json"}).error, "--file needs a file");
}

TEST(OptionParser, TheFirstProblemStopsTheReading) {
  Seen seen;
  EXPECT_EQ(parse(table_for(seen), {"--nope", "--json"}).error,
            "unknown option " + quoted("--nope"));
  EXPECT_FALSE(seen.json);
  OptionTable failing = table_for(seen);
  failing.options[0].action = [](const std::string&) { return std::string("no json today"); };
  EXPECT_EQ(parse(failing, {"--json", "--file", "x"}).error, "no json today");
  EXPECT_EQ(seen.file, "");
}

}  // namespace
}  // namespace ijlas
