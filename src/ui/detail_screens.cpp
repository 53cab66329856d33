// [SECTION] Shared pieces: headings, speaker chips and circles
// [SECTION] Agenda
// [SECTION] Session
// [SECTION] Speakers and speaker
#include "ui/detail_screens.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

#include "core/utf8.hpp"
#include "ui/session_row.hpp"

namespace ijlas::ui {
namespace {

// [SECTION] Shared pieces -------------------------------------------------------------------------

// A circle with the speaker's photo, or their initials.
void draw_portrait(Painter& p, const ScreenContext& context, const agenda::Speaker& speaker,
                   const Box& circle) {
  p.fill(circle, colors::kDivider, circle.w / 2);
  // Only a photo inside the agenda's own folder: no absolute path, no way up with "..".
  const std::filesystem::path named = speaker.photo;
  const bool inside =
      named.is_relative() && std::find(named.begin(), named.end(), "..") == named.end();
  if (!speaker.photo.empty() && inside) {
    std::filesystem::path path = named;
    if (!context.asset_dir.empty()) path = context.asset_dir / path;
    p.list().image(path.string(), circle, true);
    return;
  }
  const std::string letters = initials_of(speaker);
  const auto text =
      p.layout(letters, circle.w, {TextRole::kSessionTitle, colors::kText, Edge::kCenter, 1, true});
  p.place(text, {circle.x, circle.y + (circle.h - text->height) / 2, circle.w, 0}, colors::kText);
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

  p.list().push_clip(list, true);
  p.set_visible(list);
  float y = list.y - scroll;
  bool found_now = false, any = false;
  for (const live::LiveSession& session : context.sessions) {
    if (session.day_index != day) continue;
    any = true;
    if (!found_now && live::slot_state(session, context.now) != live::SlotState::kFinished) {
      if (now_y) *now_y = y - (list.y - scroll);
      found_now = true;
    }
    y += draw_session_row(p, context, session, list, y) + t.gap();
  }
  if (!any) {
    p.text(ui_string(UiString::kNoSessions, context.language), {list.x, list.y, list.w, 0},
           {TextRole::kBody, colors::kSecondary, Edge::kCenter});
  }
  p.list().pop_clip();
  p.set_visible({0, 0, 1e9f, 1e9f});
  return y - (list.y - scroll) + tabs_h + 2 * t.gap();
}

// [SECTION] Session -----------------------------------------------------------------------------

float draw_session_screen(Painter& p, const ScreenContext& context, const Box& content,
                          const std::string& session_id, float scroll) {
  const Theme& t = p.theme();
  const live::LiveSession* live = find_live_session(context, session_id);
  if (!live) return 0;
  const agenda::Session* session = live->session;
  const Box area{content.x + t.margin(), content.y + t.margin(), content.w - 2 * t.margin(), 0};
  const Language language = context.language;
  p.list().push_clip(content, true);
  float y = area.y - scroll;

  y += p.text(localized(session->title, language), {area.x, y, area.w, 0},
              {TextRole::kScreenTitle, colors::kText, Edge::kStart, 3, true});
  if (!session->subtitle.empty()) {
    y += p.text(localized(session->subtitle, language), {area.x, y, area.w, 0},
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
  y += p.text(meta, {area.x, y, area.w, 0}, {TextRole::kMeta, colors::kSecondary, Edge::kStart, 2});
  const StatusLabel status = status_label(context, *session);
  if (!status.text.empty()) {
    y += p.text(status.text, {area.x, y, area.w, 0},
                {TextRole::kBody, status.color, Edge::kStart, 1, true});
  }
  y += t.gap();

  if (!session->speakers.empty()) {
    y += heading(p, ui_string(UiString::kSpeakers, language), area, y);
    // Chips: a circle and a name, laid from the start edge and wrapping.
    const float chip_h = std::max(t.touch(), 0.09f * t.s);
    float x = 0;
    for (const std::string& id : session->speakers) {
      const agenda::Speaker* speaker = context.agenda.find_speaker(id);
      if (!speaker) continue;
      const std::string& name = localized(speaker->name, language);
      const float name_w = std::min(p.measure(name, {TextRole::kMeta}) + 1, area.w * 0.6f);
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
  if (!session->abstract.empty()) {
    y += p.text(localized(session->abstract, language), {area.x, y, area.w, 0},
                {TextRole::kBody, colors::kText, Edge::kStart, 0, false, 1.25f});
  }
  p.list().pop_clip();
  return y + scroll - content.y + t.margin();
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
  // Lay out every card first: a row is as tall as its tallest card.
  std::vector<Card> cards;
  for (const agenda::Speaker& speaker : speakers) {
    std::string role = localized(speaker.role, context.language);
    const std::string& organization = localized(speaker.organization, context.language);
    if (!organization.empty() && role.find(organization) == std::string::npos) {
      role += (role.empty()                          ? ""
               : context.language == Language::kUrdu ? "، "
                                                     : ", ") +
              organization;
    }
    cards.push_back(
        {p.layout(localized(speaker.name, context.language), text_w,
                  {TextRole::kSessionTitle, colors::kText, Edge::kStart, 1, true}),
         role.empty()
             ? nullptr
             : p.layout(role, text_w, {TextRole::kMeta, colors::kSecondary, Edge::kStart, 2})});
  }
  p.list().push_clip(content, true);
  float y = area.y - scroll;
  for (std::size_t first = 0; first < cards.size(); first += columns) {
    const std::size_t last = std::min(cards.size(), first + columns);
    float row_h = circle;
    for (std::size_t i = first; i < last; ++i) {
      row_h = std::max(row_h, cards[i].name->height + (cards[i].role ? cards[i].role->height : 0));
    }
    row_h += 2 * t.gap();
    for (std::size_t i = first; i < last; ++i) {
      const Box card = p.from_start(area, (i - first) * (card_w + t.gap()), card_w, y, row_h);
      p.fill(card, colors::kCard, t.radius());
      draw_portrait(p, context, speakers[i],
                    p.from_start(card, t.gap(), circle, y + (row_h - circle) / 2, circle));
      const Box text = p.from_start(card, circle + 2 * t.gap(), text_w, 0, 0);
      float ty = y + t.gap();
      ty += p.place(cards[i].name, {text.x, ty, text_w, 0}, colors::kText);
      if (cards[i].role) p.place(cards[i].role, {text.x, ty, text_w, 0}, colors::kSecondary);
      p.target(card, Route{ScreenKind::kSpeaker, speakers[i].id});
    }
    y += row_h + t.gap();
  }
  p.list().pop_clip();
  return y + scroll - content.y + t.margin();
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
  const float text_w = area.w - circle - 2 * t.gap();
  const Box text = p.from_start(area, circle + 2 * t.gap(), text_w, 0, 0);
  float ty = y;
  ty += p.text(localized(speaker->name, language), {text.x, ty, text_w, 0},
               {TextRole::kScreenTitle, colors::kText, Edge::kStart, 2, true});
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
