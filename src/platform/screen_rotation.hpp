// How the logical picture (what ui lays out, e.g. 1080x1920 for a portrait screen) sits on the
// physical output (the panel, e.g. 1920x1080): turned clockwise by 0, 90, 180 or 270 degrees.
// Drawing goes logical -> physical; touches come back physical -> logical through the same turn.
// Pure arithmetic, no SDL, so that the app, the shots and the tests share one definition.
#pragma once

#include <cstdint>
#include <optional>

#include "ui/draw_list.hpp"

namespace ijlas::platform {

enum class Rotation : std::uint16_t { k0 = 0, k90 = 90, k180 = 180, k270 = 270 };

// 0, 90, 180 or 270 degrees clockwise (the command line's and the venue's); nullopt otherwise.
std::optional<Rotation> rotation_from_degrees(int degrees);

struct Size {
  int width = 0, height = 0;
  bool operator==(const Size&) const = default;
};

struct Point {
  float x = 0, y = 0;
  bool operator==(const Point&) const = default;
};

class ScreenRotation {
 public:
  ScreenRotation() = default;
  ScreenRotation(Size physical, Rotation rotation);

  Rotation rotation() const { return rotation_; }
  int degrees() const { return static_cast<int>(rotation_); }  // clockwise
  bool turned() const { return rotation_ != Rotation::k0; }
  Size physical() const { return physical_; }
  Size logical() const;  // width and height swapped for 90 and 270

  // Continuous coordinates (pixel edges): logical (0, 0) is the logical top-left corner, which
  // lands on the physical top-right corner at 90 degrees.
  Point to_logical(Point physical) const;
  Point to_physical(Point logical) const;
  ui::Box to_physical(const ui::Box& logical) const;

 private:
  Size physical_;
  Rotation rotation_ = Rotation::k0;
};

}  // namespace ijlas::platform
