#include "ui/inertial_scroll.hpp"

#include <algorithm>
#include <cmath>

namespace ijlas::ui {
namespace {
constexpr float kDeceleration = 3000.0f;  // px/s²: a 3000 px/s flick glides for one second
constexpr float kMaxVelocity = 8000.0f;
}  // namespace

void InertialScroll::set_extent(float content, float viewport) {
  max_offset_ = std::max(0.0f, content - viewport);
  offset_ = std::clamp(offset_, 0.0f, max_offset_);
}

void InertialScroll::drag(float dy) {
  velocity_ = 0;
  offset_ = std::clamp(offset_ - dy, 0.0f, max_offset_);
}

void InertialScroll::fling(float velocity, std::int64_t now_ms) {
  // A finger moving down pulls the content down: the offset shrinks.
  velocity_ = std::clamp(-velocity, -kMaxVelocity, kMaxVelocity);
  last_ms_ = now_ms;
  if (std::abs(velocity_) < 50.0f) velocity_ = 0;
}

void InertialScroll::scroll_to(float offset) {
  velocity_ = 0;
  offset_ = std::clamp(offset, 0.0f, max_offset_);
}

bool InertialScroll::update(std::int64_t now_ms) {
  if (velocity_ == 0) return false;
  const float dt = std::max<std::int64_t>(0, now_ms - last_ms_) / 1000.0f;
  last_ms_ = now_ms;
  const float slowed = std::max(0.0f, std::abs(velocity_) - kDeceleration * dt);
  const float mean = (std::abs(velocity_) + slowed) / 2 * (velocity_ > 0 ? 1.0f : -1.0f);
  offset_ += mean * dt;
  velocity_ = slowed * (velocity_ > 0 ? 1.0f : -1.0f);
  if (offset_ <= 0 || offset_ >= max_offset_) {
    offset_ = std::clamp(offset_, 0.0f, max_offset_);
    velocity_ = 0;
  }
  return velocity_ != 0;
}

}  // namespace ijlas::ui
