#include "platform/screen_rotation.hpp"

#include <algorithm>

namespace ijlas::platform {

std::optional<Rotation> rotation_from_degrees(int degrees) {
  switch (degrees) {
    case 0:
      return Rotation::k0;
    case 90:
      return Rotation::k90;
    case 180:
      return Rotation::k180;
    case 270:
      return Rotation::k270;
    default:
      return std::nullopt;
  }
}

ScreenRotation::ScreenRotation(Size physical, Rotation rotation)
    : physical_(physical), rotation_(rotation) {}

Size ScreenRotation::logical() const {
  if (rotation_ == Rotation::k90 || rotation_ == Rotation::k270) {
    return {physical_.height, physical_.width};
  }
  return physical_;
}

Point ScreenRotation::to_physical(Point p) const {
  const Size l = logical();
  const auto w = static_cast<float>(l.width), h = static_cast<float>(l.height);
  switch (rotation_) {
    case Rotation::k0:
      return p;
    case Rotation::k90:
      return {h - p.y, p.x};
    case Rotation::k180:
      return {w - p.x, h - p.y};
    case Rotation::k270:
      return {p.y, w - p.x};
  }
  return p;
}

Point ScreenRotation::to_logical(Point p) const {
  const auto w = static_cast<float>(physical_.width), h = static_cast<float>(physical_.height);
  switch (rotation_) {
    case Rotation::k0:
      return p;
    case Rotation::k90:
      return {p.y, w - p.x};
    case Rotation::k180:
      return {w - p.x, h - p.y};
    case Rotation::k270:
      return {h - p.y, p.x};
  }
  return p;
}

ui::Box ScreenRotation::to_physical(const ui::Box& box) const {
  const Point a = to_physical(Point{box.x, box.y});
  const Point b = to_physical(Point{box.right(), box.bottom()});
  const float x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  return {x0, y0, std::max(a.x, b.x) - x0, std::max(a.y, b.y) - y0};
}

}  // namespace ijlas::platform
