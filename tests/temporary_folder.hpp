// A folder of a test's own under the system's temporary folder (TMPDIR, else /tmp), removed with
// everything in it when the test that made it ends, so that the suite leaves nothing behind and
// two suites running at once never share a folder.
#pragma once

#include <stdlib.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace ijlas {

class TemporaryFolder {
 public:
  // `name` goes into the folder's name, so a person who finds one knows which test made it.
  // When no folder can be made, the exception stops the test with its message.
  explicit TemporaryFolder(std::string_view name) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / ("ijlas-" + std::string(name) + "-XXXXXX"))
            .string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(),
                              "cannot make a temporary folder " + pattern);
    }
    path_ = pattern;
    // mkdtemp's folder is the owner's alone; other users may read this one, as any folder
    // that create_directories makes: the venue tests' mosquitto, started as root, reads its
    // configuration as the mosquitto user.
    namespace fs = std::filesystem;
    fs::permissions(path_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec);
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Stands where a path is asked for, while the folder lives.
  operator const std::filesystem::path&() const { return path_; }
  std::filesystem::path operator/(const std::filesystem::path& relative) const {
    return path_ / relative;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace ijlas
