// A throw-away folder that plays /sys and /dev for the board tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace ijlas::platform {

class FakeRoot {
 public:
  FakeRoot() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ijlas-board-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~FakeRoot() { std::filesystem::remove_all(path_); }
  FakeRoot(const FakeRoot&) = delete;
  FakeRoot& operator=(const FakeRoot&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path sys() const { return path_ / "sys"; }
  std::filesystem::path dev() const { return path_ / "dev"; }

  void write(const std::filesystem::path& relative, const std::string& text) const {
    std::filesystem::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative) << text;
  }
  void folder(const std::filesystem::path& relative) const {
    std::filesystem::create_directories(path_ / relative);
  }
  void link(const std::filesystem::path& relative, const std::filesystem::path& target) const {
    std::filesystem::create_directories((path_ / relative).parent_path());
    std::filesystem::create_symlink(target, path_ / relative);
  }

 private:
  std::filesystem::path path_;
};

}  // namespace ijlas::platform
