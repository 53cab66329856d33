#include "ui/gesture_recognizer.hpp"

#include <cmath>

namespace ijlas::ui {
namespace {
constexpr std::int64_t kVelocityWindowMs = 100;  // the flick is the last tenth of a second
}

std::vector<Gesture> GestureRecognizer::handle(const PointerEvent& event) {
  std::vector<Gesture> out;
  switch (event.phase) {
    case PointerEvent::Phase::kDown:
      down_ = true;
      mode_ = Mode::kUndecided;
      start_x_ = event.x;
      start_y_ = last_y_ = event.y;
      start_ms_ = event.time_ms;
      samples_ = {{event.y, event.time_ms}};
      break;
    case PointerEvent::Phase::kMove: {
      if (!down_ || mode_ == Mode::kDone) break;
      const float dx = event.x - start_x_, dy = event.y - start_y_;
      if (mode_ == Mode::kUndecided && std::hypot(dx, dy) > slop_) {
        mode_ = std::abs(dx) > std::abs(dy) ? Mode::kSwiping : Mode::kDragging;
        if (mode_ == Mode::kDragging)
          out.push_back({Gesture::Kind::kDragStart, start_x_, start_y_});
      }
      if (mode_ == Mode::kDragging) {
        out.push_back({Gesture::Kind::kDragMove, start_x_, start_y_, event.y - last_y_});
      }
      last_y_ = event.y;
      samples_.push_back({event.y, event.time_ms});
      while (samples_.size() > 2 && event.time_ms - samples_.front().ms > kVelocityWindowMs) {
        samples_.erase(samples_.begin());
      }
      break;
    }
    case PointerEvent::Phase::kUp: {
      if (!down_) break;
      down_ = false;
      const float dx = event.x - start_x_, dy = event.y - start_y_;
      if (mode_ == Mode::kUndecided && std::hypot(dx, dy) <= slop_) {
        out.push_back({Gesture::Kind::kTap, start_x_, start_y_});
      } else if (mode_ == Mode::kSwiping ||
                 (mode_ == Mode::kUndecided && std::abs(dx) > std::abs(dy))) {
        out.push_back(
            {dx < 0 ? Gesture::Kind::kSwipeLeft : Gesture::Kind::kSwipeRight, start_x_, start_y_});
      } else if (mode_ == Mode::kDragging || mode_ == Mode::kUndecided) {
        if (mode_ == Mode::kUndecided) {
          out.push_back({Gesture::Kind::kDragStart, start_x_, start_y_});
          out.push_back({Gesture::Kind::kDragMove, start_x_, start_y_, event.y - last_y_});
        } else if (event.y != last_y_) {
          out.push_back({Gesture::Kind::kDragMove, start_x_, start_y_, event.y - last_y_});
        }
        samples_.push_back({event.y, event.time_ms});
        const Sample& first = samples_.front();
        const std::int64_t span = event.time_ms - first.ms;
        const float velocity = span > 0 ? (event.y - first.y) * 1000.0f / span : 0.0f;
        out.push_back({Gesture::Kind::kDragEnd, start_x_, start_y_, 0, velocity});
      }
      mode_ = Mode::kDone;
      break;
    }
    case PointerEvent::Phase::kCancel:
      if (down_ && mode_ == Mode::kDragging) {
        out.push_back({Gesture::Kind::kDragEnd, start_x_, start_y_, 0, 0});
      }
      down_ = false;
      mode_ = Mode::kDone;
      break;
  }
  return out;
}

std::optional<Gesture> GestureRecognizer::poll(std::int64_t now_ms) {
  if (down_ && mode_ == Mode::kUndecided && now_ms - start_ms_ >= long_press_ms_) {
    mode_ = Mode::kDone;  // the release that follows is not also a tap
    return Gesture{Gesture::Kind::kLongPress, start_x_, start_y_};
  }
  return std::nullopt;
}

}  // namespace ijlas::ui
