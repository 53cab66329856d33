// What ijlas-board-setup could not apply at boot (a settings file on the boot partition that
// failed the check, a Wi-Fi network that could not be set up), for the screen: the script writes
// one English line per problem to /run/ijlas/board-notice.txt, and the kiosk shows the first,
// after a line in Urdu, until the next boot. A board has no one logged in to read the journal.
#pragma once

#include <filesystem>
#include <string>

namespace ijlas::app {

inline constexpr const char* kBoardNoticePath = "/run/ijlas/board-notice.txt";
// The English line's length: about three lines of the band in landscape, six in portrait.
inline constexpr std::size_t kBoardNoticeBytes = 400;

// "" when there is no notice (no file, or an empty one); otherwise the notice band's two lines, in
// Urdu and in English with the script's first line: "…\nBoard settings: ijlas.toml:3:12: …".
std::string read_board_notice(const std::filesystem::path& path = kBoardNoticePath);

}  // namespace ijlas::app
