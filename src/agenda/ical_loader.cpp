#include "agenda/ical_loader.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
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

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::int64_t kUnboundedRuleSpan = 366LL * time::kSecondsPerDay;

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Where a component and its own properties were written; libical keeps no positions.
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

// The name a content line starts with: up to the first ':' or ';', and at most 64 bytes, as
// libical's messages quote long lines only in part.
std::string property_name(std::string_view line) {
  constexpr std::size_t kLongest = 64;
  return upper(line.substr(0, std::min(line.find_first_of(":;"), kLongest)));
}

// The content lines of a part of the text as libical unfolds them (icalparser_get_line, which
// reads one physical line ahead), each with the file line and offset it starts at.
class ContentLines {
 public:
  ContentLines(icalparser* parser, std::string_view text, std::size_t begin, std::size_t end,
               int line)
      : parser_(parser),
        text_(text.substr(0, end)),
        position_(begin),
        line_(line),
        newline_(text_.find('\n', begin)),
        return_(text_.find('\r', begin)) {
    icalparser_set_gen_data(parser_, this);
  }

  struct Line {
    std::unique_ptr<char, decltype(&std::free)> text{nullptr, &std::free};
    std::string_view view;
    int line = 0;
    std::size_t begin = 0;  // its offset in the text
  };

  // The next line, or false at the end of the part.
  bool next(Line& out) {
    out.line = next_line();
    out.begin = next_offset();
    out.text.reset(icalparser_get_line(parser_, &generate));
    out.view = out.text ? std::string_view(out.text.get()) : std::string_view();
    return out.text != nullptr;
  }

  // Where the line after the last one returned starts.
  std::size_t next_offset() const { return ahead_ ? ahead_offset_ : position_; }
  int next_line() const { return ahead_ ? ahead_line_ : line_; }

 private:
  // libical's icalparser_string_line_generator on a string_view: a physical line, or the first
  // size - 1 bytes of it; a text without LF ends its lines at CR. Where the next LF and CR are
  // is remembered, so that a text without them is not searched again for each line.
  static char* generate(char* out, std::size_t size, void* data) {
    auto& self = *static_cast<ContentLines*>(data);
    const std::string_view text = self.text_;
    std::size_t& at = self.position_;
    self.ahead_ = false;
    if (at >= text.size()) return nullptr;
    if (self.newline_ < at) self.newline_ = text.find('\n', at);
    std::size_t length = 0;
    bool cr_ends = false;
    if (self.newline_ != std::string_view::npos) {
      length = self.newline_ + 1 - at;
    } else {
      if (self.return_ < at) self.return_ = text.find('\r', at);
      cr_ends = self.return_ != std::string_view::npos;
      length = cr_ends ? self.return_ + 1 - at : text.size() - at;
    }
    length = std::min(length, size - 1);
    std::memcpy(out, text.data() + at, length);
    if (cr_ends) out[length - 1] = '\n';
    out[length] = '\0';
    self.ahead_ = true;
    self.ahead_offset_ = at;
    self.ahead_line_ = self.line_;
    at += length;
    if (text[at - 1] == '\n') ++self.line_;
    return out;
  }

  icalparser* parser_;
  std::string_view text_;
  std::size_t position_;
  int line_;
  std::size_t newline_, return_;  // the next LF and CR at or after position_, or npos
  bool ahead_ = false;            // libical holds the start of the next physical line
  std::size_t ahead_offset_ = 0;
  int ahead_line_ = 0;
};

// What libical's icalparser_add_line makes of a line: the start or end of a component (its
// name is what follows the first unquoted ':' or ';', up to an unescaped ','), or else.
enum class LineRole { kBegin, kEnd, kOther };

// libical's parser_get_next_char: the first `wanted` outside quotes, never the first byte nor
// one after a backslash.
std::size_t unquoted(std::string_view line, char wanted) {
  bool quoted = false;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i - 1] == '\\') continue;
    if (line[i] == '"') {
      quoted = !quoted;
    } else if (!quoted && line[i] == wanted) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string_view without_trailing_space(std::string_view text) {
  while (!text.empty() && std::strchr(" \t\n\v\f\r", text.back()) != nullptr)
    text.remove_suffix(1);
  return text;
}

LineRole role_of(std::string_view line, std::string_view* component = nullptr) {
  const std::size_t semicolon = unquoted(line, ';');
  const std::size_t colon = unquoted(line, ':');
  if (semicolon == std::string_view::npos && colon == std::string_view::npos)
    return LineRole::kOther;
  const std::size_t end =
      colon != std::string_view::npos && (semicolon == std::string_view::npos || semicolon > colon)
          ? colon
          : semicolon;
  const std::string name = upper(without_trailing_space(line.substr(0, end)));
  if (name == "END") return LineRole::kEnd;
  if (name != "BEGIN") return LineRole::kOther;
  if (component != nullptr) {
    std::string_view value = line.substr(end + 1);
    if (value.size() < 2 || value.front() != '"' || value.back() != '"') {
      for (std::size_t from = 0;;) {
        const std::size_t comma = unquoted(value.substr(from), ',');
        if (comma == std::string_view::npos) break;
        const std::size_t at = from + comma;
        if (value[at - 1] != '\\' && (at < 3 || value[at - 3] != '\\')) {
          value = value.substr(0, at);
          break;
        }
        from = at + 1;
      }
    }
    *component = without_trailing_space(value);
  }
  return LineRole::kBegin;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\n") == std::string_view::npos;
}

icalcomponent_kind component_kind(std::string_view name) {
  return icalenum_string_to_component_kind(std::string(name).c_str());
}

// Where a VEVENT of the calendar is in the text: it is parsed on its own when it is read.
struct EventText {
  std::size_t begin = 0;
  std::size_t end = 0;
  int line = 0;
  std::size_t sessions = 1;  // as many as its RRULE's COUNT, if it has one, for reserving room
};

// The sessions a line of a VEVENT foretells: an RRULE with a COUNT that many (capped), else one.
std::size_t sessions_foretold(std::string_view line) {
  if (line.size() < 6 || upper(line.substr(0, 6)) != "RRULE:") return 1;
  const std::string rule = upper(line);
  const std::size_t count = rule.find("COUNT=");
  if (count == std::string::npos) return 1;
  const long value = std::strtol(rule.c_str() + count + 6, nullptr, 10);
  return static_cast<std::size_t>(std::clamp<long>(value, 1, kMaxOccurrencesPerEvent));
}

struct ParserDeleter {
  void operator()(icalparser* parser) const { icalparser_free(parser); }
};
using Parser = std::unique_ptr<icalparser, ParserDeleter>;

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
                               const SourceName& file) {
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
    text_ = bytes_.substr(bytes_.substr(0, 3) == kByteOrderMark ? 3 : 0);
    std::vector<EventText> events;
    const auto root = skeleton_of(events);
    if (!root) return std::nullopt;
    icalcomponent* calendar = root->get();
    if (calendar != nullptr && icalcomponent_isa(calendar) == ICAL_XROOT_COMPONENT) {
      calendar = icalcomponent_get_first_component(calendar, ICAL_VCALENDAR_COMPONENT);
    }
    if (calendar == nullptr || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
      diagnostics_.error(draft_.first_position,
                         "this is not an iCalendar file: it must start with BEGIN:VCALENDAR and "
                         "end with END:VCALENDAR");
      return std::nullopt;
    }
    lines_ = &calendar_lines_;
    report_unreadable_lines(calendar, "the calendar");
    read_calendar(calendar);
    std::size_t expected = 0;
    for (const EventText& text : events)
      expected += text.sessions;
    expected = std::min<std::size_t>(expected, kMaxIcalSessions + kMaxOccurrencesPerEvent);
    draft_.data.sessions.reserve(expected);
    draft_.session_sources.reserve(expected);
    for (const EventText& text : events) {
      EventLines outline{text.line, {}};
      const auto event = event_of(text, outline);
      if (event == nullptr || icalcomponent_isa(event.get()) != ICAL_VEVENT_COMPONENT) continue;
      // Under the calendar while it is read, so that its TZIDs find the calendar's VTIMEZONEs.
      icalcomponent_add_component(calendar, event.get());
      lines_ = &outline;
      ++draft_.events_in_file;
      read_event(event.get());
      icalcomponent_remove_component(calendar, event.get());
      const bool full = static_cast<int>(draft_.data.sessions.size()) >= kMaxIcalSessions;
      if (full) {
        diagnostics_.error(position_of(""), "more than " + std::to_string(kMaxIcalSessions) +
                                                " sessions: the rest of the file is not read");
      }
      lines_ = nullptr;
      if (full) break;
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

  // The calendar without its VEVENTs (its own properties, its VTIMEZONEs, what comes before it),
  // parsed line by line as icalparser_parse would the whole text, and where each VEVENT is
  // (`events`): they are parsed one at a time as they are read, as the whole calendar's tree
  // would take about 9× the file. Null when components nest too deep (reported).
  std::optional<std::unique_ptr<icalcomponent, ComponentDeleter>> skeleton_of(
      std::vector<EventText>& events) {
    const Parser parser(icalparser_new());
    // libical's line generator skips a byte order mark at the start, after the one read() did.
    ContentLines lines(parser.get(), text_, text_.substr(0, 3) == kByteOrderMark ? 3 : 0,
                       text_.size(), 1);
    std::unique_ptr<icalcomponent, ComponentDeleter> root;
    ContentLines::Line line;
    int level = 0;  // as libical counts: every BEGIN opens, every END closes the last one open
    bool in_calendar = false;  // inside the first top-level VCALENDAR, the one that is read
    bool calendar_seen = false;
    bool calendar_done = false;  // what follows it is not read, only checked for nesting
    const auto too_deep = [&](int at) {
      if (level <= kMaxIcalNesting) return false;
      diagnostics_.error({file_, at, 1}, "components nest deeper than " +
                                             std::to_string(kMaxIcalNesting) + " levels");
      return true;
    };
    while (lines.next(line)) {
      const bool feeding = !calendar_done;
      std::string_view component;
      const LineRole role = role_of(line.view, &component);
      if (role == LineRole::kBegin) {
        ++level;
        if (too_deep(line.line)) return std::nullopt;
        if (level == 1 && !calendar_seen) {
          in_calendar = calendar_seen = component_kind(component) == ICAL_VCALENDAR_COMPONENT;
        } else if (level == 2 && in_calendar &&
                   component_kind(component) == ICAL_VEVENT_COMPONENT) {
          EventText event{line.begin, 0, line.line};
          for (int depth = 1; depth > 0 && lines.next(line);) {
            const LineRole inner = role_of(line.view);
            if (inner == LineRole::kBegin) {
              ++depth;
              ++level;
              if (too_deep(line.line)) return std::nullopt;
            } else if (inner == LineRole::kEnd) {
              --depth;
              --level;
            } else if (depth == 1) {
              event.sessions = std::max(event.sessions, sessions_foretold(line.view));
            }
          }
          event.end = lines.next_offset();
          events.push_back(event);
          continue;
        }
      } else if (role == LineRole::kEnd) {
        level = std::max(0, level - 1);
        if (level == 0 && in_calendar) in_calendar = false, calendar_done = true;
      } else if (level == 1 && feeding && !is_blank(line.view)) {
        calendar_lines_.properties[property_name(line.view)].lines.push_back(line.line);
      }
      if (!feeding) continue;
      icalcomponent* done = icalparser_add_line(parser.get(), line.text.get());
      if (done == nullptr) continue;
      // Several top-level components go under an XROOT, as icalparser_parse puts them.
      if (root == nullptr) {
        root.reset(done);
      } else {
        if (icalcomponent_isa(root.get()) != ICAL_XROOT_COMPONENT) {
          icalcomponent* both = icalcomponent_new(ICAL_XROOT_COMPONENT);
          icalcomponent_add_component(both, root.release());
          root.reset(both);
        }
        icalcomponent_add_component(root.get(), done);
      }
    }
    icalerror_clear_errno();
    return root;
  }

  // The VEVENT written at `text`, parsed alone; `outline` gets the lines of its properties.
  std::unique_ptr<icalcomponent, ComponentDeleter> event_of(const EventText& text,
                                                            EventLines& outline) {
    const Parser parser(icalparser_new());
    ContentLines lines(parser.get(), text_, text.begin, text.end, text.line);
    ContentLines::Line line;
    std::unique_ptr<icalcomponent, ComponentDeleter> event;
    int depth = 0;
    while (lines.next(line)) {
      const LineRole role = role_of(line.view);
      if (role == LineRole::kBegin) {
        ++depth;
      } else if (role == LineRole::kEnd) {
        --depth;
      } else if (depth == 1 && !is_blank(line.view)) {
        outline.properties[property_name(line.view)].lines.push_back(line.line);
      }
      // The event comes back whole at its last END, the end of `text`.
      if (icalcomponent* done = icalparser_add_line(parser.get(), line.text.get()))
        event.reset(done);
    }
    icalerror_clear_errno();
    return event;
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

  // Repeated UIDs are kept apart for the whole draft (AgendaDraft::keep_repeated_ids_apart).
  void add(Session session, SessionSource source) {
    // Room was reserved for the sessions the file foretells; past them the vectors grow by an
    // eighth, not twofold, as their copy while growing would be the reader's peak.
    std::vector<Session>& sessions = draft_.data.sessions;
    if (sessions.size() == sessions.capacity()) {
      const std::size_t room = sessions.size() + sessions.size() / 8 + 16;
      sessions.reserve(room);
      draft_.session_sources.reserve(room);
    }
    draft_.add_session(std::move(session), std::move(source));
  }

  // Each override (RECURRENCE-ID) replaces the first session with its id, or is added; the
  // index is of the overrides' ids only, not of every session.
  void apply_overrides() {
    if (overrides_.empty()) return;
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::unordered_map<std::string, std::size_t> first_with_id;
    for (const auto& [session, source] : overrides_)
      first_with_id.emplace(session.id, kNone);
    for (std::size_t i = 0; i < draft_.data.sessions.size(); ++i) {
      const auto found = first_with_id.find(draft_.data.sessions[i].id);
      if (found != first_with_id.end() && found->second == kNone) found->second = i;
    }
    for (auto& [session, source] : overrides_) {
      std::size_t& index = first_with_id[session.id];
      if (index == kNone) {
        index = draft_.data.sessions.size();
        add(std::move(session), std::move(source));
        continue;
      }
      --draft_.events_in_file;  // a change of an occurrence already counted
      draft_.data.sessions[index] = std::move(session);
      draft_.session_sources[index] = std::move(source);
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
  const SourceName file_;
  const TimeZone* venue_zone_;
  DiagnosticList& diagnostics_;
  AgendaDraft draft_;
  std::vector<std::pair<Session, SessionSource>> overrides_;
  std::string_view text_;             // the bytes without their byte order mark
  EventLines calendar_lines_{1, {}};  // the VCALENDAR's own properties (X-WR-TIMEZONE, …)
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
