#include "core/bundled_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "temporary_folder.hpp"

namespace ijlas {
namespace {

class BundledFiles : public ::testing::Test {
 protected:
  void SetUp() override { std::filesystem::create_directories(prefix_ / "bin"); }
  TemporaryFolder prefix_{"bundled-files"};
};

TEST_F(BundledFiles, AnInstalledProgramReadsTheShareFolderOfItsPrefix) {
  std::filesystem::create_directories(prefix_ / "share/ijlas/fonts");
  EXPECT_EQ(installed_dir(prefix_ / "bin/ijlas", "fonts"), prefix_ / "share/ijlas/fonts");
  EXPECT_EQ(installed_dir(prefix_ / "bin/ijlas", "assets"), std::filesystem::path());
}

TEST_F(BundledFiles, AProgramInTheBuildTreeHasNoInstalledFolder) {
  EXPECT_EQ(installed_dir(prefix_ / "build/release/src/app/ijlas", "fonts"),
            std::filesystem::path());
}

TEST_F(BundledFiles, TheEnvironmentVariableWinsThenTheBuildTree) {
  ::setenv("IJLAS_BUNDLED_FILES_TEST_DIR", "/somewhere/fonts", 1);
  EXPECT_EQ(bundled_dir("IJLAS_BUNDLED_FILES_TEST_DIR", "fonts", "/build/fonts"),
            std::filesystem::path("/somewhere/fonts"));
  ::unsetenv("IJLAS_BUNDLED_FILES_TEST_DIR");
  // This test program lives in the build tree, where there is no share/ijlas beside bin/.
  EXPECT_EQ(bundled_dir("IJLAS_BUNDLED_FILES_TEST_DIR", "fonts", "/build/fonts"),
            std::filesystem::path("/build/fonts"));
}

}  // namespace
}  // namespace ijlas
