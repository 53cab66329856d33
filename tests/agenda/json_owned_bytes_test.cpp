// load_agenda_taking_bytes, which frees a JSON agenda's bytes once its tree is built, reads every
// file exactly as load_agenda_bytes does: the same agenda, the same diagnostics at the same places.
#include <gtest/gtest.h>

#include "agenda/native_json_writer.hpp"
#include "agenda_test_support.hpp"
#include "core/read_file.hpp"

namespace ijlas::agenda {
namespace {

void expect_same_load(const std::string& name, const std::string& bytes) {
  const LoadResult viewed = load_agenda_bytes(name, bytes);
  const LoadResult taken = load_agenda_taking_bytes(name, std::string(bytes));
  EXPECT_EQ(taken.status, viewed.status) << name;
  EXPECT_EQ(taken.format, viewed.format) << name;
  EXPECT_EQ(testing::messages(taken), testing::messages(viewed)) << name;
  ASSERT_EQ(taken.ok(), viewed.ok()) << name;
  if (viewed.ok()) {
    EXPECT_EQ(write_native_json(*taken.agenda), write_native_json(*viewed.agenda)) << name;
  }
}

TEST(AgendaJsonOwnedBytes, TakingTheBytesReadsEveryFormatAsViewingThemDoes) {
  for (const char* file :
       {"c3voc-example-frab-camp2019.json", "c3voc-example-pretalx-democon.json",
        "gab2022-sessionize-all.json", "xdc2021-indico-export.json",
        "sitcon2022-opass-session.json", "31c3-schedule.xml", "pyconuk2015-schedule.ics"}) {
    const FileBytes read = read_file(testing::shared_schedule(file), kMaxAgendaFileBytes);
    ASSERT_EQ(read.status, FileRead::kRead) << file;
    expect_same_load(file, read.bytes);
  }
  const FileBytes native = read_file(testing::default_agenda_path(), kMaxAgendaFileBytes);
  ASSERT_EQ(native.status, FileRead::kRead);
  expect_same_load("islamabad-2025.json", native.bytes);
}

TEST(AgendaJsonOwnedBytes, TakingTheBytesReportsTheSameErrorsAtTheSamePlaces) {
  expect_same_load("broken.json", "{\"schedule\": {\"conference\": {\"days\": [}}}");
  expect_same_load("wrong.json", "{\"ijlas_agenda\": 1, \"conference\": {\"time_zone\": 5}}");
  expect_same_load("empty.json", "");
  expect_same_load("notes.txt", "Just some notes\n");
}

}  // namespace
}  // namespace ijlas::agenda
