// The last good agenda survives a power cut at any step of its saving: the writer is stopped
// after each step (as a cut would stop it), the kiosk "restarts", and what it loads is the old
// agenda or the new one, whole, never a torn or empty file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "agenda/native_agenda.hpp"
#include "agenda/native_json_writer.hpp"
#include "live/last_good_store.hpp"
#include "live_test_support.hpp"
#include "temporary_folder.hpp"

namespace ijlas::live {
namespace {

namespace fs = std::filesystem;

struct PowerCut {
  WriteStep step;
};

agenda::Agenda agenda_titled(const std::string& title, int sessions) {
  using namespace testing;
  agenda::AgendaData data =
      conference({day(1, "2025-11-26", "2025-11-26T00:00+05:00", "2025-11-27T00:00+05:00")});
  data.conference.title.en = title;
  for (int i = 0; i < sessions; ++i) {
    agenda::Session s = session("s" + std::to_string(i), i % 2 ? "a" : "b",
                                "2025-11-26T09:00+05:00", "2025-11-26T10:00+05:00");
    s.title.ur = "اجلاس " + std::to_string(i);
    data.sessions.push_back(s);
  }
  // As the store gives it back: through native JSON once (days filled in, times normalized).
  const agenda::LoadResult loaded = agenda::load_native_agenda(
      "test", agenda::write_native_json(agenda::Agenda(std::move(data))));
  EXPECT_TRUE(loaded.ok());
  return *loaded.agenda;
}

TEST(LastGoodStore, KeepsTheAgendaItWasGivenAsNativeJson) {
  const TemporaryFolder dir("store-round-trip");
  LastGoodStore store(dir);
  EXPECT_EQ(store.load().status, agenda::LoadStatus::kUnreadable);  // nothing stored yet
  const agenda::Agenda agenda = agenda_titled("First", 3);
  std::string error;
  ASSERT_TRUE(store.save(agenda, error)) << error;
  const agenda::LoadResult loaded = LastGoodStore(dir).load();
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(*loaded.agenda, agenda);
  EXPECT_EQ(loaded.format, agenda::AgendaFormat::kNative);
  EXPECT_EQ(std::vector<fs::path>(fs::directory_iterator(dir), {}),
            std::vector<fs::path>{dir / "agenda.json"});
}

TEST(LastGoodStore, APowerCutAtAnyStepLeavesTheOldOrTheNewAgendaWhole) {
  const agenda::Agenda old_agenda = agenda_titled("Old", 40);
  const agenda::Agenda new_agenda = agenda_titled("New", 60);
  for (int cut = 0; cut <= static_cast<int>(WriteStep::kFolderSynced); ++cut) {
    for (const bool had_old : {true, false}) {
      SCOPED_TRACE("cut after step " + std::to_string(cut) + (had_old ? ", over an old one" : ""));
      const TemporaryFolder dir("store-cut");
      std::string error;
      if (had_old) {
        ASSERT_TRUE(LastGoodStore(dir).save(old_agenda, error)) << error;
      }
      {
        LastGoodStore writer(dir);
        writer.set_step_hook([cut](WriteStep step) {
          if (static_cast<int>(step) == cut) throw PowerCut{step};
        });
        EXPECT_THROW(writer.save(new_agenda, error), PowerCut);
      }
      // The restart: a new store over whatever the cut left behind.
      LastGoodStore restarted(dir);
      const agenda::LoadResult loaded = restarted.load();
      if (loaded.status == agenda::LoadStatus::kUnreadable) {
        EXPECT_FALSE(had_old) << "the old agenda was lost";
        EXPECT_LT(cut, static_cast<int>(WriteStep::kRenamed)) << "the new agenda was lost";
      } else {
        ASSERT_TRUE(loaded.ok()) << "a torn agenda: "
                                 << format_diagnostic(loaded.diagnostics.items().front());
        const bool is_old = *loaded.agenda == old_agenda, is_new = *loaded.agenda == new_agenda;
        EXPECT_TRUE(is_old || is_new);
        EXPECT_EQ(is_new, cut >= static_cast<int>(WriteStep::kRenamed));
      }
      EXPECT_FALSE(fs::exists(temporary_path_of(dir / "agenda.json")))
          << "the leftover was not cleared";
      // And the next save after the restart works.
      ASSERT_TRUE(restarted.save(new_agenda, error)) << error;
      EXPECT_EQ(*LastGoodStore(dir).load().agenda, new_agenda);
    }
  }
}

TEST(LastGoodStore, AFolderThatCannotBeMadeIsAnError) {
  const TemporaryFolder root("store-missing");
  const fs::path dir = root / "a-file" / "not-there";
  std::ofstream(dir.parent_path()) << "not a folder";
  LastGoodStore store(dir);
  std::string error;
  EXPECT_FALSE(store.save(agenda_titled("X", 1), error));
  EXPECT_NE(error.find("cannot create"), std::string::npos) << error;
}

TEST(LastGoodStore, AFolderDeletedWhileRunningIsMadeAgainOnTheNextSave) {
  const TemporaryFolder root("store-deleted");
  const fs::path dir = root / "state";
  LastGoodStore store(dir);
  std::string error;
  ASSERT_TRUE(store.save(agenda_titled("First", 1), error)) << error;
  fs::remove_all(dir);
  ASSERT_TRUE(store.save(agenda_titled("Second", 2), error)) << error;
  EXPECT_EQ(store.load().agenda->conference().title.en, "Second");
}

}  // namespace
}  // namespace ijlas::live
