// The staff's service panel (F1 or S): a translucent box of plain Latin lines the app composes
// (version, agenda source and age, last load result, network addresses, frames per second),
// drawn with SDL2_ttf. A line is rendered to a texture once and kept until its text changes.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "platform/screen_rotation.hpp"
#include "text/font_collection.hpp"

namespace ijlas::platform {

class ServiceOverlay {
 public:
  // Throws std::runtime_error when the font cannot be opened.
  explicit ServiceOverlay(int pixel_size = 22,
                          const std::filesystem::path& font = text::FontCollection::default_dir() /
                                                              "NotoSans-Regular.ttf");
  ~ServiceOverlay();
  ServiceOverlay(const ServiceOverlay&) = delete;
  ServiceOverlay& operator=(const ServiceOverlay&) = delete;

  // Lines whose text is unchanged keep their textures.
  void set_lines(const std::vector<std::string>& lines);

  // The panel with its top-left at (x, y) on the current render target. Textures belong to the
  // renderer of the first draw; drawing on another renderer starts over.
  void draw(SDL_Renderer* renderer, int x, int y);

  Size panel_size() const;                                    // known once drawn
  std::uint64_t rendered_lines() const { return rendered_; }  // line textures made so far

 private:
  struct Line {
    std::string text;
    SDL_Texture* texture = nullptr;  // null until drawn, and for an empty line
    int width = 0, height = 0;
  };

  void forget_textures();

  TTF_Font* font_ = nullptr;
  int padding_;
  SDL_Renderer* renderer_ = nullptr;
  std::vector<Line> lines_;
  std::uint64_t rendered_ = 0;
};

// The machine's addresses for the panel, "eth0 192.168.1.20", "wlan0 fe80::1": every interface
// that is up, IPv4 before IPv6, loopback left out.
std::vector<std::string> network_addresses();

}  // namespace ijlas::platform
