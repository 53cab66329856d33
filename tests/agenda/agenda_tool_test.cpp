// ijlas-agenda as organizers run it: exit codes, the --json contract, and convert.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "agenda_test_support.hpp"
#include "temporary_folder.hpp"

namespace ijlas::agenda {
namespace {

struct ToolRun {
  int exit_code = -1;
  std::string out;  // stdout only
};

ToolRun run_tool(const std::string& arguments) {
  const std::string command = std::string(IJLAS_AGENDA_TOOL) + " " + arguments + " 2>/dev/null";
  ToolRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  std::size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    run.out.append(buffer, read);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string quoted_path(const std::string& path) {
  return "'" + path + "'";
}

class AgendaTool : public ::testing::Test {
 protected:
  std::string write(const std::string& name, std::string_view text) {
    const std::string path = (directory_ / name).string();
    std::FILE* file = std::fopen(path.c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
    return path;
  }
  TemporaryFolder directory_{"agenda-tool"};
};

TEST_F(AgendaTool, InfoNamesTheConferenceToolsFormats) {
  const std::pair<const char*, const char*> files[] = {
      {"gab2022-sessionize-all.json", "\"format\": \"sessionize\""},
      {"xdc2021-indico-export.json", "\"format\": \"indico\""},
      {"sitcon2022-opass-session.json", "\"format\": \"opass\""},
  };
  for (const auto& [file, format] : files) {
    const ToolRun run = run_tool("info " + quoted_path(testing::shared_schedule(file)) + " --json");
    EXPECT_EQ(run.exit_code, 0) << file;
    EXPECT_NE(run.out.find(format), std::string::npos) << run.out;
  }
}

TEST_F(AgendaTool, CheckExitsZeroOneOrTwo) {
  EXPECT_EQ(run_tool("check " + quoted_path(testing::default_agenda_path())).exit_code, 0);
  const std::string broken = write("broken.json", "{\"conference\": 3}");
  EXPECT_EQ(run_tool("check " + quoted_path(broken)).exit_code, 1);
  EXPECT_EQ(run_tool("check " + quoted_path((directory_ / "missing.json").string())).exit_code, 2);
  EXPECT_EQ(run_tool("check").exit_code, 2);
}

TEST_F(AgendaTool, InfoJsonIsExactlyOneObject) {
  EXPECT_EQ(run_tool("info " + quoted_path(testing::shared_schedule("fosdem-2025-schedule.xml")) +
                     " --json")
                .out,
            "{\"format\": \"frab-xml\", \"time_zone\": \"Europe/Brussels\", \"days\": 2, "
            "\"rooms\": 35, \"sessions\": 1105, \"speakers\": 1193, \"events_in_file\": 1105, "
            "\"events_kept\": 1105}\n");
  EXPECT_EQ(run_tool("info " + quoted_path(testing::default_agenda_path()) + " --json").out,
            "{\"format\": \"native\", \"time_zone\": \"Asia/Karachi\", \"days\": 2, "
            "\"rooms\": 3, \"sessions\": 17, \"speakers\": 6, \"events_in_file\": 17, "
            "\"events_kept\": 17}\n");
  EXPECT_EQ(run_tool("info " + quoted_path(testing::shared_schedule("pyconuk2015-schedule.ics")) +
                     " --json")
                .out,
            "{\"format\": \"ical\", \"time_zone\": \"UTC\", \"days\": 4, \"rooms\": 11, "
            "\"sessions\": 162, \"speakers\": 0, \"events_in_file\": 162, \"events_kept\": 162}\n");
}

TEST_F(AgendaTool, InfoTakesJsonBeforeOrAfterTheFile) {
  const std::string file = quoted_path(testing::default_agenda_path());
  const ToolRun before = run_tool("info --json " + file);
  const ToolRun after = run_tool("info " + file + " --json");
  EXPECT_EQ(before.exit_code, 0);
  EXPECT_EQ(before.out, after.out);
  EXPECT_TRUE(before.out.starts_with("{\"format\": \"native\"")) << before.out;
  EXPECT_EQ(run_tool("info --json").exit_code, 2);
  EXPECT_EQ(run_tool("info " + file + " --json " + file).exit_code, 2);
}

TEST_F(AgendaTool, ConvertWritesTheNativeFormat) {
  const std::string out = (directory_ / "camp.json").string();
  const ToolRun run = run_tool(
      "convert " + quoted_path(testing::shared_schedule("c3voc-example-frab-camp2019.json")) +
      " --to json -o " + quoted_path(out));
  EXPECT_EQ(run.exit_code, 0);
  const LoadResult converted = load_agenda_file(out);
  ASSERT_TRUE(converted.ok()) << testing::messages(converted);
  EXPECT_EQ(converted.format, AgendaFormat::kNative);
  EXPECT_EQ(converted.agenda->sessions().size(), 79u);
  EXPECT_EQ(run_tool("convert " + quoted_path(out) + " --to xml").exit_code, 2);
}

TEST_F(AgendaTool, TimeZoneReadsFloatingTimesInTheVenuesZoneForEveryCommand) {
  const std::string csv = (directory_ / "floating.csv").string();
  {
    std::ofstream file(csv);
    file << "date,start,end,room,title\n2025-11-26,09:30,10:00,Hall A,Opening\n";
  }
  const std::string out = (directory_ / "floating.json").string();
  EXPECT_EQ(run_tool("convert " + quoted_path(csv) + " --time-zone Asia/Karachi --to json -o " +
                     quoted_path(out))
                .exit_code,
            0);
  const LoadResult converted = load_agenda_file(out);
  ASSERT_TRUE(converted.ok()) << testing::messages(converted);
  EXPECT_EQ(converted.agenda->conference().time_zone, "Asia/Karachi");
  EXPECT_EQ(converted.agenda->sessions()[0].start.utc_seconds,
            testing::utc("2025-11-26T09:30:00+05:00"));

  EXPECT_NE(run_tool("info --time-zone Asia/Karachi " + quoted_path(csv) + " --json")
                .out.find("\"time_zone\": \"Asia/Karachi\""),
            std::string::npos);
  EXPECT_NE(run_tool("info " + quoted_path(csv) + " --json").out.find("\"time_zone\": \"UTC\""),
            std::string::npos);
  EXPECT_EQ(run_tool("check " + quoted_path(csv) + " --time-zone Asia/Karachi").exit_code, 0);
  EXPECT_EQ(run_tool("check " + quoted_path(csv) + " --time-zone Asia/Lahore").exit_code, 2);
  EXPECT_EQ(run_tool("check " + quoted_path(csv) + " --time-zone").exit_code, 2);
}

}  // namespace
}  // namespace ijlas::agenda
