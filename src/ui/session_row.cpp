#include "ui/session_row.hpp"

#include <algorithm>
#include <vector>

namespace ijlas::ui {

const std::string& localized(const agenda::LocalizedText& text, Language language) {
  if (language == Language::kUrdu) return text.ur.empty() ? text.en : text.ur;
  return text.en.empty() ? text.ur : text.en;
}

std::string time_range(const ScreenContext& context, const time::Instant& start,
                       const time::Instant& end) {
  // Isolated in Urdu: inside a right-to-left line the two times would otherwise swap places.
  return isolated(
      context.format.time(start.utc_seconds) + "–" + context.format.time(end.utc_seconds),
      context.language);
}

const live::LiveSession* find_live_session(const ScreenContext& context, std::string_view id) {
  for (const live::LiveSession& session : context.sessions) {
    if (session.session->id == id) return &session;
  }
  return nullptr;
}

StatusLabel status_label(const ScreenContext& context, const agenda::Session& session) {
  const Language language = context.language;
  switch (session.status.state) {
    case agenda::SessionState::kScheduled:
      return {};
    case agenda::SessionState::kDelayed:
      return {fill(UiString::kDelayed, language, std::to_string(session.status.delay_minutes)),
              colors::kDelayed};
    case agenda::SessionState::kCancelled:
      return {std::string(ui_string(UiString::kCancelled, language)), colors::kCancelled};
    case agenda::SessionState::kMoved: {
      if (const agenda::Room* room = context.agenda.find_room(session.status.moved_to_room)) {
        return {fill(UiString::kMovedTo, language, localized(room->name, language)),
                colors::kDelayed};
      }
      if (session.status.moved_to_start) {
        return {fill(UiString::kMovedTime, language,
                     context.format.time(session.status.moved_to_start->utc_seconds)),
                colors::kDelayed};
      }
      return {};
    }
  }
  return {};
}

std::string room_label(const agenda::Room& room, Language language) {
  std::string name = localized(room.name, language);
  const std::size_t space = name.rfind(' ');
  constexpr std::size_t kShortWord = 3;  // bytes: "1", "12", "A", "IV"
  if (space != std::string::npos && space > 0 && name.size() - space - 1 <= kShortWord) {
    name.replace(space, 1, "\u00A0");
  }
  return name;
}

std::string speaker_names(const ScreenContext& context, const agenda::Session& session) {
  std::vector<std::string> each;
  for (const std::string& id : session.speakers) {
    if (const agenda::Speaker* speaker = context.agenda.find_speaker(id))
      each.push_back(localized(speaker->name, context.language));
  }
  std::string names;
  for (std::string& name : each) {
    if (!names.empty()) names += context.language == Language::kUrdu ? "، " : ", ";
    if (each.size() > 1) {
      for (std::size_t space = name.find(' '); space != std::string::npos;
           space = name.find(' ', space))
        name.replace(space, 1, "\u00A0");
    }
    names += name;
  }
  return names;
}

float session_row_height(Painter& p, const ScreenContext& context, const live::LiveSession& live,
                         const Box& area, bool show_room) {
  return draw_session_row(p, context, live, area, kMeasureOnly, show_room);
}

float draw_session_row(Painter& p, const ScreenContext& context, const live::LiveSession& live,
                       const Box& area, float y, bool show_room) {
  const Theme& t = p.theme();
  const agenda::Session& session = *live.session;
  const live::SlotState when = live::slot_state(live, context.now);
  const bool running = when == live::SlotState::kRunning;
  const bool dim = when == live::SlotState::kFinished || when == live::SlotState::kCancelled;
  const Color main = dim ? colors::kDimmed : colors::kText;
  const Color secondary = dim ? colors::kDimmed : colors::kSecondary;

  const float pad = t.gap();
  const float time_w = 0.16f * t.s;
  // Portrait rows are narrow: the room joins the speakers' line instead of a column of its own.
  const bool room_column = show_room && !t.portrait();
  const float room_w = room_column ? 0.20f * t.s : 0.0f;
  const float text_w = area.w - t.stripe() - time_w - room_w - 4 * pad;
  const agenda::Room* room = show_room ? context.agenda.find_room(live.room) : nullptr;

  const auto title = p.layout(localized(session.title, context.language), text_w,
                              {TextRole::kSessionTitle, main, Edge::kStart, 2, running});
  std::string names = speaker_names(context, session);
  if (room && !room_column) {
    names = names.empty() ? room_label(*room, context.language)
                          : names + " · " + room_label(*room, context.language);
  }
  const auto speakers =
      names.empty() ? nullptr
                    : p.layout(names, text_w, {TextRole::kMeta, secondary, Edge::kStart, 1});
  const StatusLabel status = status_label(context, session);
  const auto status_text =
      status.text.empty()
          ? nullptr
          : p.layout(status.text, text_w, {TextRole::kMeta, status.color, Edge::kStart, 1, true});
  const auto time =
      p.layout(time_range(context, live.start, live.end), time_w,
               {TextRole::kMeta, running ? colors::kNow : secondary, Edge::kStart, 1, true});

  float height =
      title->height + (speakers ? speakers->height : 0) + (status_text ? status_text->height : 0);
  height = std::max({height, time->height, t.touch()}) + 2 * pad;

  const Box row{area.x, y, area.w, height};
  if (y == kMeasureOnly || !p.visible(row)) return height;
  if (running) {
    // The running session: a gold outline, drawn as a gold card under a slightly smaller one.
    const float border = std::max(2.0f, 0.003f * t.s);
    p.fill(row, colors::kNow, t.radius());
    p.fill({row.x + border, row.y + border, row.w - 2 * border, row.h - 2 * border}, colors::kCard,
           t.radius());
  } else {
    p.fill(row, colors::kCard, t.radius());
  }
  if (const agenda::Track* track = context.agenda.find_track(session.track);
      track && !track->color.empty()) {
    const unsigned rgb = static_cast<unsigned>(std::stoul(track->color.substr(1), nullptr, 16));
    const Color color{static_cast<std::uint8_t>(rgb >> 16), static_cast<std::uint8_t>(rgb >> 8),
                      static_cast<std::uint8_t>(rgb), 0xFF};
    p.fill(p.from_start(row, 0, t.stripe(), row.y, row.h), color, t.stripe() / 2);
  }
  p.place(time, p.from_start(row, t.stripe() + pad, time_w, y + pad, 0),
          running ? colors::kNow : secondary);
  float text_y = y + pad;
  const Box text_box = p.from_start(row, t.stripe() + time_w + 2 * pad, text_w, 0, 0);
  text_y += p.place(title, {text_box.x, text_y, text_w, 0}, main);
  if (speakers) text_y += p.place(speakers, {text_box.x, text_y, text_w, 0}, secondary);
  if (status_text) p.place(status_text, {text_box.x, text_y, text_w, 0}, status.color);
  if (room_column) {
    if (room) {
      const auto name = p.layout(room_label(*room, context.language), room_w,
                                 {TextRole::kMeta, secondary, Edge::kEnd, 2});
      p.place(name, p.from_start(row, row.w - pad - room_w, room_w, y + pad, 0), secondary);
    }
  }
  p.target(row, Route{ScreenKind::kSession, session.id});
  return height;
}

}  // namespace ijlas::ui
