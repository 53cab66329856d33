// [SECTION] State: agenda, live state, announcements
// [SECTION] Input: gestures, keys, wheel, actions
// [SECTION] Time: motion, timers, wake-ups
// [SECTION] The frame
#include "ui/kiosk_ui.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <variant>

#include "text/typesetter.hpp"
#include "ui/detail_screens.hpp"
#include "ui/now_next_screen.hpp"
#include "ui/screen_frame.hpp"

namespace ijlas::ui {
namespace {

constexpr std::int64_t kTransitionMs = 200;       // SCREENS.md: screen changes slide 200 ms
constexpr std::int64_t kFrameMs = 33;             // while something moves
constexpr float kTickerSpeed = 0.1f;              // screen widths per second
constexpr std::int64_t kStaffHoldMs = 3000;       // a held finger that no passer-by makes by chance
constexpr std::int64_t kConfirmationMs = 10'000;  // "agenda updated" stays this long
constexpr std::int64_t kCardPageMs = 12'000;      // a page of room cards stays this long
constexpr std::int64_t kHintShownMs = 2500;       // the swipe hint stays, then fades
constexpr std::int64_t kHintFadeMs = 1500;

}  // namespace

KioskUi::KioskUi(text::Typesetter& typesetter, VenueFormat format, KioskOptions options)
    : typesetter_(typesetter),
      format_(std::move(format)),
      options_(std::move(options)),
      theme_(Theme::for_screen(1920, 1080)),
      navigation_(options_.language, options_.timeouts),
      gestures_(0.02f * 1080, kStaffHoldMs) {}

// [SECTION] State ---------------------------------------------------------------------------------

void KioskUi::set_agenda(std::shared_ptr<const agenda::Agenda> agenda) {
  agenda_ = std::move(agenda);
  row_heights_.clear();
  sessions_ = agenda_ ? live::live_sessions(*agenda_) : std::vector<live::LiveSession>{};
  // A route into the old snapshot may name a session that no longer exists.
  if (!navigation_.at_home() && navigation_.current().kind != ScreenKind::kAgenda &&
      navigation_.current().kind != ScreenKind::kSpeakers) {
    const Route route = navigation_.current();
    const bool exists = route.kind == ScreenKind::kSession
                            ? agenda_ && agenda_->find_session(route.id)
                            : agenda_ && agenda_->find_speaker(route.id);
    if (!exists) navigation_.home();
  }
  refresh_live(true);
  invalidate();
}

void KioskUi::set_announcements(std::vector<Announcement> announcements) {
  announcements_ = std::move(announcements);
  ticker_start_ms_ = monotonic_ms_;  // a new ticker enters from its edge
  invalidate();
}

void KioskUi::set_notice(std::string notice) {
  if (notice == notice_) return;
  notice_ = std::move(notice);
  invalidate();
}

void KioskUi::set_board_notice(std::string notice) {
  if (notice == board_notice_) return;
  board_notice_ = std::move(notice);
  invalidate();
}

void KioskUi::confirm_agenda(const std::string& file, std::size_t sessions) {
  const std::string count = std::to_string(sessions);
  confirmation_ = {fill(UiString::kAgendaUpdated, Language::kUrdu, count, file),
                   fill(UiString::kAgendaUpdated, Language::kEnglish, count, file)};
  confirmation_until_ms_ = -1;
  invalidate();
}

void KioskUi::set_rehearsal_clock(bool rehearsal) {
  if (rehearsal == rehearsal_) return;
  rehearsal_ = rehearsal;
  invalidate();
}

void KioskUi::set_clock_trusted(bool trusted) {
  if (trusted == clock_trusted_) return;
  clock_trusted_ = trusted;
  invalidate();
}

void KioskUi::resize(float width, float height) {
  if (width == theme_.width && height == theme_.height) return;
  theme_ = Theme::for_screen(width, height);
  row_heights_.clear();
  gestures_ = GestureRecognizer(0.02f * theme_.s, kStaffHoldMs);
  invalidate();
}

void KioskUi::refresh_live(bool force) {
  if (!agenda_) {
    live_.reset();
    return;
  }
  if (force || !live_ || now_ >= live_->next_change || now_ < live_->at) {
    live_ = live::compute_live_state(*agenda_, now_);
    if (navigation_.at_home() || force) {
      if (live_->day.index >= 0 && navigation_.current().kind != ScreenKind::kAgenda) {
        navigation_.set_day(live_->day.index);
      }
    }
    invalidate();
  }
}

// [SECTION] Input -------------------------------------------------------------------------------

void KioskUi::pointer(const PointerEvent& event) {
  navigation_.touched(event.time_ms);
  if (event.phase == PointerEvent::Phase::kDown && service_panel_open_) {
    service_touch_ = true;
    if (!service_panel_.contains(event.x, event.y)) service_panel_open_ = false;
  }
  if (service_touch_) {  // the whole touch, to its release, belongs to the panel
    if (event.phase == PointerEvent::Phase::kUp || event.phase == PointerEvent::Phase::kCancel)
      service_touch_ = false;
    return;
  }
  for (const Gesture& gesture : gestures_.handle(event)) {
    switch (gesture.kind) {
      case Gesture::Kind::kTap: {
        // The topmost target under the finger: the last drawn wins.
        for (auto it = targets_.rbegin(); it != targets_.rend(); ++it) {
          if (it->box.contains(gesture.x, gesture.y)) {
            activate(it->action, event.time_ms);
            break;
          }
        }
        break;
      }
      case Gesture::Kind::kLongPress:
        break;
      case Gesture::Kind::kSwipeLeft:
        swipe(navigation_.language() == Language::kUrdu ? -1 : +1, event.time_ms);
        break;
      case Gesture::Kind::kSwipeRight:
        swipe(navigation_.language() == Language::kUrdu ? +1 : -1, event.time_ms);
        break;
      case Gesture::Kind::kDragStart:
        scroll().stop();
        drag_dy_ = 0;
        break;
      case Gesture::Kind::kDragMove:
        scroll().drag(gesture.dy);
        drag_dy_ += gesture.dy;
        invalidate();
        break;
      case Gesture::Kind::kDragEnd:
        if (turns_card_pages()) {
          // Up turns to the next page of cards, down to the one before.
          turn_card_page(drag_dy_ + gesture.velocity * 0.1f < 0 ? +1 : -1, event.time_ms);
        } else {
          scroll().fling(gesture.velocity, event.time_ms);
        }
        break;
    }
  }
}

void KioskUi::key(Key key, std::int64_t monotonic_ms) {
  navigation_.touched(monotonic_ms);
  const bool rtl = navigation_.language() == Language::kUrdu;
  std::vector<const HitTarget*> content;
  for (const HitTarget& target : targets_) {
    if (opens_detail(target.action)) content.push_back(&target);
  }
  const float page = content_box().h * 0.8f;
  switch (key) {
    case Key::kLeft:
      swipe(rtl ? +1 : -1, monotonic_ms);
      break;
    case Key::kRight:
      swipe(rtl ? -1 : +1, monotonic_ms);
      break;
    case Key::kUp:
    case Key::kDown: {
      if (content.empty()) break;
      const int step = key == Key::kDown ? 1 : -1;
      focus_ = std::clamp(focus_ + step, 0, static_cast<int>(content.size()) - 1);
      // Keep the focused item in view.
      const Box& box = content[focus_]->box;
      const Box view = content_box();
      if (box.bottom() > view.bottom())
        scroll().scroll_to(scroll().offset() + box.bottom() - view.bottom());
      if (box.y < view.y) scroll().scroll_to(scroll().offset() - (view.y - box.y));
      break;
    }
    case Key::kPageDown:
      scroll().scroll_to(scroll().offset() + page);
      break;
    case Key::kPageUp:
      scroll().scroll_to(scroll().offset() - page);
      break;
    case Key::kEnter:
      if (focus_ >= 0 && focus_ < static_cast<int>(content.size())) {
        activate(content[focus_]->action, monotonic_ms);
      }
      break;
    case Key::kEscape:
      if (!navigation_.back()) navigation_.home();
      focus_ = -1;
      start_transition(monotonic_ms, -1);
      break;
    case Key::kHome:
      navigation_.home();
      focus_ = -1;
      break;
    case Key::kLanguage:
      activate(ToggleLanguage{}, monotonic_ms);
      break;
    case Key::kServiceOverlay:
      service_panel_open_ = !service_panel_open_;
      break;
  }
  invalidate();
}

void KioskUi::wheel(const WheelEvent& event, std::int64_t monotonic_ms) {
  navigation_.touched(monotonic_ms);
  scroll().scroll_to(scroll().offset() - event.dy * 0.08f * theme_.s);
  invalidate();
}

void KioskUi::activate(const UiAction& action, std::int64_t monotonic_ms) {
  focus_ = -1;
  std::visit(
      [&](const auto& chosen) {
        using Chosen = std::decay_t<decltype(chosen)>;
        if constexpr (std::is_same_v<Chosen, Route>) {
          navigation_.open(chosen);
          scroll().scroll_to(0);
          other_rooms_ = false;
          start_transition(monotonic_ms, +1);
          if (chosen.kind == ScreenKind::kSession && !swipe_hint_seen_) {
            swipe_hint_seen_ = true;
            swipe_hint_start_ms_ = monotonic_ms;
          }
        } else if constexpr (std::is_same_v<Chosen, ShowTab>) {
          navigation_.show_tab(chosen.tab);
          if (navigation_.current().kind == ScreenKind::kAgenda) scroll_to_now_ = true;
          if (live_ && live_->day.index >= 0) navigation_.set_day(live_->day.index);
        } else if constexpr (std::is_same_v<Chosen, ShowDay>) {
          navigation_.set_day(chosen.day);
          scroll_to_now_ = true;
        } else if constexpr (std::is_same_v<Chosen, ToggleLanguage>) {
          navigation_.toggle_language();
        } else if constexpr (std::is_same_v<Chosen, GoBack>) {
          navigation_.back();
          other_rooms_ = false;
          start_transition(monotonic_ms, -1);
        } else if constexpr (std::is_same_v<Chosen, DismissNotice>) {
          for (const Announcement& announcement : announcements_) {
            if (announcement.urgent) dismissed_.push_back(announcement.id);
          }
        } else if constexpr (std::is_same_v<Chosen, StepSession>) {
          step_session(chosen.step, monotonic_ms);
        } else if constexpr (std::is_same_v<Chosen, ToggleOtherRooms>) {
          other_rooms_ = !other_rooms_;
          scroll().scroll_to(0);
        }
      },
      action);
  invalidate();
}

void KioskUi::swipe(int step, std::int64_t monotonic_ms) {
  if (navigation_.current().kind == ScreenKind::kAgenda && agenda_) {
    const int days = static_cast<int>(agenda_->days().size());
    const int day = navigation_.day() + step;
    if (day >= 0 && day < days) {
      navigation_.set_day(day);
      scroll_to_now_ = true;
      start_transition(monotonic_ms, step);
      invalidate();
      return;
    }
  }
  if (navigation_.current().kind == ScreenKind::kSession && step_session(step, monotonic_ms)) {
    return;
  }
  if (navigation_.can_go_back()) {
    if (step < 0) {
      navigation_.back();
      other_rooms_ = false;
      start_transition(monotonic_ms, -1);
    }
  } else {
    navigation_.step_tab(step);
    if (navigation_.current().kind == ScreenKind::kAgenda) scroll_to_now_ = true;
    start_transition(monotonic_ms, step);
  }
  invalidate();
}

bool KioskUi::turns_card_pages() const {
  return card_pages_ > 1 && options_.room_id.empty() &&
         navigation_.current().kind == ScreenKind::kNowNext;
}

void KioskUi::turn_card_page(int step, std::int64_t monotonic_ms) {
  card_page_ = ((card_page_ + step) % card_pages_ + card_pages_) % card_pages_;
  card_page_since_ms_ = monotonic_ms;
  invalidate();
}

// A finger held still for kStaffHoldMs: on an urgent announcement it hides it; at the clock's
// end of the top bar (never on Back, which is at the start edge) it opens the service panel.
void KioskUi::staff_hold(const Gesture& gesture, std::int64_t monotonic_ms) {
  if (urgent_shown() && content_box().contains(gesture.x, gesture.y)) {
    activate(DismissNotice{}, monotonic_ms);
    return;
  }
  const bool rtl = navigation_.language() == Language::kUrdu;
  const float corner = 0.3f * theme_.width;
  const bool at_clock = gesture.y < theme_.top_bar() &&
                        (rtl ? gesture.x < corner : gesture.x > theme_.width - corner);
  if (at_clock) service_panel_open_ = true;
}

bool KioskUi::urgent_shown() const {
  return std::any_of(announcements_.begin(), announcements_.end(), [&](const Announcement& a) {
    return a.urgent && std::find(dismissed_.begin(), dismissed_.end(), a.id) == dismissed_.end();
  });
}

bool KioskUi::step_session(int step, std::int64_t monotonic_ms) {
  if (navigation_.current().kind != ScreenKind::kSession) return false;
  const live::LiveSession* shown = nullptr;
  for (const live::LiveSession& session : sessions_) {
    if (session.session->id == navigation_.current().id) shown = &session;
  }
  const live::LiveSession* neighbour = shown ? session_in_room(sessions_, *shown, step) : nullptr;
  if (!neighbour) return false;
  navigation_.replace(Route{ScreenKind::kSession, neighbour->session->id});
  scroll().scroll_to(0);
  other_rooms_ = false;
  swipe_hint_start_ms_ = -1;  // the visitor has found the way: no hint needed
  start_transition(monotonic_ms, step);
  invalidate();
  return true;
}

float KioskUi::swipe_hint_opacity() const {
  if (swipe_hint_start_ms_ < 0 || navigation_.current().kind != ScreenKind::kSession) return 0;
  const std::int64_t shown = monotonic_ms_ - swipe_hint_start_ms_;
  if (shown < kHintShownMs) return 1;
  return std::max(0.0f, 1.0f - static_cast<float>(shown - kHintShownMs) / kHintFadeMs);
}

void KioskUi::show(Route route) {
  if (route.kind == ScreenKind::kSession || route.kind == ScreenKind::kSpeaker) {
    navigation_.home();
    navigation_.open(std::move(route));
  } else {
    navigation_.show_tab(route.kind);
  }
  if (live_ && live_->day.index >= 0) navigation_.set_day(live_->day.index);
  scroll_to_now_ = true;
  transition_start_ms_ = -1;
  invalidate();
}

std::optional<Route> KioskUi::sample_route(ScreenKind kind) const {
  if (!agenda_) return std::nullopt;
  if (kind == ScreenKind::kSession) {
    // What is on now in the first room with something on, else the next session.
    if (live_) {
      for (const auto& room : live_->rooms) {
        if (room.now) return Route{kind, room.now->live.session->id};
      }
      for (const auto& room : live_->rooms) {
        if (room.next) return Route{kind, room.next->live.session->id};
      }
    }
    if (!agenda_->sessions().empty()) return Route{kind, agenda_->sessions().front().id};
  }
  if (kind == ScreenKind::kSpeaker && !agenda_->speakers().empty()) {
    return Route{kind, agenda_->speakers().front().id};
  }
  return std::nullopt;
}

// [SECTION] Time ------------------------------------------------------------------------------

void KioskUi::start_transition(std::int64_t monotonic_ms, int reading_step) {
  transition_start_ms_ = monotonic_ms;
  transition_step_ = reading_step;
}

void KioskUi::update(live::Timestamp now, std::int64_t monotonic_ms) {
  now_ = now;
  monotonic_ms_ = monotonic_ms;
  refresh_live(false);
  if (!confirmation_.empty()) {
    if (confirmation_until_ms_ < 0) confirmation_until_ms_ = monotonic_ms + kConfirmationMs;
    if (monotonic_ms >= confirmation_until_ms_) {
      confirmation_.clear();
      invalidate();
    }
  }
  if (navigation_.tick(monotonic_ms)) {
    scroll_to_now_ = true;
    focus_ = -1;
    other_rooms_ = false;
    swipe_hint_seen_ = false;  // whoever touches next is a new visitor
    swipe_hint_start_ms_ = -1;
    if (live_ && live_->day.index >= 0) navigation_.set_day(live_->day.index);
    start_transition(monotonic_ms, +1);
    invalidate();
  }
  if (const auto gesture = gestures_.poll(monotonic_ms)) staff_hold(*gesture, monotonic_ms);
  if (card_page_since_ms_ < 0) card_page_since_ms_ = monotonic_ms;
  if (turns_card_pages() && !gestures_.active() &&
      monotonic_ms - card_page_since_ms_ >= kCardPageMs) {
    turn_card_page(+1, monotonic_ms);
  }
  if (scroll().update(monotonic_ms)) invalidate();
  if (transition_start_ms_ >= 0) {
    if (monotonic_ms - transition_start_ms_ >= kTransitionMs) transition_start_ms_ = -1;
    invalidate();
  }
  if (swipe_hint_start_ms_ >= 0) {
    const std::int64_t shown = monotonic_ms - swipe_hint_start_ms_;
    if (shown >= kHintShownMs) invalidate();  // fading, or just gone
    if (shown >= kHintShownMs + kHintFadeMs) swipe_hint_start_ms_ = -1;
  }
  // The clock on screen shows minutes: redraw when the minute's text changes.
  const std::string minute = format_.time(now.utc_seconds());
  if (minute != last_minute_text_) {
    last_minute_text_ = minute;
    invalidate();
  }
  const bool ticker = std::any_of(announcements_.begin(), announcements_.end(),
                                  [](const Announcement& a) { return !a.urgent; });
  if (ticker) invalidate();
}

std::int64_t KioskUi::next_wakeup_ms() const {
  const bool ticker = std::any_of(announcements_.begin(), announcements_.end(),
                                  [](const Announcement& a) { return !a.urgent; });
  const auto scroll = scrolls_.find(scroll_key());
  const bool moving = transition_start_ms_ >= 0 || gestures_.active() || ticker ||
                      (scroll != scrolls_.end() && scroll->second.moving());
  const bool fading =
      swipe_hint_start_ms_ >= 0 && monotonic_ms_ - swipe_hint_start_ms_ >= kHintShownMs;
  if (moving || fading) return monotonic_ms_ + kFrameMs;
  std::int64_t wake = navigation_.next_deadline_ms();
  if (!confirmation_.empty() && confirmation_until_ms_ >= 0)
    wake = std::min(wake, confirmation_until_ms_);
  if (turns_card_pages()) wake = std::min(wake, card_page_since_ms_ + kCardPageMs);
  if (swipe_hint_start_ms_ >= 0) wake = std::min(wake, swipe_hint_start_ms_ + kHintShownMs);
  // The next change of the live state (a start, an end, a minute) on the venue's clock, which
  // may run faster than real time in a rehearsal: the caller scales it; here in real ms at 1x.
  const std::int64_t to_next_minute = 60'000 - (now_.utc_ms % 60'000);
  wake = std::min(wake, monotonic_ms_ + to_next_minute);
  if (live_)
    wake = std::min(
        wake, monotonic_ms_ + std::max<std::int64_t>(0, live_->next_change.utc_ms - now_.utc_ms));
  return std::max(wake, monotonic_ms_ + 1);
}

InertialScroll& KioskUi::scroll() {
  return scrolls_[scroll_key()];
}

std::string KioskUi::scroll_key() const {
  const Route& route = navigation_.current();
  std::string key = screen_name(route.kind);
  if (route.kind == ScreenKind::kAgenda) key += ":" + std::to_string(navigation_.day());
  return key + ":" + route.id;
}

Box KioskUi::content_box() const {
  return {0, theme_.top_bar(), theme_.width,
          theme_.height - theme_.top_bar() - theme_.bottom_bar()};
}

// [SECTION] The frame ---------------------------------------------------------------------------

const DrawList& KioskUi::frame() {
  changed_ = false;
  // A second pass only when the first moved the scroll (the agenda opening at now).
  for (int pass = 0; pass < 2 && dirty_; ++pass) {
    dirty_ = false;
    DrawList next = build_frame();
    changed_ = changed_ || !(next == list_);
    list_ = std::move(next);
  }
  return list_;
}

DrawList KioskUi::build_frame() {
  DrawList next;
  Painter painter(next, typesetter_, theme_, navigation_.language());
  const Box content = draw_frame(painter, frame_info());
  if (!agenda_ || !live_) {
    painter.text(ui_string(UiString::kNoSessions, navigation_.language()),
                 {content.x, content.y + content.h / 3, content.w, 0},
                 {TextRole::kScreenTitle, colors::kSecondary, Edge::kCenter});
  } else {
    next.push_clip(content);
    draw_screen(painter, content);
    next.pop_clip();
    draw_focus(painter);
  }
  draw_urgent_announcement(painter);
  targets_ = std::move(painter.targets());
  return next;
}

// What the top and bottom bars show around every screen.
FrameInfo KioskUi::frame_info() const {
  const Language language = navigation_.language();
  FrameInfo info;
  if (clock_trusted_) {
    info.time = format_.time(now_.utc_seconds());
    info.date = format_.date(now_.utc_seconds(), language);
    info.short_date = format_.day(now_.utc_seconds(), language);
    if (rehearsal_) {
      const std::string_view label = ui_string(UiString::kRehearsalTime, language);
      info.date = std::string(label) + " · " + info.date;
      info.short_date = std::string(label) + " · " + info.short_date;
      info.shortest_date = label;
      info.rehearsal = true;
    }
  } else {
    info.time = "--:--";
  }
  info.show_back = navigation_.can_go_back();
  if (!navigation_.can_go_back()) info.tab = navigation_.current().kind;
  for (const Announcement& announcement : announcements_) {
    if (!announcement.urgent && info.ticker.empty())
      info.ticker = localized(announcement.text, language);
  }
  info.ticker_offset = (monotonic_ms_ - ticker_start_ms_) / 1000.0f * kTickerSpeed * theme_.width;
  info.notice = notice_;
  info.board_notice = board_notice_;
  info.confirmation = confirmation_;
  if (language == Language::kEnglish && confirmation_.size() == 2)
    std::swap(info.confirmation[0], info.confirmation[1]);
  if (agenda_) info.title = localized(agenda_->conference().title, language);
  return info;
}

// A sliding screen enters from the side it comes from in the reading order.
Box KioskUi::sliding(const Box& content) const {
  Box shifted = content;
  if (transition_start_ms_ >= 0) {
    const float t =
        std::clamp((monotonic_ms_ - transition_start_ms_) / float(kTransitionMs), 0.0f, 1.0f);
    const float eased = 1 - (1 - t) * (1 - t);
    const bool urdu = navigation_.language() == Language::kUrdu;
    const float direction = (urdu ? -1.0f : 1.0f) * transition_step_;
    shifted.x += (1 - eased) * direction * content.w * 0.25f;
  }
  return shifted;
}

// The current route's screen in the content area, scrolled; the agenda first opens at now.
void KioskUi::draw_screen(Painter& painter, const Box& content) {
  const Language language = navigation_.language();
  // With an untrustworthy clock no session is marked running or finished.
  constexpr live::Timestamp kNoNow{std::numeric_limits<std::int64_t>::min() / 4};
  const ScreenContext context{
      *agenda_, *live_,   sessions_,          clock_trusted_ ? now_ : kNoNow,
      format_,  language, options_.asset_dir, &row_heights_};
  const Box shifted = sliding(content);
  const Route& route = navigation_.current();
  InertialScroll& scroller = scroll();
  float height = 0;
  switch (route.kind) {
    case ScreenKind::kNowNext:
      if (!clock_trusted_) {
        painter.text(ui_string(UiString::kClockNotSet, language),
                     {content.x + 2 * theme_.margin(), content.y + content.h / 4,
                      content.w - 4 * theme_.margin(), 0},
                     {TextRole::kScreenTitle, colors::kDelayed, Edge::kCenter, 4, true});
        break;
      }
      if (options_.room_id.empty()) {
        const NowNextPages pages = draw_now_next_screen(painter, context, shifted, card_page_);
        card_pages_ = pages.count;
        card_page_ = pages.shown;
      } else {
        height =
            draw_room_door_screen(painter, context, shifted, options_.room_id, scroller.offset());
      }
      break;
    case ScreenKind::kAgenda: {
      float now_y = -1;
      height = draw_agenda_screen(painter, context, shifted, navigation_.day(), scroller.offset(),
                                  &now_y);
      if (scroll_to_now_) {
        scroll_to_now_ = false;
        scroller.set_extent(height, content.h);
        if (now_y > 0 && std::abs(now_y - scroller.offset()) > 1) {
          scroller.scroll_to(now_y - theme_.gap());
          dirty_ = true;  // draw again at the new offset
        }
      }
      break;
    }
    case ScreenKind::kSession:
      height = draw_session_screen(painter, context, shifted, route.id, scroller.offset(),
                                   {other_rooms_, swipe_hint_opacity()});
      break;
    case ScreenKind::kSpeakers:
      height = draw_speakers_screen(painter, context, shifted, scroller.offset());
      break;
    case ScreenKind::kSpeaker:
      height = draw_speaker_screen(painter, context, shifted, route.id, scroller.offset());
      break;
  }
  scroller.set_extent(height, content.h);
}

// Keyboard focus: an outline around the focused session or speaker.
void KioskUi::draw_focus(Painter& painter) const {
  int index = 0;
  for (const HitTarget& target : painter.targets()) {
    if (!opens_detail(target.action)) continue;
    if (index++ != focus_) continue;
    const Box& box = target.box;
    const float w = std::max(3.0f, 0.004f * theme_.s);
    painter.fill({box.x - w, box.y - w, box.w + 2 * w, w}, colors::kNow);
    painter.fill({box.x - w, box.bottom(), box.w + 2 * w, w}, colors::kNow);
    painter.fill({box.x - w, box.y, w, box.h}, colors::kNow);
    painter.fill({box.right(), box.y, w, box.h}, colors::kNow);
  }
}

// An urgent announcement covers the content in both languages, the UI's first, until it
// expires or is withdrawn; a tap does nothing, staff hide it by holding a finger on it.
void KioskUi::draw_urgent_announcement(Painter& painter) const {
  const Language language = navigation_.language();
  for (const Announcement& announcement : announcements_) {
    if (!announcement.urgent ||
        std::find(dismissed_.begin(), dismissed_.end(), announcement.id) != dismissed_.end()) {
      continue;
    }
    const Box area = content_box();
    painter.fill(area, colors::kCancelled);
    const float margin = 2 * theme_.margin();
    const Box inner{area.x + margin, area.y + margin, area.w - 2 * margin, area.h - 2 * margin};
    const Language other = language == Language::kUrdu ? Language::kEnglish : Language::kUrdu;
    std::vector<std::string> texts = {localized(announcement.text, language)};
    if (const std::string& second = localized(announcement.text, other); second != texts[0]) {
      texts.push_back(second);
    }
    // The largest size at which both fit whole.
    std::vector<std::shared_ptr<const text::ParagraphLayout>> laid;
    for (const TextRole role : {TextRole::kHero, TextRole::kScreenTitle, TextRole::kBody}) {
      laid.clear();
      float height = (texts.size() - 1) * 2 * theme_.gap();
      for (const std::string& words : texts) {
        laid.push_back(
            painter.layout(words, inner.w, {role, colors::kOnGold, Edge::kCenter, 4, true}));
        height += laid.back()->height;
      }
      if (height <= inner.h) break;
    }
    float height = (laid.size() - 1) * 2 * theme_.gap();
    for (const auto& one : laid)
      height += one->height;
    float y = inner.y + std::max(0.0f, (inner.h - height) / 2);
    for (std::size_t i = 0; i < laid.size(); ++i) {
      if (i > 0) {
        painter.fill({inner.x + inner.w / 4, y + theme_.gap() - 1, inner.w / 2, 2},
                     colors::kOnGold);
        y += 2 * theme_.gap();
      }
      y += painter.place(laid[i], {inner.x, y, inner.w, 0}, colors::kOnGold);
    }
    painter.target(area, Covered{});  // a tap on the notice does nothing
    return;
  }
}

}  // namespace ijlas::ui
