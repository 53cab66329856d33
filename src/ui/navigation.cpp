#include "ui/navigation.hpp"

#include <array>
#include <limits>

namespace ijlas::ui {
namespace {
constexpr std::array<ScreenKind, 3> kTabs = {ScreenKind::kNowNext, ScreenKind::kAgenda,
                                             ScreenKind::kSpeakers};
}

const char* screen_name(ScreenKind kind) {
  switch (kind) {
    case ScreenKind::kNowNext:
      return "now-next";
    case ScreenKind::kAgenda:
      return "agenda";
    case ScreenKind::kSpeakers:
      return "speakers";
    case ScreenKind::kSession:
      return "session";
    case ScreenKind::kSpeaker:
      return "speaker";
  }
  return "now-next";
}

void Navigation::open(Route route) {
  if (stack_.size() >= 16) stack_.erase(stack_.begin() + 1);  // a loop of taps stays bounded
  stack_.push_back(std::move(route));
}

void Navigation::replace(Route route) {
  if (stack_.size() <= 1) return open(std::move(route));
  stack_.back() = std::move(route);
}

void Navigation::show_tab(ScreenKind root) {
  stack_ = {Route{root, {}}};
}

bool Navigation::back() {
  if (stack_.size() <= 1) return false;
  stack_.pop_back();
  return true;
}

void Navigation::home() {
  show_tab(ScreenKind::kNowNext);
}

void Navigation::toggle_language() {
  language_ = language_ == Language::kUrdu ? Language::kEnglish : Language::kUrdu;
}

void Navigation::step_tab(int step) {
  const ScreenKind root = stack_.front().kind;
  int index = 0;
  for (int i = 0; i < static_cast<int>(kTabs.size()); ++i) {
    if (kTabs[i] == root) index = i;
  }
  const int count = static_cast<int>(kTabs.size());
  show_tab(kTabs[((index + step) % count + count) % count]);
}

void Navigation::touched(std::int64_t now_ms) {
  last_touch_ms_ = now_ms;
  attracting_ = false;
}

bool Navigation::tick(std::int64_t now_ms) {
  if (!last_touch_ms_) last_touch_ms_ = now_ms;
  const std::int64_t idle = now_ms - *last_touch_ms_;
  if (attracting_) {
    if (now_ms < next_attract_ms_) return false;
    step_tab(+1);
    next_attract_ms_ = now_ms + timeouts_.attract_step_ms;
    return true;
  }
  if (idle >= timeouts_.attract_ms) {
    attracting_ = true;
    home();
    language_ = default_language_;
    next_attract_ms_ = now_ms + timeouts_.attract_step_ms;
    return true;
  }
  if (idle >= timeouts_.idle_ms && !at_default_home()) {
    home();
    language_ = default_language_;  // an Urdu-first kiosk does not stay in a visitor's English
    return true;
  }
  return false;
}

std::int64_t Navigation::next_deadline_ms() const {
  if (attracting_) return next_attract_ms_;
  if (!last_touch_ms_) return std::numeric_limits<std::int64_t>::min();  // tick now: starts it
  if (!at_default_home()) return *last_touch_ms_ + timeouts_.idle_ms;
  return *last_touch_ms_ + timeouts_.attract_ms;
}

}  // namespace ijlas::ui
