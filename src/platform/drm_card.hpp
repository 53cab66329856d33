// Which display card to draw on. /dev/dri/cardN numbers are handed out in probe order and change
// between boots and board models (a Raspberry Pi 4 or 5 has a render-only GPU card and a display
// card, in either order), so the kiosk names its card by a stable path, /dev/dri/by-path/…-card,
// and picks the one with a connected screen. SDL 2.26's KMSDRM takes a card only by its number
// (SDL_HINT_KMSDRM_DEVICE_INDEX): the app turns the stable path into today's number right before
// SDL_Init. Reads sysfs only: no libdrm, no SDL, no open device.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ijlas::platform {

struct DrmCard {
  int index = -1;                       // N of /dev/dri/cardN, for SDL_HINT_KMSDRM_DEVICE_INDEX
  std::string device;                   // "/dev/dri/card1"
  std::string stable_path;              // "/dev/dri/by-path/platform-gpu-card", or device if none
  std::vector<std::string> connectors;  // "HDMI-A-1", every one the card drives
  std::vector<std::string> connected;   // the connectors with a screen plugged in
};

struct DrmCardChoice {
  std::optional<DrmCard> card;
  std::string message;  // why this card, or why none: one line for the log
};

struct DrmRoots {
  std::filesystem::path sys = "/sys";
  std::filesystem::path dev = "/dev";
};

// Every card that can drive a screen (has connectors; render-only GPUs are left out), by index.
std::vector<DrmCard> list_display_cards(const DrmRoots& roots = {});

// The card to draw on: the one given by a stable path (configured) when it exists; else the first
// with a connected screen; else the first that has connectors at all (a screen in standby may not
// show as connected). The message says what was chosen and by which path, or, when there is none,
// what to check.
DrmCardChoice find_display_card(const std::string& wanted_stable_path = "",
                                const DrmRoots& roots = {});

// "" when this user may open the card for drawing; else what to do about it ("cannot open
// /dev/dri/card1: Permission denied: add the ijlas user to the video group").
std::string card_access_problem(const DrmCard& card, const DrmRoots& roots = {});

}  // namespace ijlas::platform
