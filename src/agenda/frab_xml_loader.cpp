#include "agenda/frab_schedule.hpp"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "agenda/frab_event.hpp"
#include "agenda/text_sanitizer.hpp"
#include "core/diagnostic.hpp"
#include "core/text_cursor.hpp"

namespace ijlas::agenda {
namespace {

constexpr int kMaxEventDepth = 16;  // an event's own elements nest two levels; more is an attack

// A small element tree for one event or one top-level block, with the place of each element.
struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;
  SourcePosition position;
  std::vector<XmlElement> children;

  const XmlElement* child(std::string_view child_name) const {
    for (const XmlElement& element : children) {
      if (element.name == child_name) return &element;
    }
    return nullptr;
  }
  std::string child_text(std::string_view child_name) const {
    const XmlElement* element = child(child_name);
    return element ? element->text : std::string();
  }
  std::string attribute(std::string_view key) const {
    for (const auto& [name, value] : attributes) {
      if (name == key) return value;
    }
    return {};
  }
};

// Where each start tag begins, in document order: the n-th element the reader meets is the n-th
// of these, so every position is found by index in one pass over the text, never by searching.
// Comments, CDATA, processing instructions and declarations hold no start tags.
std::vector<std::size_t> start_tag_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  const auto skip_past = [&](std::size_t from, std::string_view end) {
    const std::size_t found = text.find(end, from);
    return found == std::string_view::npos ? text.size() : found + end.size();
  };
  std::size_t at = text.find('<');
  while (at != std::string_view::npos && at + 1 < text.size()) {
    const std::string_view rest = text.substr(at);
    std::size_t next = at + 1;
    if (rest.starts_with("<!--")) {
      next = skip_past(at + 4, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      next = skip_past(at + 9, "]]>");
    } else if (rest.starts_with("<?")) {
      next = skip_past(at + 2, "?>");
    } else if (rest[1] != '/' && rest[1] != '!') {
      offsets.push_back(at);
    }
    at = text.find('<', next);
  }
  return offsets;
}

std::string as_string(const xmlChar* text) {
  return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
}

struct ReaderDeleter {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};

class FrabXmlReader {
 public:
  FrabXmlReader(std::string_view bytes, const std::string& file, const TimeZone* venue_zone,
                DiagnosticList& diagnostics)
      : bytes_(bytes),
        file_(file),
        venue_zone_(venue_zone),
        diagnostics_(diagnostics),
        cursor_(bytes),
        start_tags_(start_tag_offsets(bytes)) {}

  std::optional<AgendaDraft> read() {
    static std::once_flag initialized;
    std::call_once(initialized, [] { xmlInitParser(); });
    draft_.first_position = {file_, 1, 1};
    // NONET: never fetch; no NOENT/DTDLOAD/DTDATTR: entities stay unexpanded, DTDs unread.
    const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                        XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
    reader_.reset(xmlReaderForMemory(bytes_.data(), static_cast<int>(bytes_.size()), nullptr,
                                     nullptr, options));
    if (!reader_) {
      diagnostics_.error(draft_.first_position, "the XML parser could not be started");
      return std::nullopt;
    }
    xmlTextReaderSetStructuredErrorHandler(reader_.get(), &FrabXmlReader::on_error, this);
    if (!read_document()) return std::nullopt;
    return std::move(draft_);
  }

 private:
  static void on_error(void* self, xmlErrorPtr error) {
    auto* reader = static_cast<FrabXmlReader*>(self);
    if (reader->parse_error_ || error == nullptr || error->level < XML_ERR_ERROR) return;
    std::string message = error->message ? error->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    reader->parse_error_ = true;
    reader->diagnostics_.error({reader->file_, error->line, error->int2},
                               "the XML is not well-formed: " + message);
  }

  // Reads one node; false at the end of the document or on a parse error (already reported).
  bool next() {
    const int result = xmlTextReaderRead(reader_.get());
    if (result < 0 && !parse_error_) {
      parse_error_ = true;
      diagnostics_.error(position_of_current(true), "the XML is not well-formed");
    }
    if (result == 1 && xmlTextReaderNodeType(reader_.get()) == XML_READER_TYPE_DOCUMENT_TYPE) {
      const std::size_t doctype = bytes_.find("<!DOCTYPE");
      if (doctype != std::string_view::npos) cursor_.advance_to(doctype);
      diagnostics_.error({file_, cursor_.position()},
                         "DTDs are not accepted in a schedule: remove the <!DOCTYPE …> line");
      parse_error_ = true;
      return false;
    }
    if (result == 1 && xmlTextReaderNodeType(reader_.get()) == XML_READER_TYPE_ELEMENT) {
      ++elements_seen_;
    }
    return result == 1;
  }

  int depth() const { return xmlTextReaderDepth(reader_.get()); }
  int type() const { return xmlTextReaderNodeType(reader_.get()); }
  std::string name() const { return as_string(xmlTextReaderConstLocalName(reader_.get())); }

  // Where the parser stands (for its own errors), else where the current element's start tag
  // begins.
  SourcePosition position_of_current(bool parser_position) {
    if (parser_position) {
      return {file_, xmlTextReaderGetParserLineNumber(reader_.get()),
              xmlTextReaderGetParserColumnNumber(reader_.get())};
    }
    if (elements_seen_ > 0 && elements_seen_ <= start_tags_.size()) {
      cursor_.advance_to(start_tags_[elements_seen_ - 1]);
    }
    return {file_, cursor_.position()};
  }

  void read_attributes(XmlElement& element) {
    while (xmlTextReaderMoveToNextAttribute(reader_.get()) == 1) {
      element.attributes.emplace_back(as_string(xmlTextReaderConstLocalName(reader_.get())),
                                      as_string(xmlTextReaderConstValue(reader_.get())));
    }
    xmlTextReaderMoveToElement(reader_.get());
  }

  // With the reader on a start tag, reads that element and everything inside it.
  bool read_element(XmlElement& root) {
    const int root_depth = depth();
    root.name = name();
    root.position = position_of_current(false);
    read_attributes(root);
    if (xmlTextReaderIsEmptyElement(reader_.get())) return true;
    std::vector<XmlElement*> open{&root};
    while (next()) {
      const int node_type = type();
      if (node_type == XML_READER_TYPE_END_ELEMENT) {
        open.pop_back();
        if (depth() == root_depth) return true;
      } else if (node_type == XML_READER_TYPE_ELEMENT) {
        if (static_cast<int>(open.size()) >= kMaxEventDepth) {
          diagnostics_.error(position_of_current(false), "elements nest deeper than " +
                                                             std::to_string(kMaxEventDepth) +
                                                             " levels inside <" + root.name + ">");
          return false;
        }
        XmlElement& child = open.back()->children.emplace_back();
        child.name = name();
        child.position = position_of_current(false);
        read_attributes(child);
        if (!xmlTextReaderIsEmptyElement(reader_.get())) open.push_back(&child);
      } else if (node_type == XML_READER_TYPE_TEXT || node_type == XML_READER_TYPE_CDATA ||
                 node_type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
        open.back()->text += as_string(xmlTextReaderConstValue(reader_.get()));
      }
    }
    return false;
  }

  bool read_document() {
    while (next() && type() != XML_READER_TYPE_ELEMENT) {
    }
    if (parse_error_) return false;
    if (type() != XML_READER_TYPE_ELEMENT || name() != "schedule") {
      diagnostics_.error(position_of_current(false),
                         "this XML is not a frab schedule: its root element must be <schedule>");
      return false;
    }
    if (xmlTextReaderIsEmptyElement(reader_.get())) return true;
    while (next()) {
      if (type() != XML_READER_TYPE_ELEMENT) continue;
      const int node_depth = depth();
      const std::string element = name();
      if (node_depth == 1 && element == "day") {
        start_day();
      } else if (node_depth == 2 && element == "room") {
        room_ = attribute("name");
      } else if (node_depth == 3 && element == "event") {
        XmlElement event;
        if (!read_element(event)) return false;
        add_event(event);
      } else if (node_depth == 1 &&
                 (element == "conference" || element == "tracks" || element == "persons")) {
        XmlElement block;
        if (!read_element(block)) return false;
        read_block(block);
      } else if (element == "event") {
        // An event anywhere but <day><room> has no day to belong to: said, never dropped quietly.
        XmlElement stray;
        if (!read_element(stray)) return false;
        ++draft_.events_in_file;
        diagnostics_.warning(stray.position, "event " + quoted(stray.attribute("id")) +
                                                 " is not inside <day><room>: it is left out; "
                                                 "move it into the <room> of its <day>");
      } else if (node_depth <= 3) {
        XmlElement ignored;  // read rather than skipped so that positions stay in step
        if (!read_element(ignored)) return false;
      }
    }
    return !parse_error_;
  }

  void read_block(const XmlElement& block) {
    if (block.name == "conference") {
      read_conference(block);
    } else if (block.name == "tracks") {
      for (const XmlElement& track : block.children) {
        const std::string slug = track.attribute("slug");
        std::string color = track.attribute("color");
        if (!is_hex_color(color)) color.clear();
        if (!track.text.empty()) {
          draft_.add_track_once(slug.empty() ? track.text : slug, text_in_its_script(track.text),
                                color);
        }
      }
    } else {
      for (const XmlElement& person : block.children) {
        Speaker speaker;
        speaker.id = person.attribute("id");
        speaker.name = text_in_its_script(person.text);
        if (speaker.id.empty()) speaker.id = person.text;
        if (!speaker.id.empty()) draft_.add_speaker_once(std::move(speaker));
      }
    }
  }

  void read_conference(const XmlElement& element) {
    Conference& conference = draft_.data.conference;
    conference.acronym = element.child_text("acronym");
    conference.title = text_in_its_script(element.child_text("title"));
    conference.subtitle = text_in_its_script(element.child_text("subtitle"));
    conference.venue = text_in_its_script(element.child_text("venue"));
    conference.city = text_in_its_script(element.child_text("city"));
    if (const auto date = time::parse_date(element.child_text("start"))) {
      conference.start_date = *date;
    }
    if (const auto date = time::parse_date(element.child_text("end"))) {
      conference.end_date = *date;
    }
    if (const XmlElement* change = element.child("day_change")) {
      if (const auto seconds = time::parse_clock_time(change->text)) {
        conference.day_change_seconds = *seconds;
        has_day_change_ = true;
      } else {
        diagnostics_.warning(change->position, "day_change " + quoted(change->text) +
                                                   " is not a time (HH:MM:SS): ignored");
      }
    }
    if (const XmlElement* zone = element.child("time_zone_name")) {
      conference.time_zone = zone->text;
      draft_.time_zone = zone->position;
      zone_ = TimeZone::find(zone->text);
      if (!zone_) {
        diagnostics_.warning(zone->position, "unknown time zone " + quoted(zone->text) +
                                                 ": the offsets in the data are used");
      }
    }
  }

  // An attribute of the current element, or empty.
  std::string attribute(const char* key) {
    xmlChar* value = xmlTextReaderGetAttribute(reader_.get(), BAD_CAST key);
    std::string text = as_string(value);
    xmlFree(value);
    return text;
  }

  void start_day() {
    const SourcePosition position = position_of_current(false);
    const std::string start = attribute("start");
    if (!has_day_change_ && draft_.data.days.empty()) {
      // Without day_change the first day's start tells when a conference day begins.
      if (const auto parsed = time::parse_date_time(start)) {
        draft_.data.conference.day_change_seconds = parsed->local.seconds_of_day;
      }
    }
    const int index = static_cast<int>(draft_.data.days.size()) + 1;
    const FrabDayContext context{{}, draft_.data.conference.day_change_seconds, floating_zone()};
    day_ = make_frab_day(index, attribute("date"), start, attribute("end"), context, position,
                         diagnostics_);
    if (day_) draft_.data.days.push_back(*day_);
  }

  void add_event(const XmlElement& element) {
    if (!day_) {
      diagnostics_.error(element.position, "this event is outside a valid <day>: it is skipped");
      return;
    }
    FrabEvent event;
    event.position = element.position;
    event.id = element.attribute("id");
    event.guid = element.attribute("guid");
    const auto text = [&](std::string_view key, SourcePosition* position = nullptr) {
      const XmlElement* child = element.child(key);
      if (position != nullptr) *position = child ? child->position : element.position;
      return child ? child->text : std::string();
    };
    event.date = text("date", &event.date_position);
    event.start = text("start", &event.start_position);
    event.duration = text("duration", &event.duration_position);
    event.room = text("room", &event.room_position);
    if (event.room.empty()) event.room = room_;
    event.title = text("title");
    event.subtitle = text("subtitle");
    if (const XmlElement* track = element.child("track")) {
      event.track_name = track->text;
      event.track_id = track->attribute("slug");
    }
    event.type = text("type");
    event.language = text("language");
    event.url = text("url", &event.url_position);
    event.abstract = text("abstract");
    event.description = text("description");
    if (const XmlElement* persons = element.child("persons")) {
      for (const XmlElement& person : persons->children) {
        event.persons.push_back({person.attribute("id"), person.text, "", person.position});
      }
    }
    const FrabDayContext context{day_->date, draft_.data.conference.day_change_seconds,
                                 floating_zone()};
    add_frab_event(event, context, draft_, diagnostics_);
  }

  // The zone of times without an offset: the schedule's own, else the venue's.
  const TimeZone* floating_zone() const { return zone_ ? &*zone_ : venue_zone_; }

  std::string_view bytes_;
  const SourceName file_;
  const TimeZone* venue_zone_;
  DiagnosticList& diagnostics_;
  TextCursor cursor_;
  std::vector<std::size_t> start_tags_;
  std::size_t elements_seen_ = 0;
  std::unique_ptr<xmlTextReader, ReaderDeleter> reader_;
  AgendaDraft draft_;
  std::optional<TimeZone> zone_;  // the schedule's own
  std::optional<Day> day_;
  std::string room_;
  bool has_day_change_ = false;
  bool parse_error_ = false;
};

}  // namespace

std::optional<AgendaDraft> load_frab_xml(std::string_view bytes, const std::string& file,
                                         DiagnosticList& diagnostics, const TimeZone* venue_zone) {
  // UTF-16 without a byte-order mark ("<\0?\0x\0…") is libxml2's to read: its NULs are text.
  const bool utf16 = bytes.size() >= 2 && (bytes[0] == '\0' || bytes[1] == '\0');
  const ControlsRemoved controls =
      utf16 ? ControlsRemoved{}
            : remove_control_bytes(bytes, ControlBytes::kAllButTabAndLineBreaks);
  if (controls.count == 0) return FrabXmlReader(bytes, file, venue_zone, diagnostics).read();
  diagnostics.warning({file, controls.first}, controls_removed_message(controls, "XML"));
  return FrabXmlReader(controls.bytes, file, venue_zone, diagnostics).read();
}

}  // namespace ijlas::agenda
