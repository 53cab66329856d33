#include "ui/screen_frame.hpp"

#include <array>
#include <cmath>

namespace ijlas::ui {
namespace {

void draw_top_bar(Painter& p, const FrameInfo& info) {
  const Theme& t = p.theme();
  const Box whole{0, 0, t.width, t.top_bar()};
  p.fill(whole, colors::kCard);
  p.fill({0, whole.bottom() - 2, t.width, 2}, colors::kDivider);
  // Landscape: one row. Portrait: the title (and back) above, the clock row below.
  const Box clock_row = t.portrait() ? Box{0, whole.h * 0.45f, t.width, whole.h * 0.55f} : whole;
  const Box title_row = t.portrait() ? Box{0, 0, t.width, whole.h * 0.45f} : whole;
  Box bar = clock_row;

  // End edge: the language toggle, as wide as its word needs (and a comfortable touch target).
  const std::string_view other = ui_string(UiString::kLanguageToggle, p.language());
  const auto toggle_text = p.layout(other, 0, {TextRole::kMeta, colors::kText, Edge::kCenter, 1});
  const float toggle_w = std::max(t.touch() * 1.5f, toggle_text->width + 4 * t.gap());
  const Box toggle = p.from_start(bar, t.width - t.margin() - toggle_w, toggle_w,
                                  bar.y + (bar.h - t.touch() * 0.8f) / 2, t.touch() * 0.8f);
  p.fill(toggle, colors::kDivider, toggle.h / 2);
  p.place(toggle_text,
          {toggle.x + (toggle.w - toggle_text->width) / 2,
           toggle.y + (toggle.h - toggle_text->height) / 2, toggle_text->width, 0},
          colors::kText);
  p.target({toggle.x - t.gap(), bar.y, toggle.w + 2 * t.gap(), bar.h}, ToggleLanguage{});

  // Beside it, from the end edge inwards: the time (large) and the date, on one line.
  const auto time = p.layout(info.time, 0, {TextRole::kClock, colors::kText, Edge::kEnd, 1, true});
  const Color date_color = info.rehearsal ? colors::kDelayed : colors::kSecondary;
  auto date = p.layout(info.date, 0, {TextRole::kMeta, date_color, Edge::kEnd, 1});
  // A narrow bar gets the date without the year; it must leave room for the title in landscape.
  const float room_for_date = t.width - 2 * t.margin() - toggle_w - time->width - 6 * t.gap() -
                              (t.portrait() ? 0 : 0.3f * t.width);
  if (date->width > room_for_date && !info.short_date.empty()) {
    date = p.layout(info.short_date, 0, {TextRole::kMeta, date_color, Edge::kEnd, 1});
  }
  // The rehearsal label is never cut: narrower still, it stands alone without the date.
  if (date->width > room_for_date && !info.shortest_date.empty()) {
    date = p.layout(info.shortest_date, 0, {TextRole::kMeta, date_color, Edge::kEnd, 1});
  }
  float end = t.width - t.margin() - toggle_w - 2 * t.gap();  // distance from the start edge
  end -= time->width;
  p.place(time, p.from_start(bar, end, time->width, bar.y + (bar.h - time->height) / 2, 0),
          colors::kText);
  end -= date->width + 2 * t.gap();
  p.place(date, p.from_start(bar, end, date->width, bar.y + (bar.h - date->height) / 2, 0),
          date_color);
  end -= 2 * t.gap();
  if (t.portrait()) end = t.width - t.margin();  // the title row has the whole width
  bar = title_row;

  // Start edge: back (on detail screens) and the conference title.
  float start = t.margin();
  if (info.show_back) {
    const float back_w = std::max(t.touch() * 1.6f, 0.12f * t.s);
    const Box back =
        p.from_start(bar, start, back_w, bar.y + (bar.h - t.touch() * 0.8f) / 2, t.touch() * 0.8f);
    p.fill(back, colors::kDivider, back.h / 2);
    // A chevron towards the start edge (right in Urdu), set as Latin so it is never mirrored,
    // then the word.
    const auto chevron =
        p.layout(p.rtl() ? "›" : "‹", 0, {TextRole::kBody, colors::kText, Edge::kStart, 1, true});
    const auto word = p.layout(ui_string(UiString::kBack, p.language()), 0,
                               {TextRole::kMeta, colors::kText, Edge::kStart, 1});
    const float inner_w = chevron->width + t.gap() + word->width;
    const Box inner = p.from_start(back, (back.w - inner_w) / 2, inner_w, 0, 0);
    const float h = std::max(chevron->height, word->height);
    p.place_pair(chevron, colors::kText, word, colors::kText, inner, back.y + (back.h - h) / 2);
    p.target({back.x - t.gap(), bar.y, back.w + 2 * t.gap(), bar.h}, GoBack{});
    start += back_w + t.gap();
  }
  const float title_w = end - start;
  if (title_w > t.touch()) {
    // Two lines when they fit in the bar (Nastaliq lines are tall), else one with an ellipsis.
    // Its ink, which reaches above and below the line boxes, decides, and is centred in the bar.
    auto title =
        p.layout(info.title, title_w, {TextRole::kBody, colors::kText, Edge::kStart, 2, true});
    if (title->bounds.height() > bar.h) {
      title =
          p.layout(info.title, title_w, {TextRole::kBody, colors::kText, Edge::kStart, 1, true});
    }
    const float ink_h = title->bounds.height();
    const float top =
        std::max(bar.y - title->bounds.y0, bar.y + (bar.h - ink_h) / 2 - title->bounds.y0);
    const Box box = p.from_start(bar, start, title_w, top, 0);
    p.place(title, box, colors::kText);
  }
}

// A band just above `bottom` holding lines of text, each its own centred paragraph (so that an
// English line in a band that starts in Urdu reads left to right, and ends with its ellipsis on
// the right when cut); returns the band's top.
float draw_line_band(Painter& p, const std::vector<std::string>& lines, int max_lines, Color fill,
                     float bottom) {
  const Theme& t = p.theme();
  std::vector<std::shared_ptr<const text::ParagraphLayout>> layouts;
  float h = 2 * t.gap();
  for (const std::string& line : lines) {
    layouts.push_back(p.layout(line, t.width - 2 * t.margin(),
                               {TextRole::kMeta, colors::kOnGold, Edge::kCenter, max_lines, true}));
    h += layouts.back()->height;
  }
  const Box band{0, bottom - h, t.width, h};
  p.fill(band, fill);
  float y = band.y + t.gap();
  for (const auto& layout : layouts)
    y += p.place(layout, {t.margin(), y, t.width - 2 * t.margin(), 0}, colors::kOnGold);
  return band.y;
}

void draw_bottom_bar(Painter& p, const FrameInfo& info) {
  const Theme& t = p.theme();
  const Box bar{0, t.height - t.bottom_bar(), t.width, t.bottom_bar()};
  p.fill(bar, colors::kCard);
  p.fill({0, bar.y, t.width, 2}, colors::kDivider);
  constexpr std::array<std::pair<ScreenKind, UiString>, 3> kTabs = {
      {{ScreenKind::kNowNext, UiString::kNowAndNext},
       {ScreenKind::kAgenda, UiString::kAgenda},
       {ScreenKind::kSpeakers, UiString::kSpeakers}}};
  const float tab_w = (t.width - 2 * t.margin()) / kTabs.size();
  for (std::size_t i = 0; i < kTabs.size(); ++i) {
    const auto [kind, label] = kTabs[i];
    const Box tab = p.from_start(bar, t.margin() + i * tab_w, tab_w, bar.y, bar.h);
    const bool active = kind == info.tab;
    const Box pill{tab.x + t.gap(), tab.y + (bar.h - 0.09f * t.s) / 2, tab.w - 2 * t.gap(),
                   0.09f * t.s};
    if (active) p.fill(pill, colors::kNow, pill.h / 2);
    const Color color = active ? colors::kOnGold : colors::kText;
    // Body size, or meta size where a narrow (portrait) bar cannot hold the word.
    TextOptions options{TextRole::kBody, color, Edge::kCenter, 1, active};
    if (p.measure(ui_string(label, p.language()), options) > pill.w - 2 * t.gap()) {
      options.role = TextRole::kMeta;
    }
    const auto text = p.layout(ui_string(label, p.language()), pill.w, options);
    p.place(text, {pill.x, pill.y + (pill.h - text->height) / 2, pill.w, 0}, color);
    p.target(tab, ShowTab{kind});
  }
}

}  // namespace

Box draw_frame(Painter& p, const FrameInfo& info) {
  const Theme& t = p.theme();
  // The background is the renderer's clear colour (colors::kBackground): no full-screen fill.
  draw_top_bar(p, info);
  draw_bottom_bar(p, info);
  float bottom = t.height - t.bottom_bar();

  if (!info.ticker.empty()) {
    const float h = 0.07f * t.s;
    const Box band{0, bottom - h, t.width, h};
    p.fill(band, colors::kNow);
    const auto text =
        p.layout(info.ticker, 0, {TextRole::kBody, colors::kOnGold, Edge::kStart, 1, true});
    // A ticker shows its beginning first. Urdu begins at its right end, so Urdu text enters at
    // the left edge and travels right; English enters at the right edge and travels left.
    const bool urdu = Painter::language_of(info.ticker) == "ur";
    const float span = text->width + t.width;
    const float travelled = std::fmod(info.ticker_offset, span);
    const float x = urdu ? -text->width + travelled : t.width - travelled;
    p.list().push_clip(band, true);
    p.place(text, {x, band.y + (band.h - text->height) / 2, text->width, 0}, colors::kOnGold);
    p.list().pop_clip();
    bottom = band.y;
  }
  if (!info.confirmation.empty()) {
    // "Agenda updated: …" for a few seconds, one line per language, above the bottom bar.
    bottom = draw_line_band(p, info.confirmation, 1, colors::kProgress, bottom);
  }
  if (!info.board_notice.empty()) {
    // Settings the board could not apply at boot: the technician setting it up reads them at the
    // screen (nobody can log in), so they are shown whole, above the bottom bar, until fixed: the
    // Urdu line, then the English message.
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < info.board_notice.size();) {
      const std::size_t end =
          std::min(info.board_notice.find('\n', start), info.board_notice.size());
      lines.push_back(info.board_notice.substr(start, end - start));
      start = end + 1;
    }
    bottom = draw_line_band(p, lines, 6, colors::kDelayed, bottom);  // a portrait screen needs 6
  }
  if (!info.notice.empty()) {
    // An organizer notice is for staff: a small mark in the top bar's end corner, the message in
    // full in the service panel. Attendees' screens are not pushed about by it.
    const float d = 0.014f * t.s;
    p.fill(p.from_start({0, 0, t.width, t.top_bar()}, t.width - d - 0.4f * t.gap(), d,
                        0.4f * t.gap(), d),
           colors::kDelayed, d / 2);
  }
  return {0, t.top_bar(), t.width, bottom - t.top_bar()};
}

}  // namespace ijlas::ui
