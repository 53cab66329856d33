#include "platform/service_overlay.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>

namespace ijlas::platform {
namespace {

// A software renderer on a memory surface: no display needed.
class OverlayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, 400, 200, 32, SDL_PIXELFORMAT_RGBA32);
    ASSERT_NE(surface_, nullptr);
    renderer_ = SDL_CreateSoftwareRenderer(surface_);
    ASSERT_NE(renderer_, nullptr);
  }
  void TearDown() override {
    SDL_DestroyRenderer(renderer_);
    SDL_FreeSurface(surface_);
  }
  void clear_white() {
    SDL_SetRenderDrawColor(renderer_, 255, 255, 255, 255);
    SDL_RenderClear(renderer_);
  }
  SDL_Color pixel(int x, int y) {
    SDL_RenderFlush(renderer_);
    const auto* p = static_cast<const Uint8*>(surface_->pixels) + y * surface_->pitch + x * 4;
    return {p[0], p[1], p[2], p[3]};
  }

  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
};

TEST_F(OverlayTest, DrawsATranslucentPanelWithLightTextInIt) {
  ServiceOverlay overlay(20, std::filesystem::path(IJLAS_FONT_DIR) / "NotoSans-Regular.ttf");
  overlay.set_lines({"ijlas 0.1.0", "", "agenda: /media/usb/agenda.json (2 min ago)"});
  clear_white();
  overlay.draw(renderer_, 10, 20);
  const Size size = overlay.panel_size();
  EXPECT_GT(size.width, 300);
  EXPECT_GT(size.height, 3 * 20);
  EXPECT_EQ(pixel(5, 5).r, 255);           // outside: untouched
  const SDL_Color corner = pixel(11, 21);  // inside, no text: darkened white
  EXPECT_LT(corner.r, 100);
  EXPECT_GT(corner.r, 30);
  int light = 0;
  for (int y = 20; y < 20 + size.height; ++y) {
    for (int x = 10; x < 10 + size.width; ++x)
      light += pixel(x, y).r > 200;
  }
  EXPECT_GT(light, 200);
}

TEST_F(OverlayTest, UnchangedLinesAreNotRenderedAgain) {
  ServiceOverlay overlay(18, std::filesystem::path(IJLAS_FONT_DIR) / "NotoSans-Regular.ttf");
  overlay.set_lines({"version 0.1.0", "fps 60"});
  overlay.draw(renderer_, 0, 0);
  EXPECT_EQ(overlay.rendered_lines(), 2u);
  overlay.set_lines({"version 0.1.0", "fps 60"});
  overlay.draw(renderer_, 0, 0);
  EXPECT_EQ(overlay.rendered_lines(), 2u);
  overlay.set_lines({"version 0.1.0", "fps 59"});
  overlay.draw(renderer_, 0, 0);
  EXPECT_EQ(overlay.rendered_lines(), 3u);
}

TEST(ServiceOverlay, AMissingFontIsAnErrorNotACrash) {
  EXPECT_THROW(ServiceOverlay(18, "/nonexistent/font.ttf"), std::runtime_error);
}

TEST(NetworkAddresses, ListsParsableAddressesWithoutLoopback) {
  for (const std::string& entry : network_addresses()) {
    const auto space = entry.find(' ');
    ASSERT_NE(space, std::string::npos) << entry;
    const std::string address = entry.substr(space + 1);
    EXPECT_NE(address, "127.0.0.1");
    EXPECT_NE(address, "::1");
    unsigned char buffer[16];
    EXPECT_TRUE(inet_pton(AF_INET, address.c_str(), buffer) == 1 ||
                inet_pton(AF_INET6, address.c_str(), buffer) == 1)
        << entry;
  }
}

}  // namespace
}  // namespace ijlas::platform
