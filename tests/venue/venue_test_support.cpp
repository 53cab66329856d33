#include "venue_test_support.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <iostream>
#include <thread>

#include "venue/venue_topics.hpp"

namespace ijlas::venue_testing {
namespace {

constexpr const char* kMorning = "2025-11-26T10:20+05:00";

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected =
      ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

}  // namespace

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

ProgramRun run_venue_tool(const std::vector<std::string>& arguments) {
  static int runs = 0;
  const fs::path base =
      fs::temp_directory_path() /
      ("ijlas-venue-run-" + std::to_string(::getpid()) + "-" + std::to_string(runs++));
  std::vector<std::string> words{IJLAS_VENUE_BINARY};
  words.insert(words.end(), arguments.begin(), arguments.end());
  ProgramRun run;
  {
    ChildProcess tool(words, base.string() + ".out", base.string() + ".err");
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (tool.running() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(20ms);
    const int status = tool.stop(SIGKILL);       // its exit status when it has ended
    run.exit_code = status < 128 ? status : -1;  // 128 + signal: it did not exit by itself
  }
  run.out = read_file(base.string() + ".out").bytes;
  run.err = read_file(base.string() + ".err").bytes;
  fs::remove(base.string() + ".out");
  fs::remove(base.string() + ".err");
  return run;
}

TestBroker::TestBroker(const std::string& name, std::vector<std::string> screens, bool tls)
    : dir_("venue-" + name), screens_(std::move(screens)), tls_(tls) {
  initialize();
}

void TestBroker::initialize() {
  fs::remove_all(dir_ / "broker");
  port_ = free_port();
  web_port_ = free_port();
  std::string list;
  for (const std::string& screen : screens_)
    list += (list.empty() ? "" : ",") + screen;
  std::vector<std::string> arguments = {"init",       (dir_ / "broker").string(),
                                        "--venue",    kVenue,
                                        "--bind",     "127.0.0.1",
                                        "--port",     std::to_string(port_),
                                        "--screens",  list,
                                        "--web-port", std::to_string(web_port_),
                                        "--web-dir",  IJLAS_WEB_DIR};
  if (tls_) {
    tls_port_ = free_port();
    web_tls_port_ = free_port();
    arguments.insert(arguments.end(),
                     {"--tls", "127.0.0.1,localhost", "--tls-port", std::to_string(tls_port_),
                      "--web-tls-port", std::to_string(web_tls_port_)});
  }
  init_ = run_venue_tool(arguments);
}

bool TestBroker::start() {
  // A free port is only free when it is chosen: another test's broker, started at the same time,
  // can be given the same one. Its connections must not pass for this broker's, so this waits
  // for this mosquitto's own word that it runs, every listener open.
  const bool first_start = starts_ == 0;
  for (int attempt = 1;; ++attempt) {
    const fs::path out = dir_ / ("mosquitto-" + std::to_string(starts_++) + ".log");
    const fs::path log = out.string() + ".err";  // where mosquitto writes its log
    process_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/sbin/mosquitto", "-c",
                                 (dir_ / "broker/mosquitto.conf").string()},
        out, log);
    const auto said = [&](const char* words) {
      return read_file(log).bytes.find(words) != std::string::npos;
    };
    const bool runs = eventually([&] { return said(" running") || !process_->running(); }) &&
                      process_->running() && said(" running");
    if (runs && accepts_connections(port_) && accepts_connections(web_port_) &&
        (tls_port_ == 0 || (accepts_connections(tls_port_) && accepts_connections(web_tls_port_))))
      return true;
    if (first_start && attempt < 5 && !process_->running() && said("Address already in use")) {
      initialize();
      continue;
    }
    std::cerr << "mosquitto did not start (" << log.string() << "):\n" << read_file(log).bytes;
    return false;
  }
}

void TestBroker::kill() {
  if (process_) process_->stop(SIGKILL);
}

void TestBroker::stop() {
  if (process_) process_->stop(SIGTERM);
}

std::vector<std::string> TestBroker::organizer_options() const {
  return {
      "--broker", url(), "--venue", kVenue, "--password-file", organizer_credentials().string()};
}

std::unique_ptr<venue::BrokerSession> TestBroker::session(const fs::path& credentials) const {
  std::string error;
  std::optional<venue::Credentials> user;
  if (!credentials.empty()) user = venue::read_credentials(credentials, error);
  return std::make_unique<venue::BrokerSession>(venue::BrokerAddress{"127.0.0.1", port_, false},
                                                user, "");
}

std::optional<venue::BrokerMessage> TestBroker::retained(const std::string& topic) const {
  auto organizer = session(organizer_credentials());
  organizer->echo_under(venue::VenueTopics(kVenue).organizer_echoes());
  std::string error;
  if (!organizer->connect(10s, error)) return std::nullopt;
  for (venue::BrokerMessage& message : organizer->collect(topic, 500ms, error))
    if (message.retained && message.topic == topic) return message;
  return venue::BrokerMessage{};
}

VenueKiosk::VenueKiosk(const TestBroker& broker, const std::string& screen_id, bool named)
    : screen(screen_id),
      dir(broker.dir() / ("kiosk-" + screen_id)),
      inbox(dir / "inbox"),
      state(dir / "state"),
      out(dir / "out") {
  fs::create_directories(dir);
  write_file(dir / "start.json", small_agenda("Before the venue", "Opening keynote"));
  write_file(dir / "ijlas.toml",
             "[venue]\nbroker = \"" + broker.url() + "\"\nname = \"" + std::string(kVenue) +
                 "\"\n" + (named ? "screen_id = \"" + screen + "\"\n" : "") + "credentials = \"" +
                 broker.screen_credentials(screen).string() + "\"\n");
  start();
}

void VenueKiosk::start() {
  process.reset();
  process = std::make_unique<KioskProcess>(
      std::vector<std::string>{"--headless", "--live-shots", out.string(), "--inbox",
                               inbox.string(), "--state", state.string(), "--agenda",
                               (dir / "start.json").string(), "--clock", kMorning, "--clock-rate",
                               "0", "--lang", "en", "--size", "960x540", "--config",
                               (dir / "ijlas.toml").string()},
      dir / "stderr.log");
}

bool VenueKiosk::shows(const std::string& text, std::chrono::milliseconds patience) const {
  return eventually([&] { return shown(out).find(text) != std::string::npos; }, patience);
}

int VenueKiosk::connections() const {
  const std::string log = process->log();
  int count = 0;
  for (std::size_t at = log.find("connected to the broker"); at != std::string::npos;
       at = log.find("connected to the broker", at + 1))
    ++count;
  return count;
}

long TestBroker::rss_kib() const {
  return process_ ? process_->rss_kib() : 0;
}

std::vector<std::string> screen_names(int count) {
  std::vector<std::string> names;
  for (int i = 1; i <= count; ++i)
    names.push_back("screen-" + std::to_string(i));
  return names;
}

std::vector<std::unique_ptr<VenueKiosk>> start_kiosks(const TestBroker& broker, int count) {
  std::vector<std::unique_ptr<VenueKiosk>> kiosks;
  for (const std::string& name : screen_names(count))
    kiosks.push_back(std::make_unique<VenueKiosk>(broker, name));
  for (const auto& kiosk : kiosks)
    if (!kiosk->shows("Before the venue", 120s) ||
        !eventually([&] { return kiosk->connections() >= 1; }))
      return {};
  return kiosks;
}

int publish(const TestBroker& broker, const std::string& title) {
  const fs::path file = broker.dir() / (title + ".json");
  write_file(file, small_agenda(title, "Opening keynote"));
  std::vector<std::string> arguments = broker.organizer_options();
  arguments.insert(arguments.end(), {"publish", file.string()});
  const ProgramRun run = run_venue_tool(arguments);
  if (run.exit_code != 0) std::cerr << run.err;
  return run.exit_code;
}

bool status_eventually(const TestBroker& broker, const std::string& screen,
                       const std::function<bool(const std::string&)>& condition) {
  const venue::VenueTopics topics(kVenue);
  return eventually([&] {
    const auto status = broker.retained(topics.status(screen));
    return status && condition(status->payload);
  });
}

}  // namespace ijlas::venue_testing
