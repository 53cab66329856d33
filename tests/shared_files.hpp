// The project's shared/ folder (real schedules, the press release), read by some tests. When it is
// missing, each test that needs it stops where it asks for the file, with one line saying what is
// missing and how to provide it, instead of failing deep inside on empty input.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ijlas {

// GoogleTest reports it as the test's one failure, its message in full, and the test goes no
// further.
struct MissingSharedFile : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// folder/relative, for example shared_file("schedules/31c3-schedule.xml"); MissingSharedFile
// when the folder or the file is not there.
inline std::string shared_file(std::string_view relative,
                               const std::filesystem::path& folder = IJLAS_SHARED_DIR) {
  const std::filesystem::path path = folder / relative;
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    throw MissingSharedFile("the shared folder " + folder.string() +
                            " is missing: put the project's shared/ beside the source tree "
                            "(../shared) or configure with -DIJLAS_SHARED_DIR=FOLDER");
  }
  if (!std::filesystem::exists(path, error)) {
    throw MissingSharedFile("the shared folder has no " + std::string(relative) +
                            " (IJLAS_SHARED_DIR is " + folder.string() + ")");
  }
  return path.string();
}

}  // namespace ijlas
