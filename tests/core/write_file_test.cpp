#include "core/write_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/read_file.hpp"
#include "temporary_folder.hpp"

namespace ijlas {
namespace {

namespace fs = std::filesystem;

class WholeFile : public ::testing::Test {
 protected:
  TemporaryFolder folder_{"write-file"};
};

TEST_F(WholeFile, ReplacesTheOldFileAndLeavesNoTemporary) {
  const fs::path path = folder_ / "status.txt";
  ASSERT_EQ(write_whole_file(path, "old\n"), "");
  ASSERT_EQ(write_whole_file(path, "new\n"), "");
  EXPECT_EQ(read_file(path).bytes, "new\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(folder_.path()), fs::directory_iterator()), 1);
}

TEST_F(WholeFile, AFailureNamesTheFileAndKeepsTheOldOne) {
  const fs::path path = folder_ / "agenda.json";
  ASSERT_EQ(write_whole_file(path, "old"), "");
  // A folder where the temporary belongs: it cannot be created, as on a full or broken disk.
  fs::create_directory(temporary_path_of(path));
  const std::string error = write_whole_file(path, "new");
  EXPECT_NE(error.find("cannot create " + temporary_path_of(path).string()), std::string::npos)
      << error;
  EXPECT_EQ(read_file(path).bytes, "old");
}

TEST_F(WholeFile, TheTemporaryIsADotFileBesideTheTarget) {
  // Watched folders (the inbox) skip dot files, so they never read a file half written.
  EXPECT_EQ(temporary_path_of(folder_ / "a.json"), folder_ / ".a.json.new");
}

}  // namespace
}  // namespace ijlas
