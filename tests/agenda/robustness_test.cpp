// No input may crash, hang or come back without a place: every loader is fed empty files,
// truncated real files, random bytes and absurdly deep nesting, and must answer with a result
// whose errors all name a line and a column.
#include <gtest/gtest.h>

#include <random>

#include "agenda_test_support.hpp"

#include "core/read_file.hpp"

namespace ijlas::agenda {
namespace {

struct FormatSample {
  AgendaFormat format;
  std::string seed;  // a valid file of that format
};

std::vector<FormatSample> samples() {
  return {
      {AgendaFormat::kFrabXml, read_file(testing::shared_schedule("31c3-schedule.xml")).bytes},
      {AgendaFormat::kFrabJson,
       read_file(testing::shared_schedule("c3voc-example-pretalx-democon.json")).bytes},
      {AgendaFormat::kICal, read_file(testing::shared_schedule("pyconuk2015-schedule.ics")).bytes},
      {AgendaFormat::kNative, read_file(testing::default_agenda_path()).bytes},
      {AgendaFormat::kCsv,
       "date,start,end,room,title_ur,title_en,speakers\n"
       "2025-11-26,09:30,10:30,Hall,افتتاحی اجلاس,\"Opening, first\",\"A; B\"\n"
       "2025-11-26,10:30,11:00,Hall,وقفہ,Break,\n"},
  };
}

// Loads and checks the answer is well-formed; returns whether it loaded.
bool expect_clean_answer(const std::string& bytes, AgendaFormat format, const std::string& what) {
  const LoadResult result = load_agenda_bytes("input", bytes, format);
  if (result.ok()) {
    EXPECT_NE(result.agenda, nullptr) << what;
    EXPECT_EQ(result.diagnostics.error_count(), 0) << what;
    return true;
  }
  EXPECT_EQ(result.agenda, nullptr) << what;
  EXPECT_GT(result.diagnostics.error_count(), 0) << what;
  for (const Diagnostic& diagnostic : result.diagnostics.items()) {
    if (diagnostic.severity != Severity::kError) continue;
    EXPECT_GE(diagnostic.position.line, 1) << what << ": " << format_diagnostic(diagnostic);
    EXPECT_GE(diagnostic.position.column, 1) << what << ": " << format_diagnostic(diagnostic);
  }
  return false;
}

TEST(AgendaRobustness, EmptyInputIsAnErrorForEveryFormat) {
  for (const FormatSample& sample : samples()) {
    EXPECT_FALSE(expect_clean_answer("", sample.format, "empty")) << format_name(sample.format);
  }
  const LoadResult detected = load_agenda_bytes("empty.json", "");
  EXPECT_EQ(testing::messages(detected), "empty.json:1:1: error: the file is empty\n");
}

TEST(AgendaRobustness, TruncatedFilesFailCleanly) {
  for (const FormatSample& sample : samples()) {
    ASSERT_FALSE(sample.seed.empty()) << format_name(sample.format);
    ASSERT_TRUE(expect_clean_answer(sample.seed, sample.format, "whole seed"))
        << format_name(sample.format);
    const std::size_t steps = 60;
    int failures = 0;
    for (std::size_t step = 1; step < steps; ++step) {
      const std::size_t length = sample.seed.size() * step / steps;
      const std::string what =
          std::string(format_name(sample.format)) + " cut at " + std::to_string(length);
      failures += !expect_clean_answer(sample.seed.substr(0, length), sample.format, what);
    }
    // Cutting a structured file must at least sometimes be noticed.
    if (sample.format != AgendaFormat::kCsv) {
      EXPECT_GT(failures, 0) << format_name(sample.format);
    }
  }
}

TEST(AgendaRobustness, RandomBytesFailCleanly) {
  std::mt19937 random(20251126);
  std::uniform_int_distribution<int> byte(0, 255);
  for (const FormatSample& sample : samples()) {
    for (int round = 0; round < 40; ++round) {
      std::string bytes(static_cast<std::size_t>(1 + round * 97), '\0');
      for (char& c : bytes)
        c = static_cast<char>(byte(random));
      expect_clean_answer(
          bytes, sample.format,
          std::string(format_name(sample.format)) + " random " + std::to_string(round));
    }
    // A real file with bytes flipped here and there.
    for (int round = 0; round < 20; ++round) {
      std::string bytes = sample.seed.substr(0, 20000);
      for (int flip = 0; flip < 8; ++flip) {
        bytes[random() % bytes.size()] = static_cast<char>(byte(random));
      }
      expect_clean_answer(
          bytes, sample.format,
          std::string(format_name(sample.format)) + " flipped " + std::to_string(round));
    }
  }
}

TEST(AgendaRobustness, DeepNestingIsRefusedWithAPosition) {
  const int depth = 100000;
  std::string json;
  for (int i = 0; i < depth; ++i)
    json += "{\"a\":";
  EXPECT_FALSE(expect_clean_answer(json, AgendaFormat::kNative, "deep native json"));
  EXPECT_FALSE(
      expect_clean_answer("{\"schedule\":" + json, AgendaFormat::kFrabJson, "deep frab json"));
  std::string xml = "<schedule><day date=\"2025-11-26\"><room name=\"a\"><event id=\"1\">";
  for (int i = 0; i < depth; ++i)
    xml += "<a>";
  EXPECT_FALSE(expect_clean_answer(xml, AgendaFormat::kFrabXml, "deep xml"));
  std::string ical = "BEGIN:VCALENDAR\r\n";
  for (int i = 0; i < depth; ++i)
    ical += "BEGIN:X\r\n";
  EXPECT_FALSE(expect_clean_answer(ical, AgendaFormat::kICal, "deep ical"));
  const std::string csv = "date,start,end,room,title\n" + std::string(depth, ',') + "\n";
  EXPECT_FALSE(expect_clean_answer(csv, AgendaFormat::kCsv, "wide csv"));
  const std::string quotes = "date,start,end,room,title\n\"" + std::string(depth, '"');
  expect_clean_answer(quotes, AgendaFormat::kCsv, "quotes csv");
}

TEST(AgendaRobustness, InputsOverTheSizeLimitAreRefusedUnread) {
  const std::string huge(kMaxAgendaFileBytes + 1, ' ');
  const LoadResult result = load_agenda_bytes("huge.json", huge);
  EXPECT_EQ(result.status, LoadStatus::kUnreadable);
  EXPECT_NE(testing::messages(result).find("larger than 64 MiB"), std::string::npos);
}

TEST(AgendaRobustness, UnrecognizedContentIsAnError) {
  const LoadResult result = load_agenda_bytes("notes.txt", "Just some notes\nabout the day\n");
  EXPECT_EQ(result.status, LoadStatus::kInvalid);
  EXPECT_EQ(testing::messages(result).rfind("notes.txt:1:1: error: this is not an agenda", 0), 0u);
}

}  // namespace
}  // namespace ijlas::agenda
