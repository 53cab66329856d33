// A throw-away folder that plays /sys and /dev for the board tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "temporary_folder.hpp"

namespace ijlas::platform {

class FakeRoot {
 public:
  const std::filesystem::path& path() const { return folder_.path(); }
  std::filesystem::path sys() const { return folder_ / "sys"; }
  std::filesystem::path dev() const { return folder_ / "dev"; }

  void write(const std::filesystem::path& relative, const std::string& text) const {
    std::filesystem::create_directories((folder_ / relative).parent_path());
    std::ofstream(folder_ / relative) << text;
  }
  void folder(const std::filesystem::path& relative) const {
    std::filesystem::create_directories(folder_ / relative);
  }
  void link(const std::filesystem::path& relative, const std::filesystem::path& target) const {
    std::filesystem::create_directories((folder_ / relative).parent_path());
    std::filesystem::create_symlink(target, folder_ / relative);
  }

 private:
  TemporaryFolder folder_{"board"};
};

}  // namespace ijlas::platform
