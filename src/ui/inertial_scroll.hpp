// A scroll position that follows the finger and, after a flick, glides to rest with constant
// deceleration, never past its ends.
#pragma once

#include <cstdint>

namespace ijlas::ui {

class InertialScroll {
 public:
  void set_extent(float content, float viewport);  // clamps the offset to the new range
  void drag(float dy);                             // finger moved by dy (down is positive)
  void fling(float velocity_px_per_s, std::int64_t now_ms);
  void scroll_to(float offset);
  void stop() { velocity_ = 0; }
  // Advances the glide to now; true while still moving (ask for another frame).
  bool update(std::int64_t now_ms);

  float offset() const { return offset_; }  // how far the content is scrolled, 0 at the top
  float max_offset() const { return max_offset_; }
  bool moving() const { return velocity_ != 0; }

 private:
  float offset_ = 0, max_offset_ = 0;
  float velocity_ = 0;  // offset units per second
  std::int64_t last_ms_ = 0;
};

}  // namespace ijlas::ui
