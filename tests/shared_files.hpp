// The project's shared/ folder (real schedules, the press release), read by some tests. When it is
// missing, each test that needs it fails with one line saying so, not deep inside on empty input.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace ijlas {

// ${IJLAS_SHARED_DIR}/relative, for example shared_file("schedules/31c3-schedule.xml").
inline std::string shared_file(std::string_view relative) {
  const std::filesystem::path folder(IJLAS_SHARED_DIR);
  const std::filesystem::path path = folder / relative;
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    ADD_FAILURE() << "the shared folder " << folder.string()
                  << " is missing: put the project's shared/ beside the source tree (../shared) "
                     "or configure with -DIJLAS_SHARED_DIR=FOLDER";
  } else if (!std::filesystem::exists(path, error)) {
    ADD_FAILURE() << "the shared folder has no " << relative << " (IJLAS_SHARED_DIR is "
                  << folder.string() << ")";
  }
  return path.string();
}

}  // namespace ijlas
