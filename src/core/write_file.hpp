// A whole file written so that a reader (another process, a USB stick's report) and a power cut
// see either the old file or the new one, never a part: every writer of state and status uses it.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace ijlas {

// The steps of a write, in order; a test's hook may throw after any of them, as a power cut would.
enum class WriteStep {
  kTemporaryOpened,
  kHalfWritten,
  kTemporaryWritten,
  kTemporarySynced,
  kRenamed,
  kFolderSynced,
};

// Where the bytes wait before the rename: ".NAME.new" beside NAME, a name that the watched folders
// ignore (they skip dot files).
std::filesystem::path temporary_path_of(const std::filesystem::path& path);

// Writes `bytes` to the temporary, flushes it to the disk, renames it over `path` and flushes the
// folder. Returns an empty string when written, else what failed ("cannot write /s/.a.new: No
// space left on device"); the temporary is then already removed and the old file untouched.
std::string write_whole_file(const std::filesystem::path& path, std::string_view bytes,
                             const std::function<void(WriteStep)>& after_step = {});

}  // namespace ijlas
