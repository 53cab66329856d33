#include "agenda/ical_loader.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "agenda/text_sanitizer.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

constexpr std::int64_t kUnboundedRuleSpan = 366LL * time::kSecondsPerDay;

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Where each top-level VEVENT and its properties were written; libical keeps no positions.
struct EventLines {
  int begin = 0;
  // Every line of each property name (as written, upper-cased), in file order, so that an
  // error line is placed by one lookup whatever the event's size.
  struct Lines {
    std::vector<int> lines;
    std::size_t errors = 0;  // libical errors placed on these lines so far
  };
  std::unordered_map<std::string, Lines> properties;
};

struct CalendarOutline {
  EventLines calendar{1, {}};  // the VCALENDAR's own properties (X-WR-TIMEZONE, …)
  std::vector<EventLines> events;
  int deepest = 0;
  int deepest_line = 0;
};

// The name a content line starts with: up to the first ':' or ';', and at most 64 bytes, as
// libical's messages quote long lines only in part.
std::string property_name(std::string_view line) {
  constexpr std::size_t kLongest = 64;
  return upper(line.substr(0, std::min(line.find_first_of(":;"), kLongest)));
}

CalendarOutline outline_of(std::string_view text) {
  CalendarOutline outline;
  int depth = 0;
  int line = 0;
  bool in_event = false;
  std::size_t offset = 0;
  while (offset < text.size()) {
    std::size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(offset, end - offset);
    offset = end + 1;
    ++line;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (content.empty() || content[0] == ' ' || content[0] == '\t') continue;  // folded
    const std::string head = upper(content.substr(0, std::min<std::size_t>(content.size(), 15)));
    if (head.rfind("BEGIN:", 0) == 0) {
      ++depth;
      if (depth > outline.deepest) outline.deepest = depth, outline.deepest_line = line;
      if (depth == 2 && head.rfind("BEGIN:VEVENT", 0) == 0) {
        outline.events.push_back({line, {}});
        in_event = true;
      }
    } else if (head.rfind("END:", 0) == 0) {
      if (depth == 2) in_event = false;
      depth = std::max(0, depth - 1);
    } else if (in_event && depth == 2) {
      outline.events.back().properties[property_name(content)].lines.push_back(line);
    } else if (depth == 1) {
      outline.calendar.properties[property_name(content)].lines.push_back(line);
    }
  }
  return outline;
}

// Exporters fold long lines anywhere, even inside a multi-byte character, so UTF-8 is checked
// on the unfolded text; each unfolded line remembers where it and its continuations began.
struct UnfoldedText {
  std::string text;
  std::vector<int> first_line;            // file line of each unfolded line
  std::vector<std::size_t> continuation;  // offsets in `text` where a folded piece was joined
  std::vector<int> continuation_line;     // file line of that piece
};

UnfoldedText unfolded(std::string_view bytes) {
  UnfoldedText out;
  out.text.reserve(bytes.size());
  out.first_line.push_back(1);
  int line = 1;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c != '\n') {
      out.text += c;
      continue;
    }
    ++line;
    if (i + 1 < bytes.size() && (bytes[i + 1] == ' ' || bytes[i + 1] == '\t')) {
      if (!out.text.empty() && out.text.back() == '\r') out.text.pop_back();
      ++i;  // the fold's leading space is not content
      out.continuation.push_back(out.text.size());
      out.continuation_line.push_back(line);
      continue;
    }
    out.text += c;
    out.first_line.push_back(line);
  }
  return out;
}

// The file position of a fault found in the unfolded text.
SourcePosition folded_position(const UnfoldedText& unfolded, const utf8::TextFault& fault,
                               const std::string& file) {
  const std::size_t offset = fault.offset;
  const std::size_t newline = std::string_view(unfolded.text).substr(0, offset).rfind('\n');
  const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  const auto piece =
      std::upper_bound(unfolded.continuation.begin(), unfolded.continuation.end(), offset);
  if (piece == unfolded.continuation.begin() || *(piece - 1) <= line_start) {
    return {file, unfolded.first_line[static_cast<std::size_t>(fault.position.line - 1)],
            fault.position.column};
  }
  const std::size_t index = static_cast<std::size_t>(piece - unfolded.continuation.begin()) - 1;
  const std::string_view piece_text =
      std::string_view(unfolded.text)
          .substr(unfolded.continuation[index], offset - unfolded.continuation[index]);
  return {file, unfolded.continuation_line[index],
          static_cast<int>(utf8::length(piece_text)) + 2};  // the leading space is column 1
}

// A short excerpt of a long line for a message, cut at a character boundary.
std::string excerpt(std::string_view text) {
  constexpr std::size_t kLongest = 60;
  if (text.size() <= kLongest) return std::string(text);
  std::size_t offset = 0;
  while (offset < kLongest)
    utf8::decode(text, offset);
  return std::string(text.substr(0, offset)) + "…";
}

struct ComponentDeleter {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};

class IcalReader {
 public:
  IcalReader(std::string_view bytes, const std::string& file, const TimeZone* venue_zone,
             DiagnosticList& diagnostics)
      : bytes_(bytes), file_(file), venue_zone_(venue_zone), diagnostics_(diagnostics) {}

  std::optional<AgendaDraft> read() {
    static std::once_flag configured;
    // libical's default is to abort on errors; a kiosk must never abort on a bad file.
    std::call_once(configured, [] { icalerror_set_errors_are_fatal(0); });
    draft_.first_position = {file_, 1, 1};
    draft_.derive_days = true;
    if (!check_text()) return std::nullopt;
    const std::string text(bytes_.substr(bytes_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0));
    outline_ = outline_of(text);
    if (outline_.deepest > kMaxIcalNesting) {
      diagnostics_.error(
          {file_, outline_.deepest_line, 1},
          "components nest deeper than " + std::to_string(kMaxIcalNesting) + " levels");
      return std::nullopt;
    }
    std::unique_ptr<icalcomponent, ComponentDeleter> root(icalparser_parse_string(text.c_str()));
    icalerror_clear_errno();
    icalcomponent* calendar = root.get();
    if (calendar != nullptr && icalcomponent_isa(calendar) == ICAL_XROOT_COMPONENT) {
      calendar = icalcomponent_get_first_component(calendar, ICAL_VCALENDAR_COMPONENT);
    }
    if (calendar == nullptr || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
      diagnostics_.error(draft_.first_position,
                         "this is not an iCalendar file: it must start with BEGIN:VCALENDAR and "
                         "end with END:VCALENDAR");
      return std::nullopt;
    }
    lines_ = &outline_.calendar;
    report_unreadable_lines(calendar, "the calendar");
    read_calendar(calendar);
    int index = 0;
    for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
         event != nullptr;
         event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
      lines_ = index < static_cast<int>(outline_.events.size()) ? &outline_.events[index] : nullptr;
      ++index;
      ++draft_.events_in_file;
      read_event(event);
      if (static_cast<int>(draft_.data.sessions.size()) >= kMaxIcalSessions) {
        diagnostics_.error(position_of(""), "more than " + std::to_string(kMaxIcalSessions) +
                                                " sessions: the rest of the file is not read");
        break;
      }
    }
    apply_overrides();
    report_whole_venue_events();
    report_zone_used();
    return std::move(draft_);
  }

 private:
  // libical accepts any bytes; say where the text stops being UTF-8 instead (NUL bytes, at which
  // it would stop, are removed before: load_ical).
  bool check_text() {
    if (utf8::is_valid(bytes_)) return true;
    const UnfoldedText text = unfolded(bytes_);
    const auto fault = utf8::first_fault(text.text, false);
    if (fault) {
      diagnostics_.error(folded_position(text, *fault, file_),
                         "this byte is not UTF-8, the encoding iCalendar requires: "
                         "export the calendar again as UTF-8");
    }
    return !fault;
  }

  SourcePosition position_of(const std::string& property) const {
    if (lines_ == nullptr) return draft_.first_position;
    if (!property.empty()) {
      const auto found = lines_->properties.find(property);
      if (found != lines_->properties.end()) return {file_, found->second.lines.front(), 1};
    }
    return {file_, lines_->begin, 1};
  }

  // The line of the next error about `name` in this event: errors come in file order, so the
  // n-th error naming a property is at its n-th line.
  SourcePosition position_of_error(const std::string& name) {
    if (lines_ == nullptr || name.empty()) return position_of("");
    const auto found = lines_->properties.find(name);
    if (found == lines_->properties.end()) return position_of("");
    EventLines::Lines& named = found->second;
    const std::size_t index = std::min(named.errors++, named.lines.size() - 1);
    return {file_, named.lines[index], 1};
  }

  // libical's X-LIC-ERROR lines become messages an organizer can act on, each at the line it is
  // about; an event full of broken lines gets a few messages and a count, not thousands.
  void report_unreadable_lines(icalcomponent* event, const std::string& owner) {
    constexpr int kReportedPerEvent = 5;
    int count = 0;
    SourcePosition first_unreported;
    for (icalproperty* error = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY);
         error != nullptr;
         error = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY)) {
      const char* raw = icalproperty_get_xlicerror(error);
      const std::string_view text = raw ? raw : "";
      // "No value for SUMMARY property. …" and "Can't parse as DATE-TIME value in DTSTART
      // property. …" name the property; the others quote the line after ": ".
      const std::size_t colon = text.find(": ");
      const std::string_view line =
          colon == std::string_view::npos ? std::string_view() : text.substr(colon + 2);
      const bool value_error =
          text.starts_with("Can't parse as") || text.starts_with("No value for");
      std::string name = property_name(line);
      if (const std::size_t named = text.find(" property");
          value_error && named != std::string_view::npos) {
        const std::size_t word = text.rfind(' ', named - 1);
        const std::size_t from = word == std::string_view::npos ? 0 : word + 1;
        name = upper(text.substr(from, named - from));
      }
      const SourcePosition where = position_of_error(name);
      if (++count > kReportedPerEvent) {
        if (count == kReportedPerEvent + 1) first_unreported = where;
        continue;
      }
      std::string message;
      if (value_error) {
        message = "the value of " + name + " of " + owner + " cannot be read" +
                  (line.empty() ? std::string() : " (" + quoted(excerpt(line)) + ")") +
                  ": the property is ignored";
      } else if (text.starts_with("Invalid VALUE")) {
        message = "a property of " + owner + " has a VALUE type iCalendar does not know (" +
                  quoted(excerpt(line)) + "): the property is ignored";
      } else if (text.starts_with("Can't parse parameter")) {
        message = "a parameter of " + owner + " cannot be read (" + quoted(excerpt(line)) +
                  "): the property is ignored; parameters are written NAME=value";
      } else {
        message = "this line of " + owner + " is not a property (" + quoted(excerpt(line)) +
                  "): it is ignored; a line that continues the one above must start with a "
                  "space";
      }
      diagnostics_.warning(where, message);
    }
    if (count > kReportedPerEvent) {
      diagnostics_.warning(first_unreported, std::to_string(count - kReportedPerEvent) +
                                                 " more unreadable lines of " + owner +
                                                 " are ignored, the first here");
    }
  }

  void read_calendar(icalcomponent* calendar) {
    std::string zone_name;
    for (icalproperty* property = icalcomponent_get_first_property(calendar, ICAL_X_PROPERTY);
         property != nullptr;
         property = icalcomponent_get_next_property(calendar, ICAL_X_PROPERTY)) {
      const char* name = icalproperty_get_x_name(property);
      const char* value = icalproperty_get_x(property);
      if (name == nullptr || value == nullptr) continue;
      if (upper(name) == "X-WR-TIMEZONE") zone_name = value;
      if (upper(name) == "X-WR-CALNAME") draft_.data.conference.title = text_in_its_script(value);
    }
    if (zone_name.empty()) {
      icalcomponent* vtimezone =
          icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT);
      if (vtimezone != nullptr) {
        if (icalproperty* tzid = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY)) {
          if (const char* value = icalproperty_get_tzid(tzid)) zone_name = value;
        }
      }
    }
    calendar_has_zone_ = !zone_name.empty();
    if (zone_name.empty()) zone_name = venue_zone_ ? venue_zone_->name() : "UTC";
    conference_zone_ = TimeZone::find(zone_name);
    if (!conference_zone_) {
      diagnostics_.warning(draft_.first_position, "the calendar's time zone " + quoted(zone_name) +
                                                      " is unknown: UTC is used for display");
      conference_zone_ = TimeZone::find("UTC");
    }
    draft_.data.conference.time_zone = conference_zone_ ? conference_zone_->name() : "UTC";
  }

  // An icaltimetype as an instant; `had_offset` is false for floating times.
  std::optional<Instant> instant_of(icalproperty* property, icaltimetype value, bool& had_offset,
                                    const std::string& owner, const std::string& name) {
    if (icaltime_is_null_time(value) || !icaltime_is_valid_time(value)) {
      diagnostics_.error(position_of(name), name + " of " + owner +
                                                " is not a valid date-time: write it as "
                                                "20251126T093000Z or with TZID=Asia/Karachi");
      return std::nullopt;
    }
    if (value.year < 1900 || value.year > 2200) {
      diagnostics_.error(position_of(name), name + " of " + owner + " is in the year " +
                                                std::to_string(value.year) + ": check the date");
      return std::nullopt;
    }
    const time::ParsedDateTime local{
        {{value.year, value.month, value.day},
         value.is_date ? 0 : value.hour * 3600 + value.minute * 60 + value.second},
        std::nullopt};
    if (!time::is_valid_date(local.local.date)) {
      diagnostics_.error(position_of(name), name + " of " + owner + " is not a valid date");
      return std::nullopt;
    }
    if (icaltime_is_utc(value)) {
      had_offset = true;
      return conference_zone_->at(local.local.local_seconds());
    }
    const icaltimezone* library_zone = icaltime_get_timezone(value);
    if (library_zone != nullptr) {
      had_offset = true;
      icaltimetype copy = value;
      int is_daylight = 0;
      const int offset =
          icaltimezone_get_utc_offset(const_cast<icaltimezone*>(library_zone), &copy, &is_daylight);
      return Instant{local.local.local_seconds() - offset, offset};
    }
    icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
    const char* tzid_name = tzid ? icalparameter_get_tzid(tzid) : nullptr;
    if (tzid_name != nullptr) {
      if (const auto zone = TimeZone::find(tzid_name)) {
        had_offset = true;
        return to_instant(local, &*zone);
      }
      diagnostics_.warning(position_of(name), "TZID " + quoted(tzid_name) + " of " + owner +
                                                  " has no VTIMEZONE and is not a known zone: "
                                                  "read as " +
                                                  conference_zone_->name());
    }
    had_offset = false;
    ++floating_times_;
    return to_instant(local, &*conference_zone_);
  }

  std::string text_property(icalcomponent* event, icalproperty_kind kind) {
    icalproperty* property = icalcomponent_get_first_property(event, kind);
    if (property == nullptr) return {};
    const char* value = nullptr;
    switch (kind) {
      case ICAL_SUMMARY_PROPERTY:
        value = icalproperty_get_summary(property);
        break;
      case ICAL_DESCRIPTION_PROPERTY:
        value = icalproperty_get_description(property);
        break;
      case ICAL_LOCATION_PROPERTY:
        value = icalproperty_get_location(property);
        break;
      case ICAL_UID_PROPERTY:
        value = icalproperty_get_uid(property);
        break;
      default:
        break;
    }
    return value ? std::string(value) : std::string();
  }

  void read_event(icalcomponent* event) {
    Session session;
    SessionSource source;
    source.session = position_of("");
    session.id = text_property(event, ICAL_UID_PROPERTY);
    if (session.id.empty()) {
      session.id = "event-line-" + std::to_string(source.session.line);
    }
    const std::string owner = "event " + quoted(session.id);
    report_unreadable_lines(event, owner);
    session.title = text_in_its_script(text_property(event, ICAL_SUMMARY_PROPERTY));
    session.abstract = text_in_its_script(text_property(event, ICAL_DESCRIPTION_PROPERTY));
    session.room = text_property(event, ICAL_LOCATION_PROPERTY);
    source.room = position_of("LOCATION");
    if (session.room.empty()) {
      // Registration, plenaries: events for everyone, shown on a row of their own.
      session.room = draft_.whole_venue_room();
      if (whole_venue_events_++ == 0) first_whole_venue_event_ = source.session;
    } else {
      draft_.add_room_once(session.room, text_in_its_script(session.room));
    }
    if (icalproperty* status = icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY)) {
      if (icalproperty_get_status(status) == ICAL_STATUS_CANCELLED) {
        session.status.state = SessionState::kCancelled;
      }
    }

    icalproperty* start_property = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    if (start_property == nullptr) {
      diagnostics_.error(source.session, owner + " has no DTSTART: add when it starts");
      return;
    }
    source.start = position_of("DTSTART");
    const icaltimetype start_value = icalcomponent_get_dtstart(event);
    const auto start =
        instant_of(start_property, start_value, source.start_has_offset, owner, "DTSTART");
    if (!start) return;
    session.start = *start;
    std::int64_t duration = start_value.is_date ? time::kSecondsPerDay : 0;
    if (icalproperty* end_property = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
      source.end = position_of("DTEND");
      const auto end = instant_of(end_property, icalcomponent_get_dtend(event),
                                  source.end_has_offset, owner, "DTEND");
      if (!end) return;
      session.end = *end;
      duration = end->utc_seconds - start->utc_seconds;
    } else if (icalproperty* length =
                   icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
      source.end = position_of("DURATION");
      duration = icaldurationtype_as_int(icalproperty_get_duration(length));
      session.end = conference_zone_->at(session.start.utc_seconds + duration);
      session.end.offset_seconds = session.start.offset_seconds;
      source.end_has_offset = source.start_has_offset;
    } else {
      source.end = source.start;
      session.end = {session.start.utc_seconds + duration, session.start.offset_seconds};
      source.end_has_offset = source.start_has_offset;
    }

    if (icalproperty* recurrence =
            icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY)) {
      // One changed occurrence of a recurring event: it replaces that occurrence at the end.
      bool had_offset = false;
      const auto original = instant_of(recurrence, icalproperty_get_recurrenceid(recurrence),
                                       had_offset, owner, "RECURRENCE-ID");
      if (!original) return;
      session.id += "/" + time::format_date_time(*original);
      overrides_.push_back({std::move(session), std::move(source)});
      return;
    }
    icalproperty* rule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
    if (rule == nullptr) {
      add(std::move(session), std::move(source));
      return;
    }
    expand(event, rule, start_property, start_value, session, source, duration, owner);
  }

  // One session per occurrence, ids "UID/2025-11-26T09:30:00+05:00"; EXDATEs are left out.
  void expand(icalcomponent* event, icalproperty* rule_property, icalproperty* start_property,
              icaltimetype start_value, const Session& first, const SessionSource& source,
              std::int64_t duration, const std::string& owner) {
    icalrecurrencetype rule = icalproperty_get_rrule(rule_property);
    if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE ||
        rule.freq == ICAL_HOURLY_RECURRENCE || rule.freq == ICAL_NO_RECURRENCE) {
      diagnostics_.warning(position_of("RRULE"), "RRULE of " + owner +
                                                     " repeats more often than daily: only the "
                                                     "first occurrence is used");
      add(first, source);
      return;
    }
    const bool unbounded = rule.count == 0 && icaltime_is_null_time(rule.until);
    if (unbounded) {
      diagnostics_.warning(position_of("RRULE"), "RRULE of " + owner +
                                                     " has no COUNT or UNTIL: occurrences in the "
                                                     "first year are used");
    }
    std::vector<std::int64_t> excluded;
    for (icalproperty* exdate = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY);
         exdate != nullptr; exdate = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)) {
      bool had_offset = false;
      if (const auto when =
              instant_of(exdate, icalproperty_get_exdate(exdate), had_offset, owner, "EXDATE")) {
        excluded.push_back(when->utc_seconds);
      }
    }
    icalrecur_iterator* iterator = icalrecur_iterator_new(rule, start_value);
    if (iterator == nullptr) {
      diagnostics_.warning(position_of("RRULE"), "RRULE of " + owner +
                                                     " cannot be expanded: only the first "
                                                     "occurrence is used");
      add(first, source);
      return;
    }
    int count = 0;
    std::size_t added = 0;
    for (icaltimetype next = icalrecur_iterator_next(iterator); !icaltime_is_null_time(next);
         next = icalrecur_iterator_next(iterator)) {
      next.zone = start_value.zone;
      bool had_offset = false;
      const auto when = instant_of(start_property, next, had_offset, owner, "RRULE");
      if (!when) break;
      if (unbounded && when->utc_seconds - first.start.utc_seconds >= kUnboundedRuleSpan) break;
      if (++count > kMaxOccurrencesPerEvent) {
        diagnostics_.warning(position_of("RRULE"), "RRULE of " + owner + " has more than " +
                                                       std::to_string(kMaxOccurrencesPerEvent) +
                                                       " occurrences: the rest are left out");
        break;
      }
      if (std::find(excluded.begin(), excluded.end(), when->utc_seconds) != excluded.end())
        continue;
      Session occurrence = first;
      occurrence.start = *when;
      occurrence.end = {when->utc_seconds + duration, when->offset_seconds};
      occurrence.id = first.id + "/" + time::format_date_time(*when);
      add(std::move(occurrence), source);
      ++added;
    }
    icalrecur_iterator_free(iterator);
    // The VEVENT was counted once; the file describes each of its occurrences.
    if (added > 0)
      draft_.events_in_file += added - 1;
    else
      --draft_.events_in_file;  // every occurrence excluded by EXDATE
  }

  // Repeated UIDs are kept apart for the whole draft (AgendaDraft::keep_repeated_ids_apart); an
  // override (RECURRENCE-ID) replaces the first occurrence with its id.
  void add(Session session, SessionSource source) {
    id_index_.emplace(session.id, draft_.data.sessions.size());
    draft_.add_session(std::move(session), std::move(source));
  }

  void apply_overrides() {
    for (auto& [session, source] : overrides_) {
      const auto found = id_index_.find(session.id);
      if (found == id_index_.end()) {
        add(std::move(session), std::move(source));
        continue;
      }
      --draft_.events_in_file;  // a change of an occurrence already counted
      draft_.data.sessions[found->second] = std::move(session);
      draft_.session_sources[found->second] = std::move(source);
    }
  }

  void report_whole_venue_events() {
    if (whole_venue_events_ == 0) return;
    diagnostics_.warning(first_whole_venue_event_,
                         std::to_string(whole_venue_events_) +
                             (whole_venue_events_ == 1 ? " event has" : " events have") +
                             " no LOCATION (the first here): shown in the room \"Whole "
                             "venue\"; add LOCATION:… to place them in a room");
  }

  // A calendar without a zone of its own is read, and shown, in the venue's zone; without one
  // the organizer is told that UTC is used.
  void report_zone_used() {
    if (calendar_has_zone_ || draft_.data.sessions.empty()) return;
    const std::string zone = quoted(conference_zone_->name());
    if (floating_times_ > 0) {
      diagnostics_.warning(
          draft_.first_position,
          std::to_string(floating_times_) +
              " times have no zone (no TZID, no X-WR-TIMEZONE) and are read in " + zone +
              (venue_zone_ ? ", the venue's zone (time_zone in ijlas.toml)"
                           : ": set time_zone in ijlas.toml to the venue's zone, or add "
                             "X-WR-TIMEZONE to the calendar"));
    } else if (venue_zone_ == nullptr) {
      diagnostics_.warning(draft_.first_position,
                           "the calendar's times are in UTC and it names no zone: they are shown "
                           "in UTC; set time_zone in ijlas.toml to show the venue's time");
    }
  }

  std::string_view bytes_;
  const std::string& file_;
  const TimeZone* venue_zone_;
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  std::unordered_map<std::string, std::size_t> id_index_;
  std::vector<std::pair<Session, SessionSource>> overrides_;
  CalendarOutline outline_;
  EventLines* lines_ = nullptr;
  std::optional<TimeZone> conference_zone_;
  bool calendar_has_zone_ = false;
  int floating_times_ = 0;
  int whole_venue_events_ = 0;
  SourcePosition first_whole_venue_event_;
};

}  // namespace

std::optional<AgendaDraft> load_ical(std::string_view bytes, const std::string& file,
                                     DiagnosticList& diagnostics, const TimeZone* venue_zone) {
  const ControlsRemoved controls = remove_control_bytes(bytes, ControlBytes::kNul);
  if (controls.count == 0) return IcalReader(bytes, file, venue_zone, diagnostics).read();
  diagnostics.warning({file, controls.first}, controls_removed_message(controls, "iCalendar"));
  return IcalReader(controls.bytes, file, venue_zone, diagnostics).read();
}

}  // namespace ijlas::agenda
