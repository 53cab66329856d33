// ijlas-venue: the organizer's side of the venue broker (README.md, "The venue broker").
//   ijlas-venue [OPTIONS] publish FILE            an agenda, checked here first, to every screen
//   ijlas-venue [OPTIONS] announce --ur T --en T [--urgent] [--until T] [--id ID]
//   ijlas-venue [OPTIONS] withdraw ID             takes an announcement away
//   ijlas-venue [OPTIONS] delay SESSION MINUTES   a session starts later
//   ijlas-venue [OPTIONS] cancel SESSION
//   ijlas-venue [OPTIONS] screens                 every screen's status, as a table
//   ijlas-venue [OPTIONS] assign SCREEN [--room R] --lang ur|en   a screen's room and language
//   ijlas-venue init DIR [--screens A,B] [--tls HOST,...]  a Mosquitto setup for the venue
// OPTIONS: --broker URL --venue NAME --user U --password-file F --ca-file F --time-zone Z
// Exit status: 0 done, 1 refused or failed, 2 usage.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "agenda/agenda_loader.hpp"
#include "agenda/native_json_writer.hpp"
#include "agenda/time_zone.hpp"
#include "broker_setup.hpp"
#include "core/json_value.hpp"
#include "live/announcements.hpp"
#include "live/session_overrides.hpp"
#include "venue/agenda_version.hpp"
#include "venue/broker_session.hpp"
#include "venue/venue_topics.hpp"

namespace {

using namespace ijlas;
using namespace std::chrono_literals;

constexpr int kExitDone = 0;
constexpr int kExitRefused = 1;
constexpr int kExitUsage = 2;
constexpr auto kPatience = 10s;     // for the broker's answers
constexpr auto kRetainedWait = 1s;  // retained messages arrive at once; listen this long

int usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "ijlas-venue: " << problem << "\n";
  std::cerr
      << "usage: ijlas-venue [OPTIONS] publish FILE\n"
         "       ijlas-venue [OPTIONS] announce --ur TEXT --en TEXT [--urgent] [--until T] "
         "[--id ID]\n"
         "       ijlas-venue [OPTIONS] withdraw ID\n"
         "       ijlas-venue [OPTIONS] delay SESSION MINUTES\n"
         "       ijlas-venue [OPTIONS] cancel SESSION\n"
         "       ijlas-venue [OPTIONS] screens\n"
         "       ijlas-venue [OPTIONS] assign SCREEN [--room ROOM] --lang ur|en\n"
         "       ijlas-venue init DIR [--venue NAME] [--screens ID,ID...] [--port N] [--bind "
         "ADDR]\n"
         "                            [--tls HOST,...] [--tls-port N]\n"
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
  static const std::vector<std::string> kFlags = {"--urgent"};
  static const std::vector<std::string> kValued = {
      "--broker",   "--venue", "--user", "--password-file", "--ca-file", "--time-zone", "--ur",
      "--en",       "--until", "--id",   "--screens",       "--port",    "--bind",      "--tls",
      "--tls-port", "--room",  "--lang"};
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
    return session_->connect(kPatience, error) ? "" : error;
  }

  bool publish(const std::string& topic, std::string_view payload,
               const venue::UserProperties& properties, std::string& error) {
    return session_->publish(topic, payload, true, properties, kPatience, error);
  }

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

// Replaces the entry keyed `key` (or adds it), or with an empty `entry` takes it away.
int edit(const Invocation& invocation, bool announcements, const std::string& key,
         const std::string& entry) {
  const std::string list = announcements ? "announcements" : "overrides";
  const std::string marker = announcements ? "ijlas_announcements" : "ijlas_overrides";
  Organizer organizer(invocation);
  if (const std::string error = organizer.connect(); !error.empty()) return refuse(error);
  const std::string topic =
      announcements ? organizer.topics().announcements() : organizer.topics().overrides();
  std::string error;
  auto document = read_document(organizer, topic, list, announcements ? "id" : "session", error);
  if (!document) return refuse(error);
  bool found = false;
  for (std::size_t i = 0; i < document->keys.size(); ++i) {
    if (document->keys[i] != key) continue;
    found = true;
    document->entries.erase(document->entries.begin() + static_cast<std::ptrdiff_t>(i));
    document->keys.erase(document->keys.begin() + static_cast<std::ptrdiff_t>(i));
    break;
  }
  if (entry.empty() && !found)
    return refuse("no announcement " + ijlas::quoted(key) + " to withdraw");
  if (!entry.empty()) {
    document->entries.push_back(entry);
    document->keys.push_back(key);
  }
  return publish_document(organizer, topic, marker, list, *document, announcements,
                          invocation.option("--time-zone", "Asia/Karachi"));
}

int announce(const Invocation& invocation) {
  const std::string ur = invocation.option("--ur"), en = invocation.option("--en");
  if (invocation.words.size() != 1 || (ur.empty() && en.empty()))
    return usage("announce needs --ur TEXT and --en TEXT");
  const std::string id = invocation.option("--id", "announcement-" + utc_now());
  std::string entry = "{\"id\":" + json::quote(id) + ",\"text\":{\"ur\":" + json::quote(ur) +
                      ",\"en\":" + json::quote(en) + "}";
  if (invocation.options.count("--urgent")) entry += ",\"priority\":\"high\"";
  if (const std::string until = invocation.option("--until"); !until.empty())
    entry += ",\"until\":" + json::quote(until);
  return edit(invocation, true, id, entry + "}");
}

int withdraw(const Invocation& invocation) {
  if (invocation.words.size() != 2) return usage("withdraw takes one announcement ID");
  return edit(invocation, true, invocation.words[1], "");
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
  const auto statuses = organizer.collect(organizer.topics().all_statuses(), error);
  if (!error.empty()) return refuse(error);
  std::cout << std::left << std::setw(24) << "SCREEN" << std::setw(8) << "ONLINE" << std::setw(18)
            << "AGENDA" << std::setw(8) << "IN STEP"
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
    std::cout << std::setw(24) << id << std::setw(8) << text_of(status.find("online"))
              << std::setw(18) << (version.empty() ? "-" : version) << std::setw(8)
              << (current.empty()      ? "-"
                  : version == current ? "yes"
                                       : "no")
              << last_error << "\n";
  }
  return kExitDone;
}

int assign(const Invocation& invocation) {
  if (invocation.words.size() != 2) return usage("assign takes one SCREEN id");
  const std::string& screen = invocation.words[1];
  const std::string language = invocation.option("--lang");
  if (!venue::is_topic_name(screen)) return usage(ijlas::quoted(screen) + " is not a screen id");
  if (language != "ur" && language != "en") return usage("assign needs --lang ur or --lang en");
  const std::string document = "{\"room\":" + json::quote(invocation.option("--room")) +
                               ",\"language\":" + json::quote(language) + "}";
  Organizer organizer(invocation);
  if (const std::string error = organizer.connect(); !error.empty()) return refuse(error);
  std::string error;
  if (!organizer.publish(organizer.topics().settings(screen), document, {}, error))
    return refuse(error);
  std::cout << "assigned " << screen << ": " << document << "\n";
  return kExitDone;
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
  for (const std::string& name : setup.screens)
    if (!venue::is_topic_name(name))
      return usage("--screens: " + ijlas::quoted(name) +
                   " is not a screen id (letters, digits, -_.)");
  if (!venue::is_topic_name(setup.venue)) return usage("--venue must be letters, digits, -_.");
  try {
    setup.port = std::stoi(invocation.option("--port", "1883"));
    setup.tls_port = std::stoi(invocation.option("--tls-port", "8883"));
  } catch (const std::exception&) {
    return usage("--port and --tls-port take numbers");
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
  if (command == "screens") return screens(*invocation);
  if (command == "assign") return assign(*invocation);
  if (command == "init") return init(*invocation);
  return usage("unknown command " + ijlas::quoted(command));
}
