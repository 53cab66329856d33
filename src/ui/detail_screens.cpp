// [SECTION] Shared pieces: headings, speaker chips and circles
// [SECTION] Agenda
// [SECTION] Session
// [SECTION] Speakers and speaker
#include "ui/detail_screens.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <vector>

#include "core/utf8.hpp"
#include "live/now_next.hpp"
#include "ui/badge.hpp"
#include "ui/progress_bar.hpp"
#include "ui/qr_code.hpp"
#include "ui/session_row.hpp"

namespace ijlas::ui {
namespace {

// [SECTION] Shared pieces -------------------------------------------------------------------------

// A circle with the speaker's initials, and their photo over it: the initials stay while the
// photo is being decoded, and when it cannot be shown.
void draw_portrait(Painter& p, const ScreenContext& context, const agenda::Speaker& speaker,
                   const Box& circle) {
  p.fill(circle, colors::kDivider, circle.w / 2);
  const std::string letters = initials_of(speaker);
  const auto text =
      p.layout(letters, circle.w, {TextRole::kSessionTitle, colors::kText, Edge::kCenter, 1, true});
  p.place(text, {circle.x, circle.y + (circle.h - text->height) / 2, circle.w, 0}, colors::kText);
  // Only a photo inside the agenda's own folder: no absolute path, no way up with "..".
  const std::filesystem::path named = speaker.photo;
  const bool inside =
      named.is_relative() && std::find(named.begin(), named.end(), "..") == named.end();
  if (!speaker.photo.empty() && inside) {
    std::filesystem::path path = named;
    if (!context.asset_dir.empty()) path = context.asset_dir / path;
    p.list().image(path.string(), circle, true);
  }
}

// The largest of the roles (given largest first) at which the text fits one line of the width,
// bold: names are shown whole, a size smaller rather than cut or broken.
std::optional<TextRole> largest_on_one_line(Painter& p, std::string_view text, float width,
                                            std::initializer_list<TextRole> roles) {
  for (const TextRole role : roles) {
    if (p.measure(text, {role, colors::kText, Edge::kStart, 1, true}) <= std::floor(width))
      return role;
  }
  return std::nullopt;
}

float heading(Painter& p, std::string_view text, const Box& area, float y) {
  return p.text(text, {area.x, y, area.w, 0},
                {TextRole::kBody, colors::kNow, Edge::kStart, 1, true});
}

}  // namespace

std::string initials_of(const agenda::Speaker& speaker) {
  if (!speaker.name.en.empty()) {
    // The first and last names, after titles such as "Ambassador" or "Dr.".
    static const std::vector<std::string> kTitles = {
        "Ambassador", "Dr", "Dr.", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Prof", "Prof."};
    std::vector<std::string> words;
    std::string word;
    for (const char c : speaker.name.en + " ") {
      if (!std::isspace(static_cast<unsigned char>(c))) {
        word += c;
      } else if (!word.empty()) {
        if (!(words.empty() && std::find(kTitles.begin(), kTitles.end(), word) != kTitles.end())) {
          words.push_back(word);
        }
        word.clear();
      }
    }
    std::string out;
    if (!words.empty()) out += words.front().front();
    if (words.size() > 1) out += words.back().front();
    if (!out.empty() && std::isalpha(static_cast<unsigned char>(out.front()))) return out;
  }
  const std::string& name = speaker.name.ur;
  if (name.empty()) return "?";
  std::size_t offset = 0;
  utf8::decode(name, offset);
  return name.substr(0, offset);
}

// [SECTION] Agenda
// ----------------------------------------------------------------------------------

float draw_agenda_screen(Painter& p, const ScreenContext& context, const Box& content, int day,
                         float scroll, float* now_y) {
  const Theme& t = p.theme();
  const auto days = context.agenda.days();
  // Day tabs.
  const float tabs_h = t.touch() * 1.1f;
  const float tab_w =
      days.empty() ? 0 : std::min(0.45f * t.s, (content.w - 2 * t.margin()) / days.size());
  // "Day 1 — Wednesday 26 November" on every tab, or only the dates when one of them would not
  // fit (measured bold, as the selected tab is drawn).
  bool numbered = true;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const std::string label =
        fill(UiString::kDay, context.language, std::to_string(days[i].index)) + " — " +
        context.format.day(days[i].start.utc_seconds, context.language);
    if (p.measure(label, {TextRole::kMeta, colors::kText, Edge::kCenter, 1, true}) >
        tab_w - 3 * t.gap()) {
      numbered = false;
    }
  }
  for (std::size_t i = 0; i < days.size(); ++i) {
    const Box tab =
        p.from_start(content, t.margin() + i * tab_w, tab_w - t.gap(), content.y + t.gap(), tabs_h);
    const bool active = static_cast<int>(i) == day;
    p.fill(tab, active ? colors::kNow : colors::kCard, tab.h / 2);
    const std::string date = context.format.day(days[i].start.utc_seconds, context.language);
    const std::string label =
        numbered
            ? fill(UiString::kDay, context.language, std::to_string(days[i].index)) + " — " + date
            : date;
    const Color color = active ? colors::kOnGold : colors::kText;
    const auto text =
        p.layout(label, tab.w - 2 * t.gap(), {TextRole::kMeta, color, Edge::kCenter, 1, active});
    p.place(text, {tab.x + t.gap(), tab.y + (tab.h - text->height) / 2, tab.w - 2 * t.gap(), 0},
            color);
    p.target(tab, ShowDay{static_cast<int>(i)});
  }
  const Box list{content.x + t.margin(), content.y + tabs_h + 2 * t.gap(),
                 content.w - 2 * t.margin(), content.bottom() - content.y - tabs_h - 2 * t.gap()};
  if (days.empty() || day < 0 || day >= static_cast<int>(days.size())) return 0;

  // The day's rows, measured once; at each new `now` their offsets (a running row is bold).
  RowHeights unkept;
  RowHeights::List& rows = (context.row_heights ? *context.row_heights : unkept)
                               .list("agenda:" + std::to_string(day) + ":" +
                                     std::to_string(list.w) + ":" + language_tag(context.language));
  if (!rows.filled) {
    for (std::size_t i = 0; i < context.sessions.size(); ++i) {
      if (context.sessions[i].day_index == day) rows.items.push_back(i);
    }
    rows.heights.assign(rows.items.size(), {RowHeights::kUnmeasured, RowHeights::kUnmeasured});
    rows.filled = true;
  }
  if (rows.offsets_at != context.now.utc_ms || rows.offsets.size() != rows.items.size() + 1) {
    rows.offsets.assign(1, 0.0f);
    rows.now_row = -1;
    for (std::size_t i = 0; i < rows.items.size(); ++i) {
      const live::LiveSession& session = context.sessions[rows.items[i]];
      const live::SlotState state = live::slot_state(session, context.now);
      float& height = rows.heights[i][state == live::SlotState::kRunning ? 1 : 0];
      if (height == RowHeights::kUnmeasured) {
        height = session_row_height(p, context, session, list);
      }
      if (rows.now_row < 0 && state != live::SlotState::kFinished) {
        rows.now_row = static_cast<std::ptrdiff_t>(i);
      }
      rows.offsets.push_back(rows.offsets.back() + height + t.gap());
    }
    rows.offsets_at = context.now.utc_ms;
  }
  if (now_y && rows.now_row >= 0) *now_y = rows.offsets[rows.now_row];

  p.list().push_clip(list, true);
  p.set_visible(list);
  // Only the rows in view, and half a screen either side, are laid out and drawn.
  const float margin = list.h / 2;
  for (std::size_t i = RowHeights::first_below(rows, scroll - margin); i < rows.items.size(); ++i) {
    if (rows.offsets[i] - scroll > list.h + margin) break;
    draw_session_row(p, context, context.sessions[rows.items[i]], list,
                     list.y - scroll + rows.offsets[i]);
  }
  if (rows.items.empty()) {
    p.text(ui_string(UiString::kNoSessions, context.language), {list.x, list.y, list.w, 0},
           {TextRole::kBody, colors::kSecondary, Edge::kCenter});
  }
  p.list().pop_clip();
  p.set_visible({0, 0, 1e9f, 1e9f});
  return rows.offsets.back() + tabs_h + 2 * t.gap();
}

// [SECTION] Session -----------------------------------------------------------------------------

const live::LiveSession* session_in_room(const std::vector<live::LiveSession>& sessions,
                                         const live::LiveSession& session, int step) {
  if (sessions.empty() || &session < sessions.data() ||
      &session >= sessions.data() + sessions.size()) {
    return nullptr;
  }
  const std::ptrdiff_t count = static_cast<std::ptrdiff_t>(sessions.size());
  for (std::ptrdiff_t i = (&session - sessions.data()) + step; i >= 0 && i < count; i += step) {
    if (sessions[i].room == session.room) return &sessions[i];
  }
  return nullptr;
}

std::vector<const live::LiveSession*> sessions_meanwhile(
    const std::vector<live::LiveSession>& sessions, const live::LiveSession& session) {
  std::vector<const live::LiveSession*> out;
  for (const live::LiveSession& other : sessions) {
    if (other.start.utc_seconds >= session.end.utc_seconds) break;  // time order: none later
    if (other.room == session.room || other.cancelled()) continue;
    if (other.end.utc_seconds > session.start.utc_seconds) out.push_back(&other);
  }
  return out;
}

namespace {

// The code of one URL, kept while the same session page is redrawn each minute.
const QrMatrix* qr_of(const std::string& url) {
  static std::string cached_url;
  static std::optional<QrMatrix> cached;
  if (url != cached_url) {
    cached_url = url;
    cached = encode_qr(url);
  }
  return cached ? &*cached : nullptr;
}

// A round button with an arrow pointing to its own edge, and the neighbour's label beside it;
// dimmed and without a target when the room has no session on that side.
void draw_step_button(Painter& p, const ScreenContext& context, const Box& bar,
                      const live::LiveSession* neighbour, int step, bool labelled) {
  const Theme& t = p.theme();
  const Language language = context.language;
  const float circle = t.touch();
  std::shared_ptr<const text::ParagraphLayout> label;
  if (neighbour && labelled) {
    const std::string text =
        std::string(
            ui_string(step < 0 ? UiString::kPreviousInRoom : UiString::kNextInRoom, language)) +
        " · " + context.format.time(neighbour->start.utc_seconds);
    label = p.layout(text, 0, {TextRole::kMeta, colors::kText, Edge::kStart, 1, true});
  }
  const float width = circle + (label ? label->width + 3 * t.gap() : 0);
  const float offset = step < 0 ? t.margin() : bar.w - t.margin() - width;
  const Box button = p.from_start(bar, offset, width, bar.y + (bar.h - circle) / 2, circle);
  const bool at_start = step < 0;
  const Box round = p.from_start(button, at_start ? 0 : width - circle, circle, button.y, circle);
  p.fill(button, neighbour ? colors::kCard : colors::kBackground, circle / 2);
  p.fill(round, neighbour ? colors::kDivider : colors::kCard, circle / 2);
  // The arrow is its own left-to-right text, so that bidi never mirrors it.
  const bool points_right = p.rtl() == at_start;
  const Color arrow_color = neighbour ? colors::kText : colors::kDimmed;
  const auto arrow = p.layout(points_right ? "\u203A" : "\u2039", circle,
                              {TextRole::kScreenTitle, arrow_color, Edge::kCenter, 1, true});
  p.place(arrow, {round.x, round.y + (circle - arrow->height) / 2, circle, 0}, arrow_color);
  if (label) {
    const Box text = p.from_start(button, at_start ? circle + t.gap() : 2 * t.gap(), label->width,
                                  button.y + (circle - label->height) / 2, 0);
    p.place(label, text, colors::kText);
  }
  if (neighbour) p.target(button, StepSession{step});
}

// The fixed bar under a session page: previous, the other rooms, next.
void draw_session_bar(Painter& p, const ScreenContext& context, const live::LiveSession& live,
                      const Box& bar, bool other_rooms) {
  const Theme& t = p.theme();
  const Language language = context.language;
  p.fill({bar.x, bar.y, bar.w, 2}, colors::kDivider);
  const auto label = p.layout(
      ui_string(UiString::kOtherRooms, language), 0,
      {TextRole::kMeta, other_rooms ? colors::kOnGold : colors::kText, Edge::kCenter, 1, true});
  const float middle_w = label->width + 4 * t.gap();
  // The neighbours' labels only where they fit beside the middle button (not in portrait).
  const float room_per_side = (bar.w - middle_w) / 2 - t.margin() - t.gap();
  const float label_w =
      t.touch() + 3 * t.gap() +
      p.measure(std::string(ui_string(UiString::kPreviousInRoom, language)) + " · 00:00",
                {TextRole::kMeta, colors::kText, Edge::kStart, 1, true});
  const bool labelled = label_w <= room_per_side;
  draw_step_button(p, context, bar, session_in_room(context.sessions, live, -1), -1, labelled);
  draw_step_button(p, context, bar, session_in_room(context.sessions, live, +1), +1, labelled);
  const Box middle{bar.x + (bar.w - middle_w) / 2, bar.y + (bar.h - t.touch()) / 2, middle_w,
                   t.touch()};
  p.fill(middle, other_rooms ? colors::kNow : colors::kCard, middle.h / 2);
  p.place(label, {middle.x + 2 * t.gap(), middle.y + (middle.h - label->height) / 2, 0, 0},
          other_rooms ? colors::kOnGold : colors::kText);
  p.target(middle, ToggleOtherRooms{});
}

// "Swipe for the next session": a card above the bar that fades away.
void draw_swipe_hint(Painter& p, const ScreenContext& context, const Box& page, float opacity) {
  const Theme& t = p.theme();
  const auto alpha = static_cast<std::uint8_t>(std::clamp(opacity, 0.0f, 1.0f) * 255);
  Color text_color = colors::kText, card = colors::kDivider;
  text_color.a = card.a = alpha;
  const std::string_view words = ui_string(UiString::kSwipeHint, context.language);
  const TextOptions style{TextRole::kBody, text_color, Edge::kCenter, 2, true};
  const float widest = page.w - 2 * t.margin() - 4 * t.gap();
  const auto hint = p.layout(words, std::min(widest, p.measure(words, style)), style);
  const float w = hint->width + 4 * t.gap(), h = hint->height + 2 * t.gap();
  const Box box{page.x + (page.w - w) / 2, page.bottom() - h - t.gap(), w, h};
  p.fill(box, card, t.radius());
  p.place(hint, {box.x + 2 * t.gap(), box.y + t.gap(), hint->width, 0}, text_color);
}

// Minutes left at the start edge and the bar below them; returns the height used.
float progress(Painter& p, Language language, const live::RunningSession& running, const Box& area,
               float y) {
  const float used =
      p.text(fill(UiString::kMinutesLeft, language, std::to_string(running.minutes_left)),
             {area.x, y, area.w, 0}, {TextRole::kMeta, colors::kProgress, Edge::kStart, 1, true});
  return used + draw_progress_bar(p, area, y + used, running.progress) + p.theme().gap();
}

void draw_speaker_chips(Painter& p, const ScreenContext& context, const agenda::Session& session,
                        const Box& area, float& y) {
  const Theme& t = p.theme();
  const Language language = context.language;
  y += heading(p, ui_string(UiString::kSpeakers, language), area, y);
  // Chips: a circle and a name, laid from the start edge and wrapping.
  const float chip_h = std::max(t.touch(), 0.09f * t.s);
  float x = 0;
  for (const std::string& id : session.speakers) {
    const agenda::Speaker* speaker = context.agenda.find_speaker(id);
    if (!speaker) continue;
    const std::string& name = localized(speaker->name, language);
    // As wide as the name, up to a row of its own: a name is never cut.
    const float name_w =
        std::min(p.measure(name, {TextRole::kMeta}) + 1, area.w - chip_h - 3 * t.gap());
    const float chip_w = chip_h + name_w + 3 * t.gap();
    if (x > 0 && x + chip_w > area.w) {
      x = 0;
      y += chip_h + t.gap();
    }
    const Box chip = p.from_start(area, x, chip_w, y, chip_h);
    p.fill(chip, colors::kCard, chip_h / 2);
    draw_portrait(
        p, context, *speaker,
        p.from_start(chip, 0.1f * chip_h, 0.8f * chip_h, chip.y + 0.1f * chip_h, 0.8f * chip_h));
    const auto text = p.layout(name, name_w, {TextRole::kMeta, colors::kText, Edge::kStart, 1});
    p.place(text,
            p.from_start(chip, chip_h + t.gap(), name_w, chip.y + (chip_h - text->height) / 2, 0),
            colors::kText);
    p.target(chip, Route{ScreenKind::kSpeaker, id});
    x += chip_w + t.gap();
  }
  y += chip_h + 2 * t.gap();
}

}  // namespace

float draw_session_screen(Painter& p, const ScreenContext& context, const Box& content,
                          const std::string& session_id, float scroll,
                          const SessionPageOptions& options) {
  const Theme& t = p.theme();
  const live::LiveSession* live = find_live_session(context, session_id);
  if (!live) return 0;
  const agenda::Session* session = live->session;
  const Language language = context.language;
  const float bar_h = t.touch() + 2 * t.gap();
  const Box page{content.x, content.y, content.w, content.h - bar_h};
  const Box area{content.x + t.margin(), content.y + t.margin(), content.w - 2 * t.margin(), 0};
  p.list().push_clip(page, true);
  p.set_visible(page);
  float y = area.y - scroll;

  // The QR code at the end edge, beside the title and times (the start column is narrower).
  const QrMatrix* qr = session->url.empty() ? nullptr : qr_of(session->url);
  float column_w = area.w, qr_bottom = y;
  if (qr) {
    // About 200 px at 1080p: 4 cm on a 55" panel, scannable from a metre.
    const float module = qr_module_for(*qr, 0.185f * t.s);
    const float side = qr_side(*qr, module);
    const Box code = p.from_start(area, area.w - side, side, y, side);
    draw_qr(p.list(), *qr, std::round(code.x), std::round(code.y), module);
    qr_bottom = code.bottom() + t.gap();
    qr_bottom += p.text(ui_string(UiString::kScanForPage, language), {code.x, qr_bottom, side, 0},
                        {TextRole::kMeta, colors::kSecondary, Edge::kCenter, 2});
    column_w = area.w - side - 2 * t.gap();
  }
  const Box column = p.from_start(area, 0, column_w, area.y, 0);

  const bool running = live::slot_state(*live, context.now) == live::SlotState::kRunning;
  if (running) {
    y +=
        draw_badge(p, ui_string(UiString::kNow, language), column, y, colors::kNow, colors::kOnGold)
            .h;
    y += 0.5f * t.gap();  // the badge does not touch the title, as on the card
  }
  y += p.text(localized(session->title, language), {column.x, y, column.w, 0},
              {TextRole::kScreenTitle, colors::kText, Edge::kStart, 3, true});
  if (!session->subtitle.empty()) {
    y += p.text(localized(session->subtitle, language), {column.x, y, column.w, 0},
                {TextRole::kBody, colors::kSecondary, Edge::kStart, 2});
  }
  std::string meta = context.format.day(live->start.utc_seconds, language) + " · " +
                     time_range(context, live->start, live->end);
  if (const agenda::Room* room = context.agenda.find_room(live->room)) {
    meta += " · " + localized(room->name, language);
  }
  if (const agenda::Track* track = context.agenda.find_track(session->track)) {
    meta += " · " + localized(track->name, language);
  }
  y += p.text(meta, {column.x, y, column.w, 0},
              {TextRole::kMeta, colors::kSecondary, Edge::kStart, 2});
  const StatusLabel status = status_label(context, *session);
  if (!status.text.empty()) {
    y += p.text(status.text, {column.x, y, column.w, 0},
                {TextRole::kBody, status.color, Edge::kStart, 1, true});
  }
  if (running) {
    y += t.gap();
    y += progress(p, language, live::running_session(*live, context.now), column, y);
  }
  y = std::max(y, qr_bottom) + t.gap();

  if (options.other_rooms) {
    y += heading(p, ui_string(UiString::kOtherRooms, language), area, y);
    const auto meanwhile = sessions_meanwhile(context.sessions, *live);
    for (const live::LiveSession* other : meanwhile) {
      y += draw_session_row(p, context, *other, {area.x, 0, area.w, 0}, y) + t.gap();
    }
    if (meanwhile.empty()) {
      y += p.text(ui_string(UiString::kNothingElseNow, language), {area.x, y, area.w, 0},
                  {TextRole::kBody, colors::kSecondary, Edge::kStart, 2});
    }
  } else {
    if (!session->speakers.empty()) draw_speaker_chips(p, context, *session, area, y);
    if (!session->abstract.empty()) {
      y += p.text(localized(session->abstract, language), {area.x, y, area.w, 0},
                  {TextRole::kBody, colors::kText, Edge::kStart, 0, false, 1.25f});
    }
  }
  if (options.hint_opacity > 0) draw_swipe_hint(p, context, page, options.hint_opacity);
  p.list().pop_clip();
  p.set_visible({0, 0, 1e9f, 1e9f});
  draw_session_bar(p, context, *live, {content.x, page.bottom(), content.w, bar_h},
                   options.other_rooms);
  return y + scroll - content.y + t.margin() + bar_h;
}

// [SECTION] Speakers and speaker ------------------------------------------------------------------

float draw_speakers_screen(Painter& p, const ScreenContext& context, const Box& content,
                           float scroll) {
  const Theme& t = p.theme();
  const auto speakers = context.agenda.speakers();
  const int columns = t.portrait() ? 1 : 2;
  const Box area{content.x + t.margin(), content.y + t.margin(), content.w - 2 * t.margin(), 0};
  const float card_w = (area.w - (columns - 1) * t.gap()) / columns;
  const float circle = 0.11f * t.s;
  const float text_w = card_w - circle - 3 * t.gap();
  struct Card {
    std::shared_ptr<const text::ParagraphLayout> name, role;
  };
  const auto card_of = [&](const agenda::Speaker& speaker) {
    std::string role = localized(speaker.role, context.language);
    const std::string& organization = localized(speaker.organization, context.language);
    if (!organization.empty() && role.find(organization) == std::string::npos) {
      role += (role.empty()                          ? ""
               : context.language == Language::kUrdu ? "، "
                                                     : ", ") +
              organization;
    }
    const std::string& name = localized(speaker.name, context.language);
    const auto name_role =
        largest_on_one_line(p, name, text_w, {TextRole::kSessionTitle, TextRole::kBody});
    return Card{p.layout(name, text_w,
                         {name_role.value_or(TextRole::kBody), colors::kText, Edge::kStart,
                          name_role ? 1 : 2, true}),
                role.empty() ? nullptr
                             : p.layout(role, text_w,
                                        {TextRole::kMeta, colors::kSecondary, Edge::kStart, 2})};
  };
  // A row of cards is as tall as its tallest card: measured once per agenda, width, language.
  RowHeights unkept;
  RowHeights::List& rows =
      (context.row_heights ? *context.row_heights : unkept)
          .list("speakers:" + std::to_string(area.w) + ":" + language_tag(context.language));
  if (!rows.filled) {
    rows.offsets.assign(1, 0.0f);
    for (std::size_t first = 0; first < speakers.size(); first += columns) {
      float row_h = circle;
      for (std::size_t i = first; i < std::min(speakers.size(), first + columns); ++i) {
        const Card card = card_of(speakers[i]);
        row_h = std::max(row_h, card.name->height + (card.role ? card.role->height : 0));
      }
      rows.items.push_back(first);
      rows.heights.push_back({row_h + 2 * t.gap(), RowHeights::kUnmeasured});
      rows.offsets.push_back(rows.offsets.back() + row_h + 3 * t.gap());
    }
    rows.filled = true;
  }
  p.list().push_clip(content, true);
  // Only the rows in view, and half a screen either side, are laid out and drawn.
  const float margin = content.h / 2;
  for (std::size_t row = RowHeights::first_below(rows, scroll - margin); row < rows.items.size();
       ++row) {
    if (rows.offsets[row] - scroll > content.h + margin) break;
    const float y = area.y - scroll + rows.offsets[row];
    const float row_h = rows.heights[row][0];
    const std::size_t first = rows.items[row];
    for (std::size_t i = first; i < std::min(speakers.size(), first + columns); ++i) {
      const Card laid = card_of(speakers[i]);
      const Box card = p.from_start(area, (i - first) * (card_w + t.gap()), card_w, y, row_h);
      p.fill(card, colors::kCard, t.radius());
      draw_portrait(p, context, speakers[i],
                    p.from_start(card, t.gap(), circle, y + (row_h - circle) / 2, circle));
      const Box text = p.from_start(card, circle + 2 * t.gap(), text_w, 0, 0);
      float ty = y + t.gap();
      ty += p.place(laid.name, {text.x, ty, text_w, 0}, colors::kText);
      if (laid.role) p.place(laid.role, {text.x, ty, text_w, 0}, colors::kSecondary);
      p.target(card, Route{ScreenKind::kSpeaker, speakers[i].id});
    }
  }
  p.list().pop_clip();
  return area.y + rows.offsets.back() - content.y + t.margin();
}

float draw_speaker_screen(Painter& p, const ScreenContext& context, const Box& content,
                          const std::string& speaker_id, float scroll) {
  const Theme& t = p.theme();
  const agenda::Speaker* speaker = context.agenda.find_speaker(speaker_id);
  if (!speaker) return 0;
  const Language language = context.language;
  const Box area{content.x + t.margin(), content.y + t.margin(), content.w - 2 * t.margin(), 0};
  p.list().push_clip(content, true);
  p.set_visible(content);
  float y = area.y - scroll;
  const float circle = 0.16f * t.s;
  draw_portrait(p, context, *speaker, p.from_start(area, 0, circle, y, circle));
  // The name whole on one line, as large as fits: beside the portrait, else below it across the
  // page (a long name on a portrait screen). Only a name too long even for that wraps, by words.
  const std::string& name = localized(speaker->name, language);
  const float beside_w = area.w - circle - 2 * t.gap();
  const auto beside =
      largest_on_one_line(p, name, beside_w, {TextRole::kScreenTitle, TextRole::kSessionTitle});
  const auto fitting =
      beside
          ? beside
          : largest_on_one_line(p, name, area.w,
                                {TextRole::kScreenTitle, TextRole::kSessionTitle, TextRole::kBody});
  const bool below = !beside;
  const TextRole name_role = fitting.value_or(TextRole::kSessionTitle);
  const int name_lines = fitting ? 1 : 2;
  const float text_w = below ? area.w : beside_w;
  const Box text = below ? area : p.from_start(area, circle + 2 * t.gap(), text_w, 0, 0);
  float ty = below ? y + circle + t.gap() : y;
  ty += p.text(name, {text.x, ty, text_w, 0},
               {name_role, colors::kText, Edge::kStart, name_lines, true});
  ty += p.text(localized(speaker->role, language), {text.x, ty, text_w, 0},
               {TextRole::kBody, colors::kSecondary, Edge::kStart, 2});
  ty += p.text(localized(speaker->organization, language), {text.x, ty, text_w, 0},
               {TextRole::kBody, colors::kSecondary, Edge::kStart, 2});
  y = std::max(y + circle, ty) + t.gap();
  if (!speaker->biography.empty()) {
    y += p.text(localized(speaker->biography, language), {area.x, y, area.w, 0},
                {TextRole::kBody, colors::kText, Edge::kStart, 0, false, 1.25f});
  }
  bool heading_drawn = false;
  for (const live::LiveSession& session : context.sessions) {
    const auto& ids = session.session->speakers;
    if (std::find(ids.begin(), ids.end(), speaker_id) == ids.end()) continue;
    if (!heading_drawn) {
      y += t.gap();
      y += heading(p, ui_string(UiString::kSessions, language), area, y);
      heading_drawn = true;
    }
    y += draw_session_row(p, context, session, {area.x, 0, area.w, 0}, y) + t.gap();
  }
  p.list().pop_clip();
  p.set_visible({0, 0, 1e9f, 1e9f});
  return y + scroll - content.y + t.margin();
}

}  // namespace ijlas::ui
