#include "agenda/agenda_loader.hpp"

#include <algorithm>
#include <map>

#include "agenda/agenda_validator.hpp"
#include "agenda/csv_loader.hpp"
#include "agenda/frab_json_loader.hpp"
#include "agenda/frab_xml_loader.hpp"
#include "agenda/ical_loader.hpp"
#include "agenda/native_json_loader.hpp"
#include "agenda/time_zone.hpp"
#include "core/read_file.hpp"

namespace ijlas::agenda {
namespace {

std::optional<AgendaDraft> parse(AgendaFormat format, std::string_view bytes,
                                 const std::string& name, DiagnosticList& diagnostics) {
  switch (format) {
    case AgendaFormat::kNative:
      return load_native_json(bytes, name, diagnostics);
    case AgendaFormat::kFrabXml:
      return load_frab_xml(bytes, name, diagnostics);
    case AgendaFormat::kFrabJson:
      return load_frab_json(bytes, name, diagnostics);
    case AgendaFormat::kICal:
      return load_ical(bytes, name, diagnostics);
    case AgendaFormat::kCsv:
      return load_csv(bytes, name, diagnostics);
  }
  return std::nullopt;
}

// A schedule without a zone name (31C3's) is shown in the fixed offset its own times carry.
void settle_time_zone(AgendaDraft& draft, DiagnosticList& diagnostics) {
  Conference& conference = draft.data.conference;
  if (!conference.time_zone.empty() || draft.data.sessions.empty()) return;
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

LoadResult refuse_size(const std::string& name) {
  LoadResult result;
  result.status = LoadStatus::kUnreadable;
  result.diagnostics.error({name, 0, 0},
                           "the file is larger than 64 MiB: an agenda is never "
                           "that large, so it is not read");
  return result;
}

}  // namespace

LoadResult load_agenda_bytes(const std::string& name, std::string_view bytes, AgendaFormat format) {
  if (bytes.size() > kMaxAgendaFileBytes) return refuse_size(name);
  LoadResult result;
  result.format = format;
  std::optional<AgendaDraft> draft = parse(format, bytes, name, result.diagnostics);
  if (!draft) {
    if (!result.diagnostics.has_errors()) {
      result.diagnostics.error({name, 1, 1}, "the file could not be read as an agenda");
    }
    result.status = LoadStatus::kInvalid;
    return result;
  }
  // Entries with errors were left out of the draft; the rest is still validated so that one
  // run reports every problem.
  settle_time_zone(*draft, result.diagnostics);
  const std::optional<TimeZone> zone = TimeZone::find(draft->data.conference.time_zone);
  settle_days(*draft, zone ? &*zone : nullptr);
  validate_agenda(*draft, zone ? &*zone : nullptr, result.diagnostics);
  if (result.diagnostics.has_errors()) {
    result.status = LoadStatus::kInvalid;
    return result;
  }
  result.agenda = std::make_shared<const Agenda>(std::move(draft->data));
  result.status = LoadStatus::kLoaded;
  return result;
}

LoadResult load_agenda_bytes(const std::string& name, std::string_view bytes) {
  if (bytes.size() > kMaxAgendaFileBytes) return refuse_size(name);
  const std::optional<AgendaFormat> format = detect_format(bytes);
  if (!format) {
    LoadResult result;
    result.status = LoadStatus::kInvalid;
    result.diagnostics.error(
        {name, 1, 1},
        bytes.empty() ? "the file is empty"
                      : "this is not an agenda ijlas reads: expected native JSON, frab or "
                        "pretalx schedule.xml or schedule.json, iCalendar (.ics), or CSV with a "
                        "header row naming date, start, end, room and title");
    return result;
  }
  return load_agenda_bytes(name, bytes, *format);
}

LoadResult load_agenda_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  const FileBytes file = read_file(path, kMaxAgendaFileBytes);
  if (file.status == FileRead::kCannotOpen) {
    LoadResult result;
    result.status = LoadStatus::kUnreadable;
    result.diagnostics.error({name, 0, 0},
                             "cannot open the file: check the path and that it is "
                             "readable");
    return result;
  }
  if (file.status == FileRead::kReadFailed) {
    LoadResult result;
    result.status = LoadStatus::kUnreadable;
    result.diagnostics.error({name, 0, 0}, "the file could not be read to its end");
    return result;
  }
  return load_agenda_bytes(name, file.bytes);
}

}  // namespace ijlas::agenda
