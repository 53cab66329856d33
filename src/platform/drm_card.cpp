#include "platform/drm_card.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <system_error>

namespace ijlas::platform {
namespace {

namespace fs = std::filesystem;

// "card1" → 1; "card1-HDMI-A-1", "renderD128" → nullopt.
std::optional<int> card_index(const std::string& name) {
  if (name.rfind("card", 0) != 0 || name.size() == 4) return std::nullopt;
  int index = 0;
  const char* end = name.data() + name.size();
  const auto [stop, error] = std::from_chars(name.data() + 4, end, index);
  if (error != std::errc() || stop != end) return std::nullopt;
  return index;
}

std::string first_line(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The by-path link (if any) that names /dev/dri/cardN.
std::string stable_path_of(const DrmRoots& roots, const std::string& card_name) {
  std::error_code error;
  const fs::path by_path = roots.dev / "dri/by-path";
  for (const auto& entry : fs::directory_iterator(by_path, error)) {
    if (!entry.is_symlink(error)) continue;
    const fs::path target = fs::read_symlink(entry.path(), error);
    if (!error && target.filename() == card_name) {
      return ("/dev/dri/by-path" / entry.path().filename()).string();
    }
  }
  return "";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string named(const DrmCard& card) {
  return card.stable_path == card.device ? card.device
                                         : card.stable_path + " (now " + card.device + ")";
}

}  // namespace

std::vector<DrmCard> list_display_cards(const DrmRoots& roots) {
  std::vector<DrmCard> cards;
  std::error_code error;
  const fs::path class_drm = roots.sys / "class/drm";
  for (const auto& entry : fs::directory_iterator(class_drm, error)) {
    const std::string name = entry.path().filename().string();
    const auto index = card_index(name);
    if (!index) continue;
    DrmCard card;
    card.index = *index;
    card.device = "/dev/dri/" + name;
    // Connectors show up beside the card as cardN-<connector>, each with a status file.
    std::error_code inner;
    for (const auto& other : fs::directory_iterator(class_drm, inner)) {
      const std::string other_name = other.path().filename().string();
      if (other_name.rfind(name + "-", 0) != 0) continue;
      const std::string connector = other_name.substr(name.size() + 1);
      card.connectors.push_back(connector);
      if (first_line(other.path() / "status") == "connected") card.connected.push_back(connector);
    }
    if (card.connectors.empty()) continue;  // a render-only GPU
    std::sort(card.connectors.begin(), card.connectors.end());
    std::sort(card.connected.begin(), card.connected.end());
    card.stable_path = stable_path_of(roots, name);
    if (card.stable_path.empty()) card.stable_path = card.device;
    cards.push_back(std::move(card));
  }
  std::sort(cards.begin(), cards.end(),
            [](const DrmCard& a, const DrmCard& b) { return a.index < b.index; });
  return cards;
}

DrmCardChoice find_display_card(const std::string& wanted_stable_path, const DrmRoots& roots) {
  const std::vector<DrmCard> cards = list_display_cards(roots);
  DrmCardChoice choice;
  if (!wanted_stable_path.empty()) {
    for (const DrmCard& card : cards) {
      if (card.stable_path == wanted_stable_path || card.device == wanted_stable_path) {
        choice.card = card;
        choice.message = "display card " + named(card) + " as configured";
        return choice;
      }
    }
  }
  const std::string not_found =
      wanted_stable_path.empty() ? "" : "display card " + wanted_stable_path + " not found; ";
  for (const DrmCard& card : cards) {
    if (card.connected.empty()) continue;
    choice.card = card;
    choice.message =
        not_found + "display card " + named(card) + ", screen on " + joined(card.connected);
    return choice;
  }
  if (!cards.empty()) {
    choice.card = cards.front();
    choice.message = not_found + "display card " + named(cards.front()) +
                     ": no screen reports as connected on " + joined(cards.front().connectors) +
                     " (is the screen on and its cable in?)";
    return choice;
  }
  choice.message = not_found +
                   "no display card: /sys/class/drm lists no card with connectors (is the KMS "
                   "driver loaded, e.g. dtoverlay=vc4-kms-v3d on a Raspberry Pi?)";
  return choice;
}

std::string card_access_problem(const DrmCard& card, const DrmRoots& roots) {
  const fs::path node = roots.dev / "dri" / fs::path(card.device).filename();
  if (::access(node.c_str(), R_OK | W_OK) == 0) return "";
  const int reason = errno;
  std::string message = "cannot open " + card.device + " for drawing: " + std::strerror(reason);
  if (reason == EACCES || reason == EPERM) {
    message +=
        ": add the ijlas user to the video group (and to render), or run it as the ijlas "
        "service, which does";
  }
  return message;
}

}  // namespace ijlas::platform
