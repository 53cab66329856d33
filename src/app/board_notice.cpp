#include "app/board_notice.hpp"

#include "app/agenda_delivery.hpp"
#include "core/utf8.hpp"
#include "live/untrusted_file.hpp"

namespace ijlas::app {

// board-setup writes a few lines; more than this is not a notice from it.
constexpr std::size_t kBoardNoticeFileBytes = std::size_t{64} * 1024;

std::string read_board_notice(const std::filesystem::path& path) {
  std::error_code missing;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, missing))) return {};
  const live::UntrustedFile file = live::read_untrusted_file(path, kBoardNoticeFileBytes);
  const std::string line = file.error.empty()
                               ? utf8::trimmed(file.bytes.substr(0, file.bytes.find('\n')))
                               : path.string() + " " + file.error;
  if (line.empty()) return {};
  // "The board's settings were not applied": whoever reads Urdu knows to call the technician,
  // who reads the English place and message that follow.
  return "بورڈ کی ترتیبات لاگو نہیں ہوئیں\n" +
         cut_for_notice("Board settings: " + utf8::sanitize(line), kBoardNoticeBytes);
}

}  // namespace ijlas::app
