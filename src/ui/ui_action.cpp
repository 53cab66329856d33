#include "ui/ui_action.hpp"

#include <charconv>

namespace ijlas::ui {
namespace {

template <typename... Visitors>
struct Overloaded : Visitors... {
  using Visitors::operator()...;
};
// GCC deduces this by itself (C++20 aggregate deduction); clang-tidy's clang 14 needs the guide.
template <typename... Visitors>
Overloaded(Visitors...) -> Overloaded<Visitors...>;

bool take_prefix(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

}  // namespace

bool opens_detail(const UiAction& action) {
  return std::holds_alternative<Route>(action);
}

std::string action_text(const UiAction& action) {
  return std::visit(
      Overloaded{
          [](const Route& route) { return std::string(screen_name(route.kind)) + ":" + route.id; },
          [](const ShowTab& tab) { return std::string("tab:") + screen_name(tab.tab); },
          [](const ShowDay& day) { return "day:" + std::to_string(day.day); },
          [](const ToggleLanguage&) { return std::string("language"); },
          [](const GoBack&) { return std::string("back"); },
          [](const DismissNotice&) { return std::string("dismiss"); },
          [](const Covered&) { return std::string("none"); },
          [](const StepSession& step) {
            return std::string(step.step < 0 ? "previous-session" : "next-session");
          },
          [](const ToggleOtherRooms&) { return std::string("other-rooms"); },
      },
      action);
}

std::optional<UiAction> parse_action(std::string_view text) {
  if (text == "language") return ToggleLanguage{};
  if (text == "back") return GoBack{};
  if (text == "dismiss") return DismissNotice{};
  if (text == "none") return Covered{};
  if (text == "previous-session") return StepSession{-1};
  if (text == "next-session") return StepSession{+1};
  if (text == "other-rooms") return ToggleOtherRooms{};
  std::string_view rest = text;
  if (take_prefix(rest, "session:") && !rest.empty()) {
    return Route{ScreenKind::kSession, std::string(rest)};
  }
  rest = text;
  if (take_prefix(rest, "speaker:") && !rest.empty()) {
    return Route{ScreenKind::kSpeaker, std::string(rest)};
  }
  rest = text;
  if (take_prefix(rest, "tab:")) {
    for (const ScreenKind tab :
         {ScreenKind::kNowNext, ScreenKind::kAgenda, ScreenKind::kSpeakers}) {
      if (rest == screen_name(tab)) return ShowTab{tab};
    }
    return std::nullopt;
  }
  rest = text;
  if (take_prefix(rest, "day:")) {
    int day = 0;
    const char* end = rest.data() + rest.size();
    const auto result = std::from_chars(rest.data(), end, day);
    if (result.ec == std::errc() && result.ptr == end && day >= 0) return ShowDay{day};
  }
  return std::nullopt;
}

}  // namespace ijlas::ui
