// What a tap on a target does: one value per kind of action, carried by the target and handled
// by KioskUi as it is, never written out and parsed again. The text form ("session:ID", "back")
// is for replay scripts and messages only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "ui/navigation.hpp"

namespace ijlas::ui {

struct ShowTab {  // a root screen of the bottom bar
  ScreenKind tab = ScreenKind::kNowNext;
  bool operator==(const ShowTab&) const = default;
};
struct ShowDay {  // a day of the agenda, counted from 0
  int day = 0;
  bool operator==(const ShowDay&) const = default;
};
struct ToggleLanguage {
  bool operator==(const ToggleLanguage&) const = default;
};
struct GoBack {
  bool operator==(const GoBack&) const = default;
};
struct DismissNotice {  // the urgent announcement that covers the screen
  bool operator==(const DismissNotice&) const = default;
};
struct Covered {  // under an urgent announcement: a tap there does nothing
  bool operator==(const Covered&) const = default;
};

struct StepSession {  // the session before (-1) or after (+1) this one in the same room
  int step = 1;
  bool operator==(const StepSession&) const = default;
};
struct ToggleOtherRooms {  // the session page lists what runs in the other rooms meanwhile
  bool operator==(const ToggleOtherRooms&) const = default;
};

// A Route opens that session's or speaker's screen on top of the current one.
using UiAction = std::variant<Route, ShowTab, ShowDay, ToggleLanguage, GoBack, DismissNotice,
                              Covered, StepSession, ToggleOtherRooms>;

// True for the actions that open a session or a speaker: the screen's content, which the
// keyboard's focus moves through.
bool opens_detail(const UiAction& action);

// "session:ID", "speaker:ID", "tab:agenda", "day:1", "language", "back", "dismiss", "none",
// "previous-session", "next-session", "other-rooms".
std::string action_text(const UiAction& action);
std::optional<UiAction> parse_action(std::string_view text);

}  // namespace ijlas::ui
