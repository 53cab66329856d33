#include "agenda/agenda_finishing.hpp"

#include <algorithm>
#include <map>

#include "agenda/agenda_validator.hpp"
#include "agenda/model_limits.hpp"
#include "core/read_file.hpp"

namespace ijlas::agenda {
namespace {

// A schedule without a zone name (31C3's) is shown in the venue's zone, or without one in the
// fixed offset its own times carry.
void settle_time_zone(AgendaDraft& draft, const TimeZone* venue_zone, DiagnosticList& diagnostics) {
  Conference& conference = draft.data.conference;
  if (!conference.time_zone.empty() || draft.data.sessions.empty()) return;
  if (venue_zone != nullptr) {
    conference.time_zone = venue_zone->name();
    diagnostics.warning(
        draft.first_position,
        "the schedule declares no time zone: it is shown in the venue's zone " +
            ijlas::quoted(venue_zone->name()) +
            " (time_zone in ijlas.toml); times with an offset keep it, times without "
            "one are read in that zone");
    return;
  }
  const std::int32_t offset = draft.data.sessions.front().start.offset_seconds;
  if (offset % 3600 != 0) {
    conference.time_zone = "UTC";
  } else {
    // POSIX-style names invert the sign: Etc/GMT-1 is UTC+01:00.
    const int hours = offset / 3600;
    conference.time_zone = hours == 0 ? "UTC"
                                      : "Etc/GMT" + std::string(hours > 0 ? "-" : "+") +
                                            std::to_string(hours > 0 ? hours : -hours);
  }
  diagnostics.warning(draft.first_position,
                      "the schedule declares no time zone: times are shown at " +
                          time::format_offset(offset) + " (" + conference.time_zone +
                          "), the offset of its first session; declare the venue's zone to "
                          "follow daylight saving time");
}

// Formats without days get one per local date that has sessions, each starting at the day
// change; the conference's dates follow its days when the source gave none.
void settle_days(AgendaDraft& draft, const TimeZone* zone) {
  AgendaData& data = draft.data;
  const int change = data.conference.day_change_seconds;
  if (draft.derive_days) {
    std::map<std::int64_t, bool> dates;
    for (const Session& session : data.sessions) {
      const Instant local =
          zone ? zone->at(session.start.utc_seconds - change)
               : Instant{session.start.utc_seconds - change, session.start.offset_seconds};
      dates[time::days_from_date(time::local_date_of(local))] = true;
    }
    int index = 0;
    for (const auto& [days, unused] : dates) {
      const auto boundary = [&](std::int64_t day) {
        const std::int64_t local = day * time::kSecondsPerDay + change;
        return zone ? zone->from_local(local) : Instant{local, 0};
      };
      data.days.push_back(
          {++index, time::date_from_days(days), boundary(days), boundary(days + 1)});
    }
  }
  if (data.days.empty()) return;
  const auto [first, last] =
      std::minmax_element(data.days.begin(), data.days.end(),
                          [](const Day& a, const Day& b) { return a.date < b.date; });
  const Date unset{};
  if (data.conference.start_date == unset) data.conference.start_date = first->date;
  if (data.conference.end_date == unset) data.conference.end_date = last->date;
}

// A file that yields no session is refused rather than shown as an empty agenda.
std::string nothing_read(AgendaFormat format) {
  switch (format) {
    case AgendaFormat::kNative:
      return "the agenda has no sessions: add them to \"sessions\"";
    case AgendaFormat::kFrabXml:
      return "the schedule has no <event> inside <day><room>: export the full schedule";
    case AgendaFormat::kFrabJson:
      return "the schedule has no events (under schedule.conference.days[].rooms in version 1, "
             "schedule.events in version 2): export the full schedule";
    case AgendaFormat::kICal:
      return "the calendar has no VEVENT: export the calendar with its events";
    case AgendaFormat::kCsv:
      return "the file has a header but no rows: add one row per session";
    case AgendaFormat::kXlsx:
    case AgendaFormat::kOds:
      return "the sheet has a header but no rows: add one row per session";
    case AgendaFormat::kSessionize:
      return "the export has no scheduled sessions: give the sessions a time and a room in "
             "Sessionize, then export \"All\" again";
    case AgendaFormat::kIndico:
      return "the export has no contributions with a time: export the event's timetable";
    case AgendaFormat::kOpass:
      return "the file has no sessions: add them to \"sessions\"";
  }
  return "the file has no sessions";
}

std::optional<TimeZone> venue_zone_of(const std::string& name, const LoadOptions& options,
                                      DiagnosticList& diagnostics) {
  if (options.venue_zone.empty()) return std::nullopt;
  std::optional<TimeZone> venue_zone = TimeZone::find(options.venue_zone);
  if (!venue_zone) {
    diagnostics.warning({name, 0, 0}, "the venue's time zone " + ijlas::quoted(options.venue_zone) +
                                          " is unknown: it is not used for this file");
  }
  return venue_zone;
}

void finish_load(std::optional<AgendaDraft> draft, AgendaFormat format, const std::string& name,
                 const TimeZone* venue, LoadResult& result) {
  if (!draft) {
    if (!result.diagnostics.has_errors()) {
      result.diagnostics.error({name, 1, 1}, "the file could not be read as an agenda");
    }
    result.status = LoadStatus::kInvalid;
    return;
  }
  result.events_in_file = std::max(draft->events_in_file, draft->data.sessions.size());
  if (draft->data.sessions.empty()) {
    // Errors already say why each event was left out; otherwise the file has none to show.
    if (!result.diagnostics.has_errors()) {
      result.diagnostics.error(draft->first_position, nothing_read(format));
    }
    result.status = LoadStatus::kInvalid;
    return;
  }
  draft->keep_repeated_ids_apart(result.diagnostics);
  if (!apply_model_limits(*draft, result.diagnostics)) {
    result.status = LoadStatus::kInvalid;
    return;
  }
  // Entries with errors were left out of the draft; the rest is still validated so that one
  // run reports every problem.
  settle_time_zone(*draft, venue, result.diagnostics);
  const std::optional<TimeZone> zone = TimeZone::find(draft->data.conference.time_zone);
  settle_days(*draft, zone ? &*zone : nullptr);
  validate_agenda(*draft, zone ? &*zone : nullptr, result.diagnostics);
  if (result.diagnostics.has_errors()) {
    result.status = LoadStatus::kInvalid;
    return;
  }
  result.events_kept = draft->data.sessions.size();
  result.agenda = std::make_shared<const Agenda>(std::move(draft->data));
  result.status = LoadStatus::kLoaded;
}

// The result for a file that was not read at all, saying why.
LoadResult unreadable(const std::string& name, std::string why) {
  LoadResult result;
  result.status = LoadStatus::kUnreadable;
  result.diagnostics.error({name, 0, 0}, std::move(why));
  return result;
}

}  // namespace

LoadResult refuse_size(const std::string& name) {
  return unreadable(name,
                    "the file is larger than 64 MiB: an agenda is never "
                    "that large, so it is not read");
}

LoadResult load_draft(const std::string& name, std::size_t size, AgendaFormat format,
                      const LoadOptions& options, const DraftParser& parse) {
  if (size > kMaxAgendaFileBytes) return refuse_size(name);
  LoadResult result;
  result.format = format;
  const std::optional<TimeZone> venue_zone = venue_zone_of(name, options, result.diagnostics);
  const TimeZone* venue = venue_zone ? &*venue_zone : nullptr;
  finish_load(parse(venue, result.diagnostics), format, name, venue, result);
  return result;
}

LoadResult load_file_with(const std::filesystem::path& path, const LoadOptions& options,
                          const BytesLoader& load) {
  const std::string name = path.string();
  const FileBytes file = read_file(path, kMaxAgendaFileBytes);
  if (file.status == FileRead::kCannotOpen) {
    return unreadable(name, "cannot open the file: check the path and that it is readable");
  }
  if (file.status == FileRead::kReadFailed) {
    return unreadable(name, "the file could not be read to its end");
  }
  return load(name, file.bytes, options);
}

}  // namespace ijlas::agenda
