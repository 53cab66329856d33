// A zip archive read from memory with libzip, for workbooks (.xlsx, .ods are zip files). Each
// member is read whole but never past kMaxZipMemberBytes, whatever its header claims, so that a
// zip bomb (a small file that unpacks to gigabytes) costs no more than that.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ijlas::agenda {

inline constexpr std::size_t kMaxZipMemberBytes = 64u << 20;
inline constexpr std::size_t kMaxZipMembers = 10'000;  // a workbook has tens; libzip lists all

class ZipArchive {
 public:
  // Empty when the bytes are not a zip archive, or one of more than kMaxZipMembers members.
  // The bytes must outlive the archive.
  static std::optional<ZipArchive> open(std::string_view bytes);

  bool has(std::string_view name) const;

  struct Member {
    std::optional<std::string> bytes;  // empty when missing or unreadable
    std::string error;                 // why not, for a message ("" when missing)
  };
  Member read(std::string_view name) const;

 private:
  struct Handle;
  explicit ZipArchive(std::shared_ptr<Handle> handle) : handle_(std::move(handle)) {}
  std::shared_ptr<Handle> handle_;
};

}  // namespace ijlas::agenda
