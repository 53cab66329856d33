#include "agenda/frab_event.hpp"

#include "agenda/html_text.hpp"
#include "agenda/model_limits.hpp"
#include "core/diagnostic.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

using utf8::trimmed;

// The start of an event from `start` (HH:MM) on its day's date; times before the day change
// belong to the night after, on the next calendar date.
std::optional<Instant> start_from_clock(const FrabEvent& event, const FrabDayContext& day) {
  const auto clock = time::parse_clock_time(trimmed(event.start));
  if (!clock) return std::nullopt;
  std::int64_t days = time::days_from_date(day.date);
  if (*clock < day.day_change_seconds) ++days;
  const time::ParsedDateTime parsed{{time::date_from_days(days), *clock}, std::nullopt};
  return to_instant(parsed, day.zone);
}

}  // namespace

void add_frab_event(const FrabEvent& event, const FrabDayContext& day, AgendaDraft& draft,
                    DiagnosticList& diagnostics) {
  ++draft.events_in_file;
  Session session;
  SessionSource source;
  source.session = event.position;
  session.id = trimmed(event.id.empty() ? event.guid : event.id);
  if (session.id.empty()) {
    diagnostics.error(event.position, "an event has neither \"id\" nor \"guid\": add an id");
    return;
  }
  const std::string owner = "event " + quoted(session.id);
  const std::string date = trimmed(event.date);
  if (!date.empty()) {
    const auto parsed = time::parse_date_time(date);
    if (!parsed) {
      diagnostics.error(event.date_position,
                        "date " + quoted(date) + " of " + owner +
                            " is not a date and time: write it as \"2025-02-01T09:30:00+01:00\"");
      return;
    }
    session.start = to_instant(*parsed, day.zone);
    source.start_has_offset = parsed->offset_seconds.has_value();
    source.start = event.date_position;
  } else {
    const auto start = start_from_clock(event, day);
    if (!start) {
      diagnostics.error(event.start_position.line > 0 ? event.start_position : event.position,
                        owner + " has no date and its start " + quoted(event.start) +
                            " is not a time: add date as \"2025-02-01T09:30:00+01:00\"");
      return;
    }
    session.start = *start;
    source.start = event.start_position;
  }
  if (trimmed(event.duration).empty() && !trimmed(event.end).empty()) {
    const auto end = time::parse_date_time(trimmed(event.end));
    if (!end) {
      diagnostics.error(event.end_position,
                        "end " + quoted(event.end) + " of " + owner +
                            " is not a date and time: write it as \"2025-02-01T10:00:00+01:00\"");
      return;
    }
    session.end = to_instant(*end, day.zone);
    source.end = event.end_position;
    source.end_has_offset = end->offset_seconds.has_value();
  } else {
    const auto duration = time::parse_duration(trimmed(event.duration));
    if (!duration) {
      diagnostics.error(event.duration_position.line > 0 ? event.duration_position : event.position,
                        "duration " + quoted(event.duration) + " of " + owner +
                            " is not a duration: write it as \"HH:MM\"");
      return;
    }
    session.end = {session.start.utc_seconds + *duration, session.start.offset_seconds};
    source.end = event.duration_position;
    source.end_has_offset = source.start_has_offset;
  }

  session.room = trimmed(event.room);
  source.room = event.room_position;
  if (session.room.empty()) {
    diagnostics.error(event.room_position.line > 0 ? event.room_position : event.position,
                      owner + " has no room: name the room it takes place in");
    return;
  }
  draft.add_room_once(session.room, text_in_its_script(session.room));
  const std::string track_name = trimmed(event.track_name);
  const std::string track_id = trimmed(event.track_id.empty() ? track_name : event.track_id);
  if (!track_id.empty()) {
    session.track = track_id;
    draft.add_track_once(track_id, text_in_its_script(track_name.empty() ? track_id : track_name),
                         "");
  }
  session.title = text_in_its_script(trimmed(event.title));
  if (session.title.empty()) {
    diagnostics.warning(event.position, owner + " has no title");
  }
  session.subtitle = text_in_its_script(trimmed(event.subtitle));
  const std::string abstract =
      html_to_text(trimmed(event.abstract).empty() ? event.description : event.abstract);
  session.abstract = text_in_its_script(abstract);
  session.type = trimmed(event.type);
  session.language = trimmed(event.language);
  if (const std::string url = trimmed(event.url); is_web_address(url)) {
    session.url = url;
  } else if (!url.empty()) {
    diagnostics.warning(event.url_position, "the url " + quoted(url) + " of " + owner +
                                                " is not an http:// or https:// address: the "
                                                "session page shows no QR code for it");
  }
  for (const FrabPerson& person : event.persons) {
    const std::string name = trimmed(person.name);
    const std::string id = trimmed(person.id).empty() ? name : trimmed(person.id);
    if (id.empty()) continue;
    Speaker speaker;
    speaker.id = id;
    speaker.name = text_in_its_script(name);
    speaker.biography = text_in_its_script(html_to_text(trimmed(person.biography)));
    draft.add_speaker_once(std::move(speaker));
    session.speakers.push_back(id);
    source.speakers.push_back(person.position);
  }
  draft.add_session(std::move(session), std::move(source));
}

std::optional<Day> make_frab_day(int index, const std::string& date, const std::string& start,
                                 const std::string& end, const FrabDayContext& context,
                                 const SourcePosition& position, DiagnosticList& diagnostics) {
  const auto parsed_date = time::parse_date(trimmed(date));
  if (!parsed_date) {
    diagnostics.error(position, "day " + std::to_string(index) + " has date " + quoted(date) +
                                    ": write it as \"YYYY-MM-DD\"");
    return std::nullopt;
  }
  Day day;
  day.index = index;
  day.date = *parsed_date;
  const auto read = [&](const std::string& text, std::int64_t fallback_days) -> Instant {
    if (const auto parsed = time::parse_date_time(trimmed(text))) {
      return to_instant(*parsed, context.zone);
    }
    if (!trimmed(text).empty()) {
      diagnostics.warning(position, "day " + std::to_string(index) + ": " + quoted(text) +
                                        " is not a date and time; the day change is used");
    }
    const time::ParsedDateTime local{
        {time::date_from_days(time::days_from_date(day.date) + fallback_days),
         context.day_change_seconds},
        std::nullopt};
    return to_instant(local, context.zone);
  };
  day.start = read(start, 0);
  day.end = read(end, 1);
  return day;
}

}  // namespace ijlas::agenda
