#include "platform/service_overlay.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>
#include <stdexcept>

namespace ijlas::platform {

ServiceOverlay::ServiceOverlay(int pixel_size, const std::filesystem::path& font)
    : padding_(std::max(4, pixel_size / 2)) {
  if (TTF_Init() != 0) throw std::runtime_error(std::string("SDL2_ttf: ") + TTF_GetError());
  font_ = TTF_OpenFont(font.c_str(), pixel_size);  // at SDL2_ttf's 72 dpi, points are pixels
  if (!font_) {
    const std::string why = TTF_GetError();
    TTF_Quit();
    throw std::runtime_error("cannot open " + font.string() + ": " + why);
  }
}

ServiceOverlay::~ServiceOverlay() {
  forget_textures();
  TTF_CloseFont(font_);
  TTF_Quit();
}

void ServiceOverlay::forget_textures() {
  for (Line& line : lines_) {
    if (line.texture) SDL_DestroyTexture(line.texture);
    line.texture = nullptr;
    line.width = line.height = 0;
  }
}

void ServiceOverlay::set_lines(const std::vector<std::string>& lines) {
  for (std::size_t i = lines.size(); i < lines_.size(); ++i) {
    if (lines_[i].texture) SDL_DestroyTexture(lines_[i].texture);
  }
  lines_.resize(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines_[i];
    if (line.text == lines[i]) continue;
    if (line.texture) SDL_DestroyTexture(line.texture);
    line = Line{lines[i]};
  }
}

void ServiceOverlay::draw(SDL_Renderer* renderer, int x, int y) {
  if (renderer != renderer_) {
    forget_textures();
    renderer_ = renderer;
  }
  const int skip = TTF_FontLineSkip(font_);
  for (Line& line : lines_) {
    if (line.height > 0) continue;  // already rendered (an empty line has a height, no texture)
    line.height = skip;
    if (line.text.empty()) continue;
    SDL_Surface* surface = TTF_RenderUTF8_Blended(font_, line.text.c_str(), {255, 255, 255, 255});
    if (!surface) continue;
    line.texture = SDL_CreateTextureFromSurface(renderer, surface);
    line.width = surface->w;
    SDL_FreeSurface(surface);
    if (line.texture) SDL_SetTextureBlendMode(line.texture, SDL_BLENDMODE_BLEND);
    ++rendered_;
  }

  const Size size = panel_size();
  const SDL_Rect panel{x, y, size.width, size.height};
  SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer, 0, 0, 0, 200);
  SDL_RenderFillRect(renderer, &panel);
  int line_y = y + padding_;
  for (const Line& line : lines_) {
    if (line.texture) {
      const SDL_Rect box{x + padding_, line_y, line.width, line.height};
      SDL_RenderCopy(renderer, line.texture, nullptr, &box);
    }
    line_y += line.height;
  }
}

Size ServiceOverlay::panel_size() const {
  int width = 0, height = 0;
  for (const Line& line : lines_) {
    width = std::max(width, line.width);
    height += line.height;
  }
  return {width + 2 * padding_, height + 2 * padding_};
}

std::vector<std::string> network_addresses() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return {};
  std::vector<std::string> v4, v6;
  for (const ifaddrs* entry = list; entry; entry = entry->ifa_next) {
    if (!entry->ifa_addr || !(entry->ifa_flags & IFF_UP) || (entry->ifa_flags & IFF_LOOPBACK)) {
      continue;
    }
    char text[INET6_ADDRSTRLEN] = {};
    const int family = entry->ifa_addr->sa_family;
    if (family == AF_INET) {
      const auto* address = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
      if (inet_ntop(AF_INET, &address->sin_addr, text, sizeof text)) {
        v4.push_back(std::string(entry->ifa_name) + " " + text);
      }
    } else if (family == AF_INET6) {
      const auto* address = reinterpret_cast<const sockaddr_in6*>(entry->ifa_addr);
      if (inet_ntop(AF_INET6, &address->sin6_addr, text, sizeof text)) {
        v6.push_back(std::string(entry->ifa_name) + " " + text);
      }
    }
  }
  freeifaddrs(list);
  v4.insert(v4.end(), v6.begin(), v6.end());
  return v4;
}

}  // namespace ijlas::platform
