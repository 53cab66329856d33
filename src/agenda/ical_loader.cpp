#include "agenda/ical_loader.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

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
  std::map<std::string, int> properties;  // first line of DTSTART, DTEND, …
};

struct CalendarOutline {
  std::vector<EventLines> events;
  int deepest = 0;
  int deepest_line = 0;
};

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
    const std::string head = upper(content.substr(0, std::min<std::size_t>(content.size(), 16)));
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
      const std::size_t name_end = content.find_first_of(":;");
      const std::string name = upper(content.substr(0, name_end));
      outline.events.back().properties.emplace(name, line);
    }
  }
  return outline;
}

struct ComponentDeleter {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};

class IcalReader {
 public:
  IcalReader(std::string_view bytes, const std::string& file, DiagnosticList& diagnostics)
      : bytes_(bytes), file_(file), diagnostics_(diagnostics) {}

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
    read_calendar(calendar);
    int index = 0;
    for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
         event != nullptr;
         event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
      lines_ = index < static_cast<int>(outline_.events.size()) ? &outline_.events[index] : nullptr;
      ++index;
      read_event(event);
      if (static_cast<int>(draft_.data.sessions.size()) >= kMaxIcalSessions) {
        diagnostics_.error(position_of(""), "more than " + std::to_string(kMaxIcalSessions) +
                                                " sessions: the rest of the file is not read");
        break;
      }
    }
    apply_overrides();
    return std::move(draft_);
  }

 private:
  // libical stops at a NUL byte and accepts any bytes; say where the text goes wrong instead.
  bool check_text() {
    const auto fault = utf8::first_fault(bytes_, true);
    if (fault) {
      diagnostics_.error({file_, fault->line, fault->column},
                         fault->nul ? "a NUL byte: this is not a text file"
                                    : "invalid UTF-8: save the file as UTF-8");
    }
    return !fault;
  }

  SourcePosition position_of(const std::string& property) const {
    if (lines_ == nullptr) return draft_.first_position;
    if (!property.empty()) {
      const auto found = lines_->properties.find(property);
      if (found != lines_->properties.end()) return {file_, found->second, 1};
    }
    return {file_, lines_->begin, 1};
  }

  // libical's error texts name the property ("No value for SUMMARY property"): point at it.
  SourcePosition position_of_named_property(const std::string& text) const {
    if (lines_ != nullptr) {
      for (const auto& [name, line] : lines_->properties) {
        if (text.find(" " + name + " ") != std::string::npos) return {file_, line, 1};
      }
    }
    return position_of("");
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
    conference_zone_ = TimeZone::find(zone_name.empty() ? "UTC" : zone_name);
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
    for (icalproperty* error = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY);
         error != nullptr;
         error = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY)) {
      const std::string text =
          icalproperty_get_xlicerror(error) ? icalproperty_get_xlicerror(error) : "unreadable line";
      diagnostics_.warning(position_of_named_property(text), owner + ": " + text + " (ignored)");
    }
    session.title = text_in_its_script(text_property(event, ICAL_SUMMARY_PROPERTY));
    session.abstract = text_in_its_script(text_property(event, ICAL_DESCRIPTION_PROPERTY));
    session.room = text_property(event, ICAL_LOCATION_PROPERTY);
    source.room = position_of("LOCATION");
    if (session.room.empty()) {
      diagnostics_.error(source.session, owner + " has no LOCATION: add the room as LOCATION:…");
      return;
    }
    draft_.add_room_once(session.room, text_in_its_script(session.room));
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
      add_unique(std::move(session), std::move(source));
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
      add_unique(first, source);
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
      add_unique(first, source);
      return;
    }
    int count = 0;
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
      add_unique(std::move(occurrence), source);
    }
    icalrecur_iterator_free(iterator);
  }

  // Some exporters give two different events one UID; the second gets its start appended.
  void add_unique(Session session, SessionSource source) {
    const auto [found, inserted] = id_index_.emplace(session.id, draft_.data.sessions.size());
    if (!inserted) {
      const std::string original = session.id;
      session.id += "/" + time::format_date_time(session.start);
      const int first_line = draft_.session_sources[found->second].session.line;
      diagnostics_.warning(source.session, "UID " + quoted(original) +
                                               " is used by another event too (line " +
                                               std::to_string(first_line) +
                                               "): this one is kept as " + quoted(session.id));
      if (!id_index_.emplace(session.id, draft_.data.sessions.size()).second) {
        return;  // the very same event twice: keep the first
      }
    }
    draft_.add_session(std::move(session), std::move(source));
  }

  void apply_overrides() {
    for (auto& [session, source] : overrides_) {
      const auto found = id_index_.find(session.id);
      if (found == id_index_.end()) {
        add_unique(std::move(session), std::move(source));
        continue;
      }
      draft_.data.sessions[found->second] = std::move(session);
      draft_.session_sources[found->second] = std::move(source);
    }
  }

  std::string_view bytes_;
  const std::string& file_;
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  std::unordered_map<std::string, std::size_t> id_index_;
  std::vector<std::pair<Session, SessionSource>> overrides_;
  CalendarOutline outline_;
  const EventLines* lines_ = nullptr;
  std::optional<TimeZone> conference_zone_;
};

}  // namespace

std::optional<AgendaDraft> load_ical(std::string_view bytes, const std::string& file,
                                     DiagnosticList& diagnostics) {
  return IcalReader(bytes, file, diagnostics).read();
}

}  // namespace ijlas::agenda
