#include "agenda/zip_archive.hpp"

#include <zip.h>

namespace ijlas::agenda {

struct ZipArchive::Handle {
  zip_t* archive = nullptr;
  ~Handle() {
    if (archive) zip_discard(archive);
  }
};

namespace {

// The member count of the end-of-central-directory record, read before libzip allocates an
// entry for each member; 0xFFFF (a zip64 archive, which no workbook needs) counts as too many.
std::size_t declared_members(std::string_view bytes) {
  constexpr std::size_t kRecord = 22;
  const std::size_t lowest = bytes.size() > kRecord + 0xFFFF ? bytes.size() - kRecord - 0xFFFF : 0;
  for (std::size_t at = bytes.size() - kRecord + 1; at-- > lowest;) {
    if (bytes.substr(at, 4) != std::string_view("PK\x05\x06", 4)) continue;
    return static_cast<unsigned char>(bytes[at + 10]) |
           (static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 11])) << 8);
  }
  return 0;
}

}  // namespace

std::optional<ZipArchive> ZipArchive::open(std::string_view bytes) {
  if (bytes.size() < 22 || bytes.substr(0, 2) != "PK") return std::nullopt;
  const std::size_t members = declared_members(bytes);
  if (members == 0 || members > kMaxZipMembers) return std::nullopt;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    return std::nullopt;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(source);  // the archive did not take it over
    return std::nullopt;
  }
  auto handle = std::make_shared<Handle>();
  handle->archive = archive;
  return ZipArchive(std::move(handle));
}

bool ZipArchive::has(std::string_view name) const {
  return zip_name_locate(handle_->archive, std::string(name).c_str(), 0) >= 0;
}

ZipArchive::Member ZipArchive::read(std::string_view name) const {
  Member member;
  const zip_int64_t index = zip_name_locate(handle_->archive, std::string(name).c_str(), 0);
  if (index < 0) return member;
  zip_file_t* file = zip_fopen_index(handle_->archive, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    member.error = std::string(name) +
                   " cannot be unpacked (encrypted, or packed in a way "
                   "libzip does not know)";
    return member;
  }
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    const zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
    if (got < 0) {
      member.error = std::string(name) + " is damaged: it does not unpack";
      break;
    }
    if (got == 0) {
      member.bytes = std::move(bytes);
      break;
    }
    if (bytes.size() + static_cast<std::size_t>(got) > kMaxZipMemberBytes) {
      member.error = std::string(name) + " unpacks to more than 64 MiB, more than any programme";
      break;
    }
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
  zip_fclose(file);
  return member;
}

}  // namespace ijlas::agenda
