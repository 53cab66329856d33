// ijlas-venue: the organizer's side of the venue broker (README.md, "The venue broker").
//   ijlas-venue [OPTIONS] publish FILE            an agenda, checked here first, to every screen
//   ijlas-venue [OPTIONS] announce --ur T --en T [--urgent] [--until T] [--id ID]
//                                  [--screens A,B | --room R]
//   ijlas-venue [OPTIONS] withdraw ID             takes an announcement away
//   ijlas-venue [OPTIONS] delay SESSION MINUTES   a session starts later
//   ijlas-venue [OPTIONS] cancel SESSION
//   ijlas-venue [OPTIONS] move SESSION [--room R] [--start T]
//   ijlas-venue [OPTIONS] shots DIR [--wait S]    every screen's thumbnail, and a grid of them
//   ijlas-venue [OPTIONS] screens                 every screen's status, as a table
//   ijlas-venue [OPTIONS] assign SCREEN,... | --all | --in-room R  [--room R] [--lang ur|en]
//                                  [--name PLACE] [--screen-off HH:MM-HH:MM]   screens' settings
//                                  [--rotate 0|90|180|270]
//   ijlas-venue init DIR [--screens A,B] [--tls HOST,...]  a Mosquitto setup for the venue
// OPTIONS: --broker URL --venue NAME --user U --password-file F --ca-file F --time-zone Z
// Exit status: 0 done, 1 refused or failed, 2 usage.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "agenda/agenda_loader.hpp"
#include "agenda/native_json_writer.hpp"
#include "agenda/time_zone.hpp"
#include "broker_setup.hpp"
#include "core/json_value.hpp"
#include "live/announcements.hpp"
#include "live/screen_schedule.hpp"
#include "live/session_overrides.hpp"
#include "platform/png_file.hpp"
#include "venue/agenda_version.hpp"
#include "venue/broker_session.hpp"
#include "venue/venue_link.hpp"
#include "venue/venue_topics.hpp"

namespace {

using namespace ijlas;
using namespace std::chrono_literals;

constexpr int kExitDone = 0;
constexpr int kExitRefused = 1;
constexpr int kExitUsage = 2;
constexpr auto kPatience = 10s;     // for the broker's answers
constexpr auto kRetainedWait = 1s;  // at most, when the broker does not echo our marker

int usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "ijlas-venue: " << problem << "\n";
  std::cerr
      << "usage: ijlas-venue [OPTIONS] publish FILE\n"
         "       ijlas-venue [OPTIONS] announce --ur TEXT --en TEXT [--urgent] [--until T] "
         "[--id ID]\n"
         "                                  [--screens ID,ID... | --room ROOM]\n"
         "       ijlas-venue [OPTIONS] withdraw ID\n"
         "       ijlas-venue [OPTIONS] delay SESSION MINUTES\n"
         "       ijlas-venue [OPTIONS] cancel SESSION\n"
         "       ijlas-venue [OPTIONS] move SESSION [--room ROOM] [--start TIME]\n"
         "       ijlas-venue [OPTIONS] shots DIR [--wait SECONDS]\n"
         "       ijlas-venue [OPTIONS] screens\n"
         "       ijlas-venue [OPTIONS] assign SCREEN,SCREEN... | --all | --in-room ROOM\n"
         "                                  [--room ROOM] [--lang ur|en] [--name PLACE]\n"
         "                                  [--screen-off HH:MM-HH:MM] [--rotate 0|90|180|270]\n"
         "       ijlas-venue init DIR [--venue NAME] [--screens ID,ID...] [--port N] [--bind "
         "ADDR]\n"
         "                            [--tls HOST,...] [--tls-port N] [--web-port N] [--web-dir "
         "D]\n"
         "                            [--web-tls-port N]\n"
         "OPTIONS: --broker mqtt://HOST:PORT|mqtts://HOST:PORT  --venue NAME  --user U\n"
         "         --password-file F (the password, or user:password without --user)\n"
         "         --ca-file F  --time-zone ZONE (for times without an offset; Asia/Karachi)\n";
  return kExitUsage;
}

int refuse(const std::string& why) {
  std::cerr << "ijlas-venue: " << why << "\n";
  return kExitRefused;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, separator);)
    if (!part.empty()) parts.push_back(part);
  return parts;
}

// The command line: options anywhere, the command and its words in order.
struct Invocation {
  std::map<std::string, std::string> options;  // "--urgent" -> "" for the flags
  std::vector<std::string> words;
  std::string option(const std::string& name, const std::string& fallback = "") const {
    const auto found = options.find(name);
    return found == options.end() ? fallback : found->second;
  }
};

std::optional<Invocation> parse(int argc, char** argv, std::string& error) {
  static const std::vector<std::string> kFlags = {"--urgent", "--all"};
  static const std::vector<std::string> kValued = {
      "--broker",    "--venue", "--user",     "--password-file", "--ca-file",
      "--time-zone", "--ur",    "--en",       "--until",         "--id",
      "--screens",   "--port",  "--bind",     "--tls",           "--tls-port",
      "--room",      "--lang",  "--web-port", "--web-dir",       "--start",
      "--wait",      "--name",  "--in-room",  "--web-tls-port",  "--screen-off",
      "--rotate"};
  Invocation invocation;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (!word.starts_with("--")) {
      invocation.words.push_back(word);
    } else if (std::find(kFlags.begin(), kFlags.end(), word) != kFlags.end()) {
      invocation.options[word] = "";
    } else if (std::find(kValued.begin(), kValued.end(), word) != kValued.end()) {
      if (i + 1 == argc) {
        error = word + " needs a value";
        return std::nullopt;
      }
      invocation.options[word] = argv[++i];
    } else {
      error = "unknown option " + ijlas::quoted(word);
      return std::nullopt;
    }
  }
  return invocation;
}

// A JSON value written back as text (for the documents the tool edits and publishes again).
std::string to_json(const json::Value& value) {
  switch (value.kind()) {
    case json::Kind::kNull:
      return "null";
    case json::Kind::kBool:
      return value.as_bool() ? "true" : "false";
    case json::Kind::kNumber:
      return value.text();
    case json::Kind::kString:
      return json::quote(value.text());
    case json::Kind::kArray: {
      std::string text = "[";
      for (const json::Value& item : value.items())
        text += (text.size() > 1 ? "," : "") + to_json(item);
      return text + "]";
    }
    case json::Kind::kObject: {
      std::string text = "{";
      for (const json::Member& member : value.members())
        text +=
            (text.size() > 1 ? "," : "") + json::quote(member.key) + ":" + to_json(member.value);
      return text + "}";
    }
  }
  return "null";
}

class Organizer {
 public:
  Organizer(const Invocation& invocation) : invocation_(invocation) {
    topics_.emplace(invocation.option("--venue", "venue"));
  }

  // Connects; the empty string, or why not.
  std::string connect() {
    std::string error;
    const auto broker =
        venue::parse_broker_url(invocation_.option("--broker", "mqtt://localhost:1883"), error);
    if (!broker) return "--broker " + error;
    std::optional<venue::Credentials> credentials;
    if (const std::string file = invocation_.option("--password-file"); !file.empty()) {
      if (const std::string user = invocation_.option("--user"); !user.empty()) {
        std::ifstream in(file);
        std::string password;
        if (!std::getline(in, password)) return file + ": cannot read the password";
        credentials = venue::Credentials{user, password};
      } else {
        credentials = venue::read_credentials(file, error);
        if (!credentials) return error;
      }
    }
    session_.emplace(*broker, credentials, invocation_.option("--ca-file"));
    session_->echo_under(topics_->organizer_echoes());
    return session_->connect(kPatience, error) ? "" : error;
  }

  bool publish(const std::string& topic, std::string_view payload,
               const venue::UserProperties& properties, std::string& error, bool retain = true) {
    return session_->publish(topic, payload, retain, properties, kPatience, error);
  }
  venue::BrokerSession& session() { return *session_; }

  // The retained message on `topic` (empty when there is none).
  std::string retained(const std::string& topic, std::string& error) {
    for (const venue::BrokerMessage& message : session_->collect(topic, kRetainedWait, error))
      if (message.retained && message.topic == topic) return message.payload;
    return {};
  }
  std::vector<venue::BrokerMessage> collect(const std::string& filter, std::string& error) {
    return session_->collect(filter, kRetainedWait, error);
  }

  const venue::VenueTopics& topics() const { return *topics_; }

 private:
  const Invocation& invocation_;
  std::optional<venue::VenueTopics> topics_;
  std::optional<venue::BrokerSession> session_;
};

void print_diagnostics(const DiagnosticList& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics.items())
    std::cerr << format_diagnostic(diagnostic) << "\n";
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

int publish_agenda(const Invocation& invocation) {
  if (invocation.words.size() != 2) return usage("publish takes one FILE");
  const std::filesystem::path file = invocation.words[1];
  // Checked here, before anything is sent: a bad file never reaches a screen.
  const agenda::LoadResult loaded = agenda::load_agenda_file(file);
  print_diagnostics(loaded.diagnostics);
  if (!loaded.ok()) return refuse(file.string() + ": not published; correct it and publish again");
  const std::string native = agenda::write_native_json(*loaded.agenda);
  // The version the screens will report: that of the agenda they read back from the payload.
  const agenda::LoadResult again = agenda::load_agenda_bytes(file.string(), native);
  if (!again.ok()) return refuse(file.string() + ": its native JSON does not load back");
  const std::string version = venue::agenda_version(*again.agenda);
  Organizer organizer(invocation);
  if (const std::string error = organizer.connect(); !error.empty()) return refuse(error);
  std::string error;
  if (!organizer.publish(organizer.topics().agenda(), native,
                         {{venue::kVersionProperty, version},
                          {venue::kSourceProperty, file.filename().string()},
                          {"published", utc_now()}},
                         error))
    return refuse(error);
  std::cout << "published " << file.string() << " (" << loaded.agenda->sessions().size()
            << " sessions) to " << organizer.topics().agenda() << " as version " << version << "\n";
  return kExitDone;
}

// The retained document of `topic` as its list of entries, to be edited and published again.
struct EditedDocument {
  std::vector<std::string> entries;  // each a JSON object
  std::vector<std::string> keys;     // each entry's "id" / "session"
};

std::optional<EditedDocument> read_document(Organizer& organizer, const std::string& topic,
                                            const std::string& list, const std::string& key,
                                            std::string& error) {
  EditedDocument document;
  const std::string text = organizer.retained(topic, error);
  if (!error.empty()) return std::nullopt;
  if (text.empty()) return document;
  const json::ParseResult parsed = json::parse(text);
  const json::Value* entries = parsed.value ? parsed.value->find(list) : nullptr;
  if (entries == nullptr || !entries->is_array()) {
    error = topic + " holds no \"" + list + "\" list; publish a whole document to replace it";
    return std::nullopt;
  }
  for (const json::Value& entry : entries->items()) {
    const json::Value* id = entry.find(key);
    document.entries.push_back(to_json(entry));
    document.keys.push_back(id && id->is_string() ? id->text() : "");
  }
  return document;
}

// Publishes the edited document after the kiosks' own parser has accepted it.
int publish_document(Organizer& organizer, const std::string& topic, const std::string& marker,
                     const std::string& list, const EditedDocument& document, bool announcements,
                     const std::string& zone_name) {
  std::string text = "{\n  " + json::quote(marker) + ": 1,\n  " + json::quote(list) + ": [";
  for (std::size_t i = 0; i < document.entries.size(); ++i)
    text += std::string(i ? "," : "") + "\n    " + document.entries[i];
  text += "\n  ]\n}\n";
  const auto zone = agenda::TimeZone::find(zone_name);
  if (!zone) return refuse("--time-zone " + ijlas::quoted(zone_name) + " is not a time zone");
  const DiagnosticList diagnostics =
      announcements ? live::parse_announcements(topic, text, live::Timestamp{0}, *zone).diagnostics
                    : live::parse_session_overrides(topic, text, *zone).diagnostics;
  print_diagnostics(diagnostics);
  if (diagnostics.has_errors()) return refuse("not published: the screens would refuse it");
  std::string error;
  if (!organizer.publish(topic, text, {{"published", utc_now()}}, error)) return refuse(error);
  std::cout << "published " << document.entries.size() << " " << list << " to " << topic << "\n";
  return kExitDone;
}

// Replaces the entry keyed `key` in the document of `topic` (or adds it), or with an empty
// `entry` takes it away; `found` says whether it was there.
int edit_topic(Organizer& organizer, const std::string& topic, bool announcements,
               const std::string& key, const std::string& entry, const Invocation& invocation,
               bool& found) {
  const std::string list = announcements ? "announcements" : "overrides";
  const std::string marker = announcements ? "ijlas_announcements" : "ijlas_overrides";
  std::string error;
  auto document = read_document(organizer, topic, list, announcements ? "id" : "session", error);
  if (!document) return refuse(error);
  found = false;
  for (std::size_t i = 0; i < document->keys.size(); ++i) {
    if (document->keys[i] != key) continue;
    found = true;
    document->entries.erase(document->entries.begin() + static_cast<std::ptrdiff_t>(i));
    document->keys.erase(document->keys.begin() + static_cast<std::ptrdiff_t>(i));
    break;
  }
  if (entry.empty() && !found) return kExitDone;
  if (!entry.empty()) {
    document->entries.push_back(entry);
    document->keys.push_back(key);
  }
  return publish_document(organizer, topic, marker, list, *document, announcements,
                          invocation.option("--time-zone", "Asia/Karachi"));
}

int edit(const Invocation& invocation, bool announcements, const std::string& key,
         const std::string& entry) {
  Organizer organizer(invocation);
  if (const std::string error = organizer.connect(); !error.empty()) return refuse(error);
  const std::string topic =
      announcements ? organizer.topics().announcements() : organizer.topics().overrides();
  bool found = false;
  return edit_topic(organizer, topic, announcements, key, entry, invocation, found);
}

// Every screen's retained settings, by screen id.
std::map<std::string, venue::ScreenAssignment> assignments(Organizer& organizer,
                                                           std::string& error) {
  std::map<std::string, venue::ScreenAssignment> found;
  for (const venue::BrokerMessage& message :
       organizer.collect(organizer.topics().all_screens("settings"), error)) {
    std::string ignored;
    if (const auto assignment = venue::parse_assignment(message.payload, ignored))
      found[organizer.topics().screen_of(message.topic)] = *assignment;
  }
  return found;
}

// The screens the organizer assigned the room `room` now.
std::optional<std::vector<std::string>> screens_in_room(Organizer& organizer,
                                                        const std::string& room,
                                                        std::string& error) {
  std::vector<std::string> screens;
  for (const auto& [screen, assignment] : assignments(organizer, error))
    if (assignment.room == room) screens.push_back(screen);
  if (screens.empty() && error.empty())
    error = "no screen is assigned the room " + ijlas::quoted(room) +
            " (ijlas-venue assign SCREEN --room ROOM)";
  return screens.empty() ? std::nullopt : std::optional(screens);
}

// The screens an announcement is for: --screens A,B, or those the organizer assigned --room R
// (their retained settings now: a screen assigned the room later does not get it).
std::optional<std::vector<std::string>> target_screens(Organizer& organizer,
                                                       const Invocation& invocation,
                                                       std::string& error) {
  if (invocation.options.count("--screens")) {
    std::vector<std::string> screens = split(invocation.option("--screens"), ',');
    for (const std::string& screen : screens)
      if (!venue::is_topic_name(screen)) {
        error = "--screens: " + ijlas::quoted(screen) + " is not a screen id";
        return std::nullopt;
      }
    if (screens.empty()) error = "--screens names no screen";
    return screens.empty() ? std::nullopt : std::optional(screens);
  }
  return screens_in_room(organizer, invocation.option("--room"), error);
}

int announce(const Invocation& invocation) {
  const std::string ur = invocation.option("--ur"), en = invocation.option("--en");
  if (invocation.words.size() != 1 || (ur.empty() && en.empty()))
    return usage("announce needs --ur TEXT and --en TEXT");
  if (invocation.options.count("--screens") && invocation.options.count("--room"))
    return usage("announce takes --screens or --room, not both");
  const std::string id = invocation.option("--id", "announcement-" + utc_now());
  std::string entry = "{\"id\":" + json::quote(id) + ",\"text\":{\"ur\":" + json::quote(ur) +
                      ",\"en\":" + json::quote(en) + "}";
  if (invocation.options.count("--urgent")) entry += ",\"priority\":\"high\"";
  if (const std::string until = invocation.option("--until"); !until.empty())
    entry += ",\"until\":" + json::quote(until);
  entry += "}";
  if (!invocation.options.count("--screens") && !invocation.options.count("--room"))
    return edit(invocation, true, id, entry);
  Organizer organizer(invocation);
  if (const std::string error = organizer.connect(); !error.empty()) return refuse(error);
  std::string error;
  const auto screens = target_screens(organizer, invocation, error);
  if (!screens) return refuse(error);
  for (const std::string& screen : *screens) {
    bool found = false;
    if (const int done = edit_topic(organizer, organizer.topics().screen_announcements(screen),
                                    true, id, entry, invocation, found);
        done != kExitDone)
      return done;
  }
  return kExitDone;
}

// From the whole venue's announcements and from every screen's own.
int withdraw(const Invocation& invocation) {
  if (invocation.words.size() != 2) return usage("withdraw takes one announcement ID");
  const std::string& id = invocation.words[1];
  Organizer organizer(invocation);
  if (const std::string error = organizer.connect(); !error.empty()) return refuse(error);
  std::string error;
  std::vector<std::string> topics = {organizer.topics().announcements()};
  for (const venue::BrokerMessage& message :
       organizer.collect(organizer.topics().all_screens("announcements"), error))
    if (message.payload.find(json::quote(id)) != std::string::npos) topics.push_back(message.topic);
  bool withdrawn = false;
  for (const std::string& topic : topics) {
    bool found = false;
    if (const int done = edit_topic(organizer, topic, true, id, "", invocation, found);
        done != kExitDone)
      return done;
    withdrawn = withdrawn || found;
  }
  return withdrawn ? kExitDone : refuse("no announcement " + ijlas::quoted(id) + " to withdraw");
}

// `move SESSION --room R [--start T]` (or --start alone): another room or start time.
int move(const Invocation& invocation) {
  if (invocation.words.size() != 2) return usage("move takes one SESSION");
  const std::string room = invocation.option("--room"), start = invocation.option("--start");
  if (room.empty() && start.empty()) return usage("move needs --room ROOM, --start T or both");
  std::string status = "{\"state\":\"moved\"";
  if (!room.empty()) status += ",\"room\":" + json::quote(room);
  if (!start.empty()) status += ",\"start\":" + json::quote(start);
  const std::string& session = invocation.words[1];
  return edit(invocation, false, session,
              "{\"session\":" + json::quote(session) + ",\"status\":" + status + "}}");
}

int change_session(const Invocation& invocation) {
  const bool delay = invocation.words[0] == "delay";
  if (invocation.words.size() != (delay ? 3u : 2u))
    return usage(delay ? "delay takes SESSION MINUTES" : "cancel takes SESSION");
  const std::string& session = invocation.words[1];
  std::string status = "\"cancelled\"";
  if (delay) {
    const std::string& minutes = invocation.words[2];
    if (minutes.empty() || minutes.find_first_not_of("0123456789") != std::string::npos)
      return usage("MINUTES must be a whole number, not " + ijlas::quoted(minutes));
    status = "{\"state\":\"delayed\",\"minutes\":" + minutes + "}";
  }
  return edit(invocation, false, session,
              "{\"session\":" + json::quote(session) + ",\"status\":" + status + "}");
}

std::string text_of(const json::Value* value) {
  if (value == nullptr) return "";
  if (value->is_string() || value->is_number()) return value->text();
  if (value->is_bool()) return value->as_bool() ? "yes" : "no";
  return "";
}

int screens(const Invocation& invocation) {
  Organizer organizer(invocation);
  if (const std::string error = organizer.connect(); !error.empty()) return refuse(error);
  std::string error;
  std::string current;
  for (const venue::BrokerMessage& message : organizer.collect(organizer.topics().agenda(), error))
    if (auto found = message.properties.find(venue::kVersionProperty);
        found != message.properties.end())
      current = found->second;
  const std::map<std::string, venue::ScreenAssignment> assigned = assignments(organizer, error);
  const auto statuses = organizer.collect(organizer.topics().all_statuses(), error);
  if (!error.empty()) return refuse(error);
  std::cout << std::left << std::setw(16) << "SCREEN" << std::setw(16) << "PLACE" << std::setw(16)
            << "ROOM" << std::setw(8) << "ONLINE" << std::setw(18) << "AGENDA" << std::setw(8)
            << "IN STEP" << std::setw(12) << "CLOCK"
            << "LAST ERROR\n";
  for (const venue::BrokerMessage& message : statuses) {
    const json::ParseResult parsed = json::parse(message.payload);
    if (!parsed.value) continue;
    const json::Value& status = *parsed.value;
    const json::Value* agenda = status.find("agenda");
    const std::string version = text_of(agenda ? agenda->find("version") : nullptr);
    const json::Value* load = status.find("last_load");
    const json::Value* diagnostics = load ? load->find("diagnostics") : nullptr;
    std::string last_error = "-";
    if (load && text_of(load->find("ok")) == "no" && diagnostics && diagnostics->is_array() &&
        !diagnostics->items().empty())
      last_error = text_of(&diagnostics->items().front());
    // The id from the topic, which only that screen may write (the ACL), not from the payload.
    const std::string prefix = organizer.topics().prefix() + "screens/";
    const std::string id = message.topic.substr(
        prefix.size(), message.topic.size() - prefix.size() - std::string_view("/status").size());
    const auto settings = assigned.find(id);
    const auto or_dash = [](const std::string& text) { return text.empty() ? "-" : text; };
    const json::Value* clock = status.find("clock");
    std::cout << std::setw(16) << id << std::setw(16)
              << or_dash(settings == assigned.end() ? "" : settings->second.name) << std::setw(16)
              << or_dash(settings == assigned.end() ? "" : settings->second.room) << std::setw(8)
              << text_of(status.find("online")) << std::setw(18) << or_dash(version) << std::setw(8)
              << (current.empty()      ? "-"
                  : version == current ? "yes"
                                       : "no")
              << std::setw(12) << or_dash(text_of(clock ? clock->find("trust") : nullptr))
              << last_error << "\n";
  }
  return kExitDone;
}

// `shots DIR`: asks every screen for a thumbnail of what it shows, and writes DIR/ID.png for each
// screen that answered and DIR/grid.png with all of them, in the order of their ids.
int shots(const Invocation& invocation) {
  if (invocation.words.size() != 2) return usage("shots takes one DIR");
  const std::filesystem::path dir = invocation.words[1];
  std::error_code failed;
  std::filesystem::create_directories(dir, failed);
  if (failed) return refuse("cannot make " + dir.string() + ": " + failed.message());
  int wait_s = 10;
  try {
    wait_s = std::stoi(invocation.option("--wait", "10"));
  } catch (const std::exception&) {
    return usage("--wait takes seconds");
  }
  Organizer organizer(invocation);
  if (const std::string error = organizer.connect(); !error.empty()) return refuse(error);
  std::string error;
  std::set<std::string> online;
  for (const venue::BrokerMessage& message :
       organizer.collect(organizer.topics().all_statuses(), error)) {
    const json::ParseResult parsed = json::parse(message.payload);
    if (parsed.value && text_of(parsed.value->find("online")) == "yes")
      online.insert(organizer.topics().screen_of(message.topic));
  }
  const std::string request = utc_now() + "-" + std::to_string(::getpid());
  std::map<std::string, std::string> answers;  // screen -> PNG
  const auto take = [&](const std::vector<venue::BrokerMessage>& messages) {
    for (const venue::BrokerMessage& message : messages) {
      const auto answered = message.properties.find(venue::kRequestProperty);
      if (answered != message.properties.end() && answered->second == request)
        answers[organizer.topics().screen_of(message.topic)] = message.payload;
    }
    return std::all_of(online.begin(), online.end(),
                       [&](const std::string& screen) { return answers.count(screen) > 0; });
  };
  if (!organizer.session().subscribe(organizer.topics().all_screens("thumbnail"), error) ||
      !organizer.publish(organizer.topics().shot_request(), request, {}, error, false))
    return refuse(error);
  take(organizer.session().listen(std::chrono::seconds(wait_s), take, error));
  if (!error.empty()) return refuse(error);

  std::vector<platform::ImageBuffer> pictures;
  for (const auto& [screen, png] : answers) {
    const std::filesystem::path file = dir / (screen + ".png");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << png;
    std::string unreadable;
    if (auto picture = platform::read_png(file, unreadable)) {
      pictures.push_back(std::move(*picture));
      std::cout << file.string() << "\n";
    } else {
      std::cerr << "ijlas-venue: " << screen << " sent no PNG: " << unreadable << "\n";
    }
  }
  for (const std::string& screen : online)
    if (!answers.count(screen))
      std::cerr << "ijlas-venue: " << screen << " is online but sent no thumbnail in " << wait_s
                << " s\n";
  if (pictures.empty()) return refuse("no screen sent a thumbnail");
  // The grid: as square as it can be, each cell as big as the biggest thumbnail.
  int cell_width = 0, cell_height = 0;
  for (const platform::ImageBuffer& picture : pictures) {
    cell_width = std::max(cell_width, picture.width());
    cell_height = std::max(cell_height, picture.height());
  }
  const int count = static_cast<int>(pictures.size());
  int columns = 1;
  while (columns * columns < count)
    ++columns;
  const int rows = (count + columns - 1) / columns, gap = 8;
  platform::ImageBuffer grid(columns * (cell_width + gap) + gap, rows * (cell_height + gap) + gap,
                             {40, 40, 40, 255});
  for (int i = 0; i < count; ++i)
    grid.paste(pictures[static_cast<std::size_t>(i)], gap + (i % columns) * (cell_width + gap),
               gap + (i / columns) * (cell_height + gap));
  if (!platform::write_png(dir / "grid.png", grid, error)) return refuse(error);
  std::cout << (dir / "grid.png").string() << "\n";
  return answers.size() >= online.size() ? kExitDone : kExitRefused;
}

// `assign SCREEN,SCREEN... | --all | --in-room R` with the settings to change: each screen's
// retained settings are read, those given replaced, and the whole document published again.
int assign(const Invocation& invocation) {
  const bool all = invocation.options.count("--all") > 0;
  const bool in_room = invocation.options.count("--in-room") > 0;
  if ((invocation.words.size() == 2) + all + in_room != 1 || invocation.words.size() > 2)
    return usage("assign takes SCREEN,SCREEN..., --all or --in-room ROOM");
  std::vector<std::string> screens;
  if (invocation.words.size() == 2) screens = split(invocation.words[1], ',');
  for (const std::string& screen : screens)
    if (!venue::is_topic_name(screen)) return usage(ijlas::quoted(screen) + " is not a screen id");
  const std::string language = invocation.option("--lang");
  if (invocation.options.count("--lang") && language != "ur" && language != "en")
    return usage("--lang takes ur or en, not " + ijlas::quoted(language));
  if (invocation.options.count("--screen-off")) {
    const live::ScreenScheduleParse hours =
        live::ScreenSchedule::parse(invocation.option("--screen-off"));
    if (!hours.schedule) return usage("--screen-off: " + hours.error);
  }
  const std::string rotation = invocation.option("--rotate");
  if (invocation.options.count("--rotate") && rotation != "0" && rotation != "90" &&
      rotation != "180" && rotation != "270")
    return usage("--rotate takes 0, 90, 180 or 270, not " + ijlas::quoted(rotation));
  if (!invocation.options.count("--room") && !invocation.options.count("--lang") &&
      !invocation.options.count("--name") && !invocation.options.count("--screen-off") &&
      !invocation.options.count("--rotate"))
    return usage(
        "assign needs --room ROOM, --lang ur|en, --name PLACE, --screen-off HOURS or --rotate "
        "DEGREES");
  Organizer organizer(invocation);
  if (const std::string error = organizer.connect(); !error.empty()) return refuse(error);
  std::string error;
  const std::map<std::string, venue::ScreenAssignment> assigned = assignments(organizer, error);
  if (in_room) {
    const auto found = screens_in_room(organizer, invocation.option("--in-room"), error);
    if (!found) return refuse(error);
    screens = *found;
  }
  if (all) {  // every screen that has a status or settings on the broker
    for (const auto& [screen, settings] : assigned)
      screens.push_back(screen);
    for (const venue::BrokerMessage& message :
         organizer.collect(organizer.topics().all_statuses(), error))
      if (message.retained) screens.push_back(organizer.topics().screen_of(message.topic));
    std::sort(screens.begin(), screens.end());
    screens.erase(std::unique(screens.begin(), screens.end()), screens.end());
    if (screens.empty()) return refuse("no screen has reported to the broker yet");
  }
  for (const std::string& screen : screens) {
    const auto old = assigned.find(screen);
    venue::ScreenAssignment settings =
        old == assigned.end() ? venue::ScreenAssignment{"", "ur", ""} : old->second;
    settings.room = invocation.option("--room", settings.room);
    settings.language = invocation.option("--lang", settings.language);
    settings.name = invocation.option("--name", settings.name);
    if (invocation.options.count("--screen-off"))
      settings.screen_off = invocation.option("--screen-off");
    if (invocation.options.count("--rotate")) settings.rotation = std::stoi(rotation);
    const std::string document = venue::assignment_json(settings);
    if (!organizer.publish(organizer.topics().settings(screen), document, {}, error))
      return refuse(error);
    std::cout << "assigned " << screen << ": " << document << "\n";
  }
  return kExitDone;
}

// The organizer's page: installed beside the program, else the build tree's.
std::string default_web_dir() {
  std::error_code missing;
  for (const char* dir : {IJLAS_INSTALLED_WEB_DIR, IJLAS_BUILT_WEB_DIR})
    if (std::filesystem::is_regular_file(std::filesystem::path(dir) / "index.html", missing))
      return dir;
  return IJLAS_INSTALLED_WEB_DIR;
}

int init(const Invocation& invocation) {
  if (invocation.words.size() != 2) return usage("init takes one DIR");
  venue::BrokerSetup setup;
  setup.dir = invocation.words[1];
  setup.venue = invocation.option("--venue", "venue");
  setup.screens = split(invocation.option("--screens"), ',');
  setup.bind = invocation.option("--bind");
  setup.tls_names = split(invocation.option("--tls"), ',');
  setup.tls = !setup.tls_names.empty();
  setup.web_dir = invocation.option("--web-dir", default_web_dir());
  for (const std::string& name : setup.screens)
    if (!venue::is_topic_name(name))
      return usage("--screens: " + ijlas::quoted(name) +
                   " is not a screen id (letters, digits, -_.)");
  if (!venue::is_topic_name(setup.venue)) return usage("--venue must be letters, digits, -_.");
  try {
    setup.port = std::stoi(invocation.option("--port", "1883"));
    setup.tls_port = std::stoi(invocation.option("--tls-port", "8883"));
    setup.web_port = std::stoi(invocation.option("--web-port", "9001"));
    setup.web_tls_port = std::stoi(invocation.option("--web-tls-port", "9443"));
  } catch (const std::exception&) {
    return usage("--port, --tls-port, --web-port and --web-tls-port take numbers");
  }
  std::string report, error;
  if (!venue::write_broker_setup(setup, report, error)) return refuse(error);
  std::cout << report;
  return kExitDone;
}

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  const auto invocation = parse(argc, argv, error);
  if (!invocation) return usage(error);
  if (invocation->words.empty()) return usage("");
  const std::string& command = invocation->words.front();
  if (command == "publish") return publish_agenda(*invocation);
  if (command == "announce") return announce(*invocation);
  if (command == "withdraw") return withdraw(*invocation);
  if (command == "delay" || command == "cancel") return change_session(*invocation);
  if (command == "move") return move(*invocation);
  if (command == "shots") return shots(*invocation);
  if (command == "screens") return screens(*invocation);
  if (command == "assign") return assign(*invocation);
  if (command == "init") return init(*invocation);
  return usage("unknown command " + ijlas::quoted(command));
}
