// The tests that read ../shared stop with one line that says what is missing and what to do.
#include "shared_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "temporary_folder.hpp"

namespace ijlas {
namespace {

std::string missing_message(std::string_view relative, const std::filesystem::path& folder) {
  try {
    shared_file(relative, folder);
  } catch (const MissingSharedFile& missing) {
    return missing.what();
  }
  return "";
}

TEST(SharedFiles, AMissingFolderSaysWhereToPutItInOneLine) {
  const TemporaryFolder root("shared-files");
  const std::string message = missing_message("schedules/31c3-schedule.xml", root / "shared");
  EXPECT_EQ(message, "the shared folder " + (root / "shared").string() +
                         " is missing: put the project's shared/ beside the source tree "
                         "(../shared) or configure with -DIJLAS_SHARED_DIR=FOLDER");
}

TEST(SharedFiles, AMissingFileInThereIsNamed) {
  const TemporaryFolder shared("shared-files");
  EXPECT_EQ(missing_message("schedules/31c3-schedule.xml", shared),
            "the shared folder has no schedules/31c3-schedule.xml (IJLAS_SHARED_DIR is " +
                shared.path().string() + ")");
}

TEST(SharedFiles, AFileThatIsThereIsGivenByItsPath) {
  const TemporaryFolder shared("shared-files");
  std::filesystem::create_directories(shared / "conference");
  std::ofstream(shared / "conference/press-release-ur.txt") << "اجلاس\n";
  EXPECT_EQ(shared_file("conference/press-release-ur.txt", shared),
            (shared / "conference/press-release-ur.txt").string());
}

}  // namespace
}  // namespace ijlas
