#include "ui/now_next_screen.hpp"

#include <algorithm>
#include <cmath>

#include "ui/badge.hpp"
#include "ui/progress_bar.hpp"
#include "ui/session_row.hpp"

namespace ijlas::ui {
namespace {

struct CardStyle {
  TextRole room = TextRole::kBody;
  TextRole title = TextRole::kSessionTitle;
  TextRole label = TextRole::kMeta;
  TextRole next_title = TextRole::kBody;
  int title_lines = 3;
  int speaker_lines = 2;
  int next_lines = 2;
  // NOW and NEXT at the start of their time lines instead of on lines of their own: compact
  // cards, so that a page holds more rooms.
  bool badges_in_time_lines = false;
};

// The room-door screen's NOW block, from the largest to the smallest that still reads from the
// corridor: the first that fits the screen is used.
constexpr CardStyle kDoorStyles[] = {
    {TextRole::kScreenTitle, TextRole::kHero, TextRole::kBody, TextRole::kSessionTitle, 3, 2},
    {TextRole::kScreenTitle, TextRole::kScreenTitle, TextRole::kBody, TextRole::kSessionTitle, 2,
     2},
    {TextRole::kBody, TextRole::kSessionTitle, TextRole::kMeta, TextRole::kBody, 2, 1},
    {TextRole::kBody, TextRole::kBody, TextRole::kMeta, TextRole::kMeta, 2, 1},
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

float draw_card(Painter& p, const ScreenContext& context, const live::RoomNowNext& room,
                const Box& card, const CardStyle& style) {
  const Theme& t = p.theme();
  const Language language = context.language;
  const std::size_t first_command = p.list().commands().size();
  const Box area{card.x + 2 * t.gap(), card.y, card.w - 4 * t.gap(), card.h};
  float y = card.y + t.gap();
  y += p.text(room_label(*room.room, language), {area.x, y, area.w, 0},
              {style.room, colors::kSecondary, Edge::kStart, 1, true});
  p.fill({area.x, y, area.w, 2}, colors::kDivider);
  y += t.gap();

  // A badge, then the time range at the start edge and its countdown at the end, on one line.
  const auto badge_and_times =
      [&](UiString word, Color background, Color color,
          const std::shared_ptr<const text::ParagraphLayout>& range, Color range_color,
          const std::shared_ptr<const text::ParagraphLayout>& end, Color end_color) {
        const Box badge = draw_badge(p, ui_string(word, language), area, y, background, color);
        const float indent = badge.w + t.gap();
        const Box rest = p.from_start(area, indent, area.w - indent, area.y, area.h);
        y += std::max(badge.h, p.place_pair(range, range_color, end, end_color, rest, y));
      };

  if (room.now) {
    const live::LiveSession& now = room.now->live;
    // Time and minutes left on one line: the range at the start edge, the minutes at the end.
    const auto range = p.layout(time_range(context, now.start, now.end), 0,
                                {style.label, colors::kText, Edge::kStart, 1});
    const auto left =
        p.layout(fill(UiString::kMinutesLeft, language, std::to_string(room.now->minutes_left)), 0,
                 {style.label, colors::kProgress, Edge::kEnd, 1, true});
    if (style.badges_in_time_lines) {
      badge_and_times(UiString::kNow, colors::kNow, colors::kOnGold, range, colors::kText, left,
                      colors::kProgress);
    } else {
      y +=
          draw_badge(p, ui_string(UiString::kNow, language), area, y, colors::kNow, colors::kOnGold)
              .h;
    }
    y += 0.5f * t.gap();  // the badge does not touch the title
    y += p.text(localized(now.session->title, language), {area.x, y, area.w, 0},
                {style.title, colors::kText, Edge::kStart, style.title_lines, true});
    y += 0.004f * t.s;
    const std::string names = speaker_names(context, *now.session);
    if (!names.empty()) {
      y += p.text(names, {area.x, y, area.w, 0},
                  {style.label, colors::kSecondary, Edge::kStart, style.speaker_lines});
    }
    const StatusLabel status = status_label(context, *now.session);
    if (!status.text.empty()) {
      y += p.text(status.text, {area.x, y, area.w, 0},
                  {style.label, status.color, Edge::kStart, 1, true});
    }
    y += 0.5f * t.gap();  // the speakers do not touch the times (or the bar)
    if (!style.badges_in_time_lines)
      y += p.place_pair(range, colors::kText, left, colors::kProgress, area, y);
    y += draw_progress_bar(p, area, y, room.now->progress) + 2 * t.gap();
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
    if (style.badges_in_time_lines) {
      badge_and_times(UiString::kNext, colors::kDivider, colors::kText, range, colors::kSecondary,
                      countdown, colors::kNow);
    } else {
      y += draw_badge(p, ui_string(UiString::kNext, language), area, y, colors::kDivider,
                      colors::kText)
               .h;
    }
    y += 0.5f * t.gap();
    y += p.text(localized(next.session->title, language), {area.x, y, area.w, 0},
                {style.next_title, colors::kText, Edge::kStart, style.next_lines});
    if (!style.badges_in_time_lines) {
      y += 0.5f * t.gap();
      y += p.place_pair(range, colors::kSecondary, countdown, colors::kNow, area, y);
    }
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
  // Nastaliq ink hangs below its line box: the card ends below the lowest ink.
  float bottom = y;
  const auto& commands = p.list().commands();
  for (std::size_t i = first_command; i < commands.size(); ++i) {
    if (const auto* text = std::get_if<DrawText>(&commands[i]))
      bottom = std::max(bottom, text->bounds.bottom());
  }
  return bottom + t.gap() - card.y;
}

// Cards when they do not all fit on one screen: more rooms on each page.
constexpr CardStyle kCompactCard = {
    TextRole::kMeta, TextRole::kBody, TextRole::kMeta, TextRole::kMeta, 2, 1, 1, true};
// And when even one compact card is taller than a page (Urdu on a portrait screen).
constexpr CardStyle kSmallestCard = {
    TextRole::kMeta, TextRole::kMeta, TextRole::kMeta, TextRole::kMeta, 2, 1, 1, true};

}  // namespace

NowNextPages draw_now_next_screen(Painter& p, const ScreenContext& context, const Box& content,
                                  int page) {
  const Theme& t = p.theme();
  const auto& rooms = context.live.rooms;
  const int count = static_cast<int>(rooms.size());
  const int columns = t.portrait() ? 1 : std::clamp(count, 1, 3);
  const Box area{content.x + t.margin(), content.y + t.margin(), content.w - 2 * t.margin(),
                 content.h - 2 * t.margin()};
  // Honest about the default agenda: a sample, not the official programme. Whole, unless a
  // card would not fit beside it (Urdu in portrait): then on one line.
  std::shared_ptr<const text::ParagraphLayout> note;
  const auto note_of = [&](int lines) -> std::shared_ptr<const text::ParagraphLayout> {
    if (!context.agenda.conference().is_sample) return nullptr;
    const std::string& words = localized(context.agenda.conference().note, context.language);
    return p.layout(words.empty()
                        ? std::string(ui_string(UiString::kSampleProgramme, context.language))
                        : words,
                    area.w, {TextRole::kMeta, colors::kSecondary, Edge::kCenter, lines});
  };
  const auto cards_for = [&](const std::shared_ptr<const text::ParagraphLayout>& footer) {
    const float h = footer ? footer->height + t.gap() : 0;
    return Box{area.x, area.y, area.w, area.h - h};
  };
  note = note_of(3);
  Box cards = cards_for(note);
  const float card_w = (cards.w - (columns - 1) * t.gap()) / columns;
  const int rows = (count + columns - 1) / columns;
  // Each card's content height, measured by drawing it aside (the layouts are cached, so the
  // real pass below shapes nothing new): full cards, or compact ones when not all fit.
  struct Measured {
    std::vector<float> heights;  // of the rows from..to
    std::vector<bool> cut;       // a text of the row ends in an ellipsis
  };
  const auto heights_of = [&](const CardStyle& with, int from, int to) {
    Measured rows_of{std::vector<float>(to - from, 0.0f), std::vector<bool>(to - from, false)};
    DrawList scratch;
    Painter measure(scratch, p.typesetter(), t, p.language());
    for (int i = from * columns; i < std::min(count, to * columns); ++i) {
      const std::size_t first = scratch.commands().size();
      const float needed = draw_card(measure, context, rooms[i], {0, 0, card_w, cards.h}, with);
      const int row = i / columns - from;
      rows_of.heights[row] = std::max(rows_of.heights[row], needed);
      for (std::size_t k = first; k < scratch.commands().size(); ++k) {
        if (const auto* text = std::get_if<DrawText>(&scratch.commands()[k])) {
          for (const text::LayoutLine& line : text->layout->lines)
            if (line.ellipsized) rows_of.cut[row] = true;
        }
      }
    }
    return rows_of;
  };
  const float dots_h = 0.03f * t.s;
  // The first row of each page when rows of these heights go on pages of whole rows.
  const auto pages_of = [&](const std::vector<float>& heights, float page_h) {
    std::vector<int> first = {0};
    float used = 0;
    for (int row = 0; row < static_cast<int>(heights.size()); ++row) {
      const float h = heights[row] + (used > 0 ? t.gap() : 0);
      if (used > 0 && used + h > page_h) {
        first.push_back(row);
        used = heights[row];
      } else {
        used += h;
      }
    }
    return first;
  };
  CardStyle style;
  Measured measured_rows;
  const std::vector<float>& row_h = measured_rows.heights;
  float total = 0, tallest = 0;
  const auto measure_all = [&](const CardStyle& candidate) {
    style = candidate;
    measured_rows = heights_of(style, 0, rows);
    total = rows > 0 ? (rows - 1) * t.gap() : 0;
    for (float h : row_h)
      total += h;
    tallest = rows > 0 ? *std::max_element(row_h.begin(), row_h.end()) : 0;
  };
  // Full cards only when all fit; compact ones when each fits a page, the smallest instead when
  // they put more rooms on a page (a venue of 30 rooms on a portrait screen: fewer pages to wait
  // through for one's room).
  measure_all(CardStyle{});
  if (total > cards.h) {
    measure_all(kCompactCard);
    const bool compact_fits = tallest <= cards.h - dots_h;
    const std::size_t compact_pages = compact_fits ? pages_of(row_h, cards.h - dots_h).size() : 0;
    if (!compact_fits) {
      measure_all(kSmallestCard);
    } else if (total > cards.h && compact_pages > 1) {
      Measured compact = measured_rows;
      const float compact_total = total, compact_tallest = tallest;
      measure_all(kSmallestCard);
      const bool fewer_pages =
          tallest <= cards.h - dots_h && pages_of(row_h, cards.h - dots_h).size() < compact_pages;
      if (!fewer_pages) {
        style = kCompactCard;
        measured_rows = std::move(compact);
        total = compact_total;
        tallest = compact_tallest;
      }
    }
  }
  if (note && total > cards.h && tallest > cards.h - dots_h) {
    note = note_of(1);
    cards = cards_for(note);
    // Still no room for one whole row (a band above the bottom bar takes some): the note gives
    // way, since a card cut off is worse than a note left out for a while.
    if (total > cards.h && tallest > cards.h - dots_h) {
      note = nullptr;
      cards = cards_for(note);
    }
  }
  if (note) p.place(note, {area.x, area.bottom() - note->height, area.w, 0}, colors::kSecondary);
  // Rows that do not all fit go on pages of whole cards, which turn by themselves and by a
  // vertical swipe; dots under the cards say which page is shown.
  std::vector<int> first_rows = {0};
  if (total > cards.h) {
    cards.h -= dots_h;
    first_rows = pages_of(row_h, cards.h);
  }
  const int pages = static_cast<int>(first_rows.size());
  const int shown = ((page % pages) + pages) % pages;
  const int from = first_rows[shown];
  const int to = shown + 1 < pages ? first_rows[shown + 1] : rows;
  // Where the page has height to spare, its cards keep more lines of what they would cut, one
  // text at a time (speakers first) while the page still holds them: the same sizes on every
  // page, truncated only where the lines do not fit.
  const auto page_height = [&](const std::vector<float>& heights) {
    float h = (static_cast<float>(heights.size()) - 1) * t.gap();
    for (const float row : heights)
      h += row;
    return h;
  };
  Measured page_rows{{row_h.begin() + from, row_h.begin() + to},
                     {measured_rows.cut.begin() + from, measured_rows.cut.begin() + to}};
  const auto any_cut = [](const Measured& m) {
    return std::find(m.cut.begin(), m.cut.end(), true) != m.cut.end();
  };
  struct MoreLines {
    int CardStyle::*lines;
    int up_to;
  };
  for (const MoreLines more :
       {MoreLines{&CardStyle::speaker_lines, 2}, MoreLines{&CardStyle::next_lines, 2},
        MoreLines{&CardStyle::title_lines, 3}, MoreLines{&CardStyle::speaker_lines, 3},
        MoreLines{&CardStyle::next_lines, 3}}) {
    if (!any_cut(page_rows)) break;
    if (style.*more.lines >= more.up_to) continue;
    CardStyle roomier = style;
    roomier.*more.lines = more.up_to;
    Measured measured = heights_of(roomier, from, to);
    if (page_height(measured.heights) <= cards.h) {
      style = roomier;
      page_rows = std::move(measured);
    }
  }
  // The page's rows share what is left of the height.
  const float page_h = page_height(page_rows.heights);
  const float extra = to > from && page_h < cards.h ? (cards.h - page_h) / (to - from) : 0;
  p.list().push_clip(cards);
  float y = cards.y;
  for (int row = from; row < to; ++row) {
    const float h = page_rows.heights[row - from] + (pages == 1 ? extra : 0);
    for (int i = row * columns; i < std::min(count, (row + 1) * columns); ++i) {
      const Box card = p.from_start(cards, (i % columns) * (card_w + t.gap()), card_w, y, h);
      p.fill(card, colors::kCard, t.radius());
      draw_card(p, context, rooms[i], card, style);
    }
    y += h + t.gap();
  }
  p.list().pop_clip();
  if (pages > 1) {
    const float d = 0.012f * t.s, step = std::min(2.5f * d, cards.w / pages);
    // The first page's dot at the start edge: the right in Urdu.
    const float centre = cards.x + cards.w / 2, first = (pages - 1) * step / 2;
    const float dy = cards.bottom() + (dots_h - d) / 2;
    for (int i = 0; i < pages; ++i) {
      const float x = p.rtl() ? centre + first - i * step : centre - first + i * step;
      p.fill({x - d / 2, dy, d, d}, i == shown ? colors::kNow : colors::kDivider, d / 2);
    }
  }
  return {pages, shown};
}

float draw_room_door_screen(Painter& p, const ScreenContext& context, const Box& content,
                            const std::string& room_id, float scroll) {
  const Theme& t = p.theme();
  const live::RoomNowNext* room = nullptr;
  for (const auto& candidate : context.live.rooms) {
    if (candidate.room->id == room_id) room = &candidate;
  }
  if (!room) return 0;
  const Box area{content.x + t.margin(), content.y + t.margin(), content.w - 2 * t.margin(),
                 content.h - 2 * t.margin()};
  // The rest of the room's day: what is neither finished nor shown as NOW or NEXT above.
  const std::string shown_now = room->now ? room->now->live.session->id : "";
  const std::string shown_next = room->next ? room->next->live.session->id : "";
  std::vector<const live::LiveSession*> later;
  for (const live::LiveSession& session : context.sessions) {
    if (session.room != room_id || session.day_index != context.live.day.index) continue;
    if (live::slot_state(session, context.now) == live::SlotState::kFinished) continue;
    if (session.session->id == shown_now || session.session->id == shown_next) continue;
    later.push_back(&session);
  }
  // NOW and NEXT fill the screen, at the largest size that fits whole; with more sessions
  // later, they leave room for the heading and a row or two of them.
  const float list_min = later.empty() ? 0 : std::min(0.3f * area.h, 0.18f * t.s);
  CardStyle style = kDoorStyles[std::size(kDoorStyles) - 1];
  float hero_h = 0;
  {
    DrawList scratch;
    Painter measure(scratch, p.typesetter(), t, p.language());
    for (const CardStyle& candidate : kDoorStyles) {
      style = candidate;
      hero_h = draw_card(measure, context, *room, {0, 0, area.w, area.h}, style);
      if (hero_h + list_min <= area.h) break;
    }
  }
  if (later.empty()) hero_h = area.h;
  hero_h = std::min(hero_h, area.h);
  const Box hero{area.x, area.y, area.w, hero_h};
  p.fill(hero, colors::kCard, t.radius());
  p.list().push_clip(hero);
  draw_card(p, context, *room, hero, style);
  p.list().pop_clip();
  if (later.empty()) return content.h;

  float y = hero.bottom() + t.gap();
  y += p.text(ui_string(UiString::kUpNextInRoom, context.language), {area.x, y, area.w, 0},
              {TextRole::kBody, colors::kNow, Edge::kStart, 1, true});
  y += 0.5f * t.gap();
  const Box list{content.x, y, content.w, content.bottom() - y};
  p.list().push_clip(list, true);
  p.set_visible(list);
  float row_y = list.y - scroll;
  for (const live::LiveSession* session : later) {
    row_y += draw_session_row(p, context, *session, {area.x, 0, area.w, 0}, row_y, false) + t.gap();
  }
  p.set_visible({0, 0, 1e9f, 1e9f});
  p.list().pop_clip();
  // The scroll's extent: the list's rows in the list's height.
  return (row_y + scroll - list.y) + (content.h - list.h);
}

}  // namespace ijlas::ui
