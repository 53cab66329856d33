// The last agenda the kiosk accepted, kept in the state folder as native JSON (agenda.json), so
// that a kiosk that starts with no source reachable shows it. Written so that a power cut at any
// moment leaves either the old or the new file, never a torn or empty one: the new text goes to
// a temporary file, which is flushed to the disk, renamed over the old one, and then the folder
// itself is flushed so that the rename survives.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "agenda/agenda.hpp"
#include "agenda/load_result.hpp"
#include "core/write_file.hpp"

namespace ijlas::live {

class LastGoodStore {
 public:
  explicit LastGoodStore(std::filesystem::path folder);

  const std::filesystem::path& folder() const { return folder_; }
  std::filesystem::path current_path() const { return folder_ / "agenda.json"; }

  // Writes `agenda` (making the folder again when it was deleted); false with the reason in
  // `error`: the old file is then still intact and the temporary one already removed.
  bool save(const agenda::Agenda& agenda, std::string& error);
  // The stored agenda, validated like any other file (kUnreadable when there is none). Leftover
  // temporary files of an interrupted save are removed.
  agenda::LoadResult load();
  // Removes the temporary file of an interrupted save (load() does it first).
  void remove_leftovers();

  // Runs after each step of a save; a test's hook throws to stop it there, as a power cut would.
  void set_step_hook(std::function<void(WriteStep)> hook) { hook_ = std::move(hook); }

 private:
  std::filesystem::path folder_;
  std::function<void(WriteStep)> hook_;
};

}  // namespace ijlas::live
