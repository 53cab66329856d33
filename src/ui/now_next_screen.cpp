#include "ui/now_next_screen.hpp"

#include <algorithm>
#include <cmath>

#include "ui/session_row.hpp"

namespace ijlas::ui {
namespace {

struct CardStyle {
  TextRole title = TextRole::kSessionTitle;
  TextRole label = TextRole::kMeta;
  int title_lines = 2;
};

// "Break — resumes at 11:30", "Today is over — resumes Thursday at 09:00", ...
std::string room_message(const ScreenContext& context, const live::RoomNowNext& room) {
  const Language language = context.language;
  const live::LiveState& live = context.live;
  switch (room.state) {
    case live::RoomState::kRunning:
      return {};
    case live::RoomState::kBreak: {
      if (!room.next) return {};
      // A break after the room's first session of the day; before it, the room has not opened.
      const bool opened = std::any_of(
          context.sessions.begin(), context.sessions.end(), [&](const live::LiveSession& session) {
            return session.room == room.room->id && session.day_index == live.day.index &&
                   !session.cancelled() && session.end.utc_seconds <= context.now.utc_seconds();
          });
      return fill(opened ? UiString::kBreakUntil : UiString::kOpensAt, language,
                  context.format.time(room.next->live.start.utc_seconds));
    }
    case live::RoomState::kDayOver:
      if (live.next_day_starts) {
        return fill(UiString::kDayOverResumes, language,
                    context.format.day(live.next_day_starts->utc_seconds, language),
                    context.format.time(live.next_day_starts->utc_seconds));
      }
      return std::string(ui_string(UiString::kRoomDoneToday, language));
    case live::RoomState::kConferenceOver:
      return std::string(ui_string(UiString::kConferenceOver, language));
    case live::RoomState::kBeforeStart:
      if (live.conference_starts) {
        return fill(UiString::kStartsOn, language,
                    context.format.day(live.conference_starts->utc_seconds, language),
                    context.format.time(live.conference_starts->utc_seconds));
      }
      return {};
  }
  return {};
}

// A label in a pill ("NOW") at the start edge; returns its height.
float pill(Painter& p, std::string_view text, const Box& area, float y, Color background,
           Color color) {
  const Theme& t = p.theme();
  const auto laid = p.layout(text, 0, {TextRole::kMeta, color, Edge::kStart, 1, true});
  const Box box = p.from_start(area, 0, laid->width + 2 * t.gap(), y, laid->height);
  p.fill(box, background, t.radius());
  p.place(laid, {box.x + t.gap(), y, laid->width, 0}, color);
  return laid->height;
}

float draw_card(Painter& p, const ScreenContext& context, const live::RoomNowNext& room,
                const Box& card, const CardStyle& style) {
  const Theme& t = p.theme();
  const Language language = context.language;
  const Box area{card.x + 2 * t.gap(), card.y, card.w - 4 * t.gap(), card.h};
  float y = card.y + t.gap();
  y += p.text(localized(room.room->name, language), {area.x, y, area.w, 0},
              {TextRole::kBody, colors::kSecondary, Edge::kStart, 1, true});
  p.fill({area.x, y, area.w, 2}, colors::kDivider);
  y += t.gap();

  if (room.now) {
    const live::LiveSession& now = room.now->live;
    y += pill(p, ui_string(UiString::kNow, language), area, y, colors::kNow, colors::kOnGold);
    y += p.text(localized(now.session->title, language), {area.x, y, area.w, 0},
                {style.title, colors::kText, Edge::kStart, style.title_lines, true});
    y += 0.004f * t.s;
    const std::string names = speaker_names(context, *now.session);
    if (!names.empty()) {
      y +=
          p.text(names, {area.x, y, area.w, 0}, {style.label, colors::kSecondary, Edge::kStart, 1});
    }
    const StatusLabel status = status_label(context, *now.session);
    if (!status.text.empty()) {
      y += p.text(status.text, {area.x, y, area.w, 0},
                  {style.label, status.color, Edge::kStart, 1, true});
    }
    // Time and minutes left on one line: the range at the start edge, the minutes at the end.
    const auto range = p.layout(time_range(context, now.start, now.end), 0,
                                {style.label, colors::kText, Edge::kStart, 1});
    const auto left =
        p.layout(fill(UiString::kMinutesLeft, language, std::to_string(room.now->minutes_left)), 0,
                 {style.label, colors::kProgress, Edge::kEnd, 1, true});
    y += p.place_pair(range, colors::kText, left, colors::kProgress, area, y);
    // The bar fills in the reading direction.
    const float bar_h = std::max(6.0f, 0.012f * t.s);
    p.fill({area.x, y, area.w, bar_h}, colors::kDivider, bar_h / 2);
    const float done = std::clamp(static_cast<float>(room.now->progress), 0.0f, 1.0f) * area.w;
    p.fill(p.from_start(area, 0, done, y, bar_h), colors::kProgress, bar_h / 2);
    y += bar_h + 2 * t.gap();
  } else if (const std::string message = room_message(context, room); !message.empty()) {
    y += p.text(message, {area.x, y, area.w, 0}, {TextRole::kBody, colors::kText, Edge::kStart, 3});
    y += t.gap();
  }

  for (const live::LiveSession& cancelled : room.cancelled) {
    const std::string line = std::string(ui_string(UiString::kCancelled, language)) + ": " +
                             localized(cancelled.session->title, language);
    y += p.text(line, {area.x, y, area.w, 0}, {style.label, colors::kCancelled, Edge::kStart, 1});
  }

  if (room.next && room.state != live::RoomState::kConferenceOver) {
    p.fill({area.x, y, area.w, 2}, colors::kDivider);
    y += t.gap();
    const live::LiveSession& next = room.next->live;
    y += pill(p, ui_string(UiString::kNext, language), area, y, colors::kDivider, colors::kText);
    y += p.text(localized(next.session->title, language), {area.x, y, area.w, 0},
                {TextRole::kBody, colors::kText, Edge::kStart, 2});
    y += 0.004f * t.s;
    // The time at the start edge; the countdown (today, within the hour) or the day at the end.
    const bool today = next.day_index == context.live.day.index;
    std::string when;
    if (!today) {
      when = context.format.day(next.start.utc_seconds, language);
    } else if (room.next->minutes_until <= 60) {
      when = room.next->minutes_until <= 0
                 ? std::string(ui_string(UiString::kStartingNow, language))
                 : fill(UiString::kInMinutes, language, std::to_string(room.next->minutes_until));
    }
    const auto range = p.layout(time_range(context, next.start, next.end), 0,
                                {style.label, colors::kSecondary, Edge::kStart, 1});
    const auto countdown =
        when.empty() ? nullptr
                     : p.layout(when, 0, {style.label, colors::kNow, Edge::kEnd, 1, true});
    y += p.place_pair(range, colors::kSecondary, countdown, colors::kNow, area, y);
    const StatusLabel status = status_label(context, *next.session);
    if (!status.text.empty()) {
      y += p.text(status.text, {area.x, y, area.w, 0},
                  {style.label, status.color, Edge::kStart, 1, true});
    }
  }
  const std::string target = room.now    ? room.now->live.session->id
                             : room.next ? room.next->live.session->id
                                         : "";
  if (!target.empty()) p.target(card, Route{ScreenKind::kSession, target});
  return y + t.gap() - card.y;
}

}  // namespace

float draw_now_next_screen(Painter& p, const ScreenContext& context, const Box& content,
                           float scroll) {
  const Theme& t = p.theme();
  const auto& rooms = context.live.rooms;
  const int count = static_cast<int>(rooms.size());
  const int columns = t.portrait() ? 1 : std::clamp(count, 1, 3);
  const Box area{content.x + t.margin(), content.y + t.margin(), content.w - 2 * t.margin(),
                 content.h - 2 * t.margin()};
  float footer = 0;
  if (context.agenda.conference().is_sample) {
    // Honest about the default agenda: a sample, not the official programme.
    const std::string note = localized(context.agenda.conference().note, context.language);
    const auto laid = p.layout(
        note.empty() ? std::string(ui_string(UiString::kSampleProgramme, context.language)) : note,
        area.w, {TextRole::kMeta, colors::kSecondary, Edge::kCenter, 1});
    footer = laid->height;
    p.place(laid, {area.x, area.bottom() - footer, area.w, 0}, colors::kSecondary);
  }
  const Box cards{area.x, area.y, area.w, area.h - footer - (footer > 0 ? t.gap() : 0)};
  const float card_w = (cards.w - (columns - 1) * t.gap()) / columns;
  const int rows = (count + columns - 1) / columns;
  // Each card's content height, measured by drawing it aside (the layouts are cached, so the
  // real pass below shapes nothing new).
  std::vector<float> needed(count);
  {
    DrawList scratch;
    Painter measure(scratch, p.typesetter(), t, p.language());
    for (int i = 0; i < count; ++i) {
      needed[i] = draw_card(measure, context, rooms[i], {0, 0, card_w, cards.h}, {});
    }
  }
  // Rows share the height when everything fits; otherwise each row is as tall as its content
  // and the list scrolls.
  std::vector<float> row_h(rows, 0);
  for (int i = 0; i < count; ++i)
    row_h[i / columns] = std::max(row_h[i / columns], needed[i]);
  float total = (rows - 1) * t.gap();
  for (float h : row_h)
    total += h;
  if (total <= cards.h && rows > 0) {
    for (float& h : row_h)
      h += (cards.h - total) / rows;
    total = cards.h;
  }
  p.list().push_clip(cards);
  float y = cards.y - scroll;
  for (int row = 0; row < rows; ++row) {
    for (int i = row * columns; i < std::min(count, (row + 1) * columns); ++i) {
      if (y > cards.bottom() || y + row_h[row] < cards.y) continue;
      const Box card =
          p.from_start(cards, (i % columns) * (card_w + t.gap()), card_w, y, row_h[row]);
      p.fill(card, colors::kCard, t.radius());
      draw_card(p, context, rooms[i], card, {});
    }
    y += row_h[row] + t.gap();
  }
  p.list().pop_clip();
  return total + 2 * t.margin() + footer;
}

float draw_room_door_screen(Painter& p, const ScreenContext& context, const Box& content,
                            const std::string& room_id, float scroll) {
  const Theme& t = p.theme();
  const live::RoomNowNext* room = nullptr;
  for (const auto& candidate : context.live.rooms) {
    if (candidate.room->id == room_id) room = &candidate;
  }
  if (!room) return 0;
  const Box area{content.x + t.margin(), content.y + t.margin(), content.w - 2 * t.margin(), 0};
  p.list().push_clip(content);
  float y = area.y - scroll;
  const float hero_h = std::min(0.55f * content.h, 0.5f * t.s);
  const Box hero{area.x, y, area.w, hero_h};
  p.fill(hero, colors::kCard, t.radius());
  p.list().push_clip(hero);
  draw_card(p, context, *room, hero, {TextRole::kHero, TextRole::kBody, 2});
  p.list().pop_clip();
  y += hero_h + t.gap();
  p.set_visible(content);
  y += p.text(ui_string(UiString::kUpNextInRoom, context.language), {area.x, y, area.w, 0},
              {TextRole::kBody, colors::kNow, Edge::kStart, 1, true});
  const std::string shown_now = room->now ? room->now->live.session->id : "";
  for (const live::LiveSession& session : context.sessions) {
    if (session.room != room_id || session.day_index != context.live.day.index) continue;
    if (live::slot_state(session, context.now) == live::SlotState::kFinished) continue;
    if (session.session->id == shown_now) continue;
    y += draw_session_row(p, context, session, {area.x, 0, area.w, 0}, y, false) + t.gap();
  }
  p.set_visible({0, 0, 1e9f, 1e9f});
  p.list().pop_clip();
  return y + scroll - content.y + t.margin();
}

}  // namespace ijlas::ui
