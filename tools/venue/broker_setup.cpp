#include "broker_setup.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "venue/venue_topics.hpp"

namespace ijlas::venue {
namespace {

namespace fs = std::filesystem;

// A program run without a shell; true when it exited with 0.
bool run(std::vector<std::string> words, std::string& error) {
  std::vector<char*> argv;
  argv.reserve(words.size() + 1);
  for (std::string& word : words)
    argv.push_back(word.data());
  argv.push_back(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  if (child < 0 || ::waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    error = words.front() + " failed" +
            (WIFEXITED(status) && WEXITSTATUS(status) == 127 ? " (is it installed?)" : "");
    return false;
  }
  return true;
}

// 24 letters and digits from the system's random source.
std::string new_password() {
  static const char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::random_device random;
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kAlphabet - 2);
  std::string password;
  for (int i = 0; i < 24; ++i)
    password += kAlphabet[pick(random)];
  return password;
}

bool write_private(const fs::path& path, const std::string& text, std::string& error) {
  {
    std::ofstream out(path, std::ios::trunc);
    out << text;
    if (!out) {
      error = "cannot write " + path.string();
      return false;
    }
  }
  ::chmod(path.c_str(), 0600);
  return true;
}

std::string configuration_text(const BrokerSetup& setup, const fs::path& dir) {
  const std::string bind = setup.bind.empty() ? "" : " " + setup.bind;
  std::string text =
      "# The ijlas venue \"" + setup.venue +
      "\", written by ijlas-venue init.\n"
      "# Start it with: mosquitto -c " +
      (dir / "mosquitto.conf").string() +
      "\n"
      "per_listener_settings false\n"
      "allow_anonymous false\n"
      "password_file " +
      (dir / "passwords").string() + "\nacl_file " + (dir / "acl").string() +
      "\n"

      "persistence true\n"
      "persistence_location " +
      (dir / "data").string() +
      "/\n"
      "# Saved at every change of what is retained (rare: agendas, announcements, statuses),\n"
      "# so that even a broker that is killed comes back with them.\n"
      "autosave_on_changes true\n"
      "autosave_interval 1\n\n"
      "# The venue's LAN, with passwords.\n"
      "listener " +
      std::to_string(setup.port) + bind + "\n";
  if (setup.web_port > 0) {
    text +=
        "\n# The organizer's page (MQTT over WebSockets), also served over HTTP:\n# http://HOST:" +
        std::to_string(setup.web_port) + "/?venue=" + setup.venue + "\nlistener " +
        std::to_string(setup.web_port) + bind + "\nprotocol websockets\n";
    std::error_code missing;
    if (fs::is_regular_file(setup.web_dir / "index.html", missing))
      text += "http_dir " + fs::absolute(setup.web_dir, missing).string() + "\n";
    else
      text += "# (no http_dir: the page was not built; see README.md, \"The organizer's page\")\n";
  }
  const std::string certificates = "certfile " + (dir / "tls/server.crt").string() + "\nkeyfile " +
                                   (dir / "tls/server.key").string() + "\n";
  if (setup.tls) {
    text +=
        "\n# The same with TLS: screens and tools give ca.crt as their ca_file.\n"
        "listener " +
        std::to_string(setup.tls_port) + bind + "\ncafile " + (dir / "tls/ca.crt").string() + "\n" +
        certificates;
  }
  if (setup.tls && setup.web_port > 0 && setup.web_tls_port > 0) {
    text +=
        "\n# The organizer's page over TLS (its password is not sent in the clear): a browser\n"
        "# that trusts tls/ca.crt opens https://HOST:" +
        std::to_string(setup.web_tls_port) + "/?venue=" + setup.venue + "\nlistener " +
        std::to_string(setup.web_tls_port) + bind + "\nprotocol websockets\n" + certificates;
    std::error_code missing;
    if (fs::is_regular_file(setup.web_dir / "index.html", missing))
      text += "http_dir " + fs::absolute(setup.web_dir, missing).string() + "\n";
  }
  return text;
}

std::string acl_text(const BrokerSetup& setup) {
  const VenueTopics topics(setup.venue);
  return "# Who may read and write which of the venue's topics (README.md, \"The venue broker\").\n"
         "# The organizer writes the venue's topics and reads every screen's status.\n"
         "user " +
         setup.organizer + "\ntopic readwrite " + topics.prefix() +
         "#\n\n"
         "# A screen (its user name is its screen id) reads the venue's topics and its own\n"
         "# settings and announcements, and writes only its own status and thumbnail.\n"
         "pattern read " +
         topics.agenda() + "\npattern read " + topics.announcements() + "\npattern read " +
         topics.overrides() + "\npattern read " + topics.shot_request() + "\npattern read " +
         topics.settings("%u") + "\npattern read " + topics.screen_announcements("%u") +
         "\npattern readwrite " + topics.status("%u") + "\npattern readwrite " +
         topics.thumbnail("%u") + "\n";
}

bool make_certificates(const BrokerSetup& setup, const fs::path& tls, std::string& error) {
  std::string names;
  for (const std::string& name : setup.tls_names) {
    const bool address = name.find_first_not_of("0123456789.:") == std::string::npos;
    names += (names.empty() ? "" : ",") + std::string(address ? "IP:" : "DNS:") + name;
  }
  const std::string ca_key = (tls / "ca.key").string(), ca = (tls / "ca.crt").string();
  const std::string key = (tls / "server.key").string(), csr = (tls / "server.csr").string();
  const std::string cert = (tls / "server.crt").string(), ext = (tls / "server.ext").string();
  if (!write_private(ext, "subjectAltName=" + names + "\n", error)) return false;
  const std::string subject = "/CN=" + setup.tls_names.front();
  return run({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "825", "-keyout",
              ca_key, "-out", ca, "-subj", "/CN=ijlas venue " + setup.venue + " CA"},
             error) &&
         run({"openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr,
              "-subj", subject},
             error) &&
         run({"openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial",
              "-out", cert, "-days", "825", "-extfile", ext},
             error);
}

// A broker started by root drops to the user "mosquitto" (a hub board's service): then what it
// reads and writes must be that user's.
void hand_to_broker_user(const fs::path& dir) {
  const passwd* broker = ::getpwnam("mosquitto");
  if (::geteuid() != 0 || broker == nullptr) return;
  std::error_code failed;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir, failed))
    [[maybe_unused]] const int ignored =
        ::chown(entry.path().c_str(), broker->pw_uid, broker->pw_gid);
  [[maybe_unused]] const int ignored = ::chown(dir.c_str(), broker->pw_uid, broker->pw_gid);
}

}  // namespace

bool write_broker_setup(const BrokerSetup& setup, std::string& report, std::string& error) {
  std::error_code failed;
  const fs::path dir = fs::absolute(setup.dir, failed);
  fs::create_directories(dir / "data", failed);
  if (!failed) fs::create_directories(dir / "screens", failed);
  if (!failed && setup.tls) fs::create_directories(dir / "tls", failed);
  if (failed) {
    error = "cannot make " + dir.string() + ": " + failed.message();
    return false;
  }
  const fs::path passwords = dir / "passwords";
  fs::remove(passwords, failed);
  if (!write_private(passwords, "", error)) return false;
  std::vector<std::pair<std::string, fs::path>> users = {
      {setup.organizer, dir / (setup.organizer + ".credentials")}};
  for (const std::string& screen : setup.screens)
    users.push_back({screen, dir / "screens" / (screen + ".credentials")});
  for (const auto& [user, credentials] : users) {
    const std::string password = new_password();
    if (!run({"mosquitto_passwd", "-b", passwords.string(), user, password}, error) ||
        !write_private(credentials, user + ":" + password + "\n", error))
      return false;
  }
  if (!write_private(dir / "acl", acl_text(setup), error) ||
      !write_private(dir / "mosquitto.conf", configuration_text(setup, dir), error))
    return false;
  if (setup.tls && !make_certificates(setup, dir / "tls", error)) return false;
  hand_to_broker_user(dir);

  report =
      "Wrote the broker of venue \"" + setup.venue + "\" in " + dir.string() +
      ":\n"
      "  mosquitto.conf   listener " +
      std::to_string(setup.port) +
      (setup.tls ? " and TLS listener " + std::to_string(setup.tls_port) : "") +
      (setup.web_port > 0 ? ", the organizer's page on http://HOST:" +
                                std::to_string(setup.web_port) + "/?venue=" + setup.venue
                          : "") +
      (setup.tls && setup.web_port > 0 && setup.web_tls_port > 0
           ? " and https://HOST:" + std::to_string(setup.web_tls_port) + "/?venue=" + setup.venue
           : "") +
      ", persistence in data/, no anonymous access\n"
      "  passwords, acl   the organizer \"" +
      setup.organizer + "\" and " + std::to_string(setup.screens.size()) +
      " screens\n"
      "  " +
      setup.organizer +
      ".credentials   for ijlas-venue --password-file\n"
      "  screens/ID.credentials   one per screen: copy it to the board's boot partition\n" +
      (setup.tls ? "  tls/ca.crt   the screens' and tools' ca_file for mqtts://\n" : "") +
      "Start the broker with:\n  mosquitto -c " + (dir / "mosquitto.conf").string() + "\n";
  return true;
}

}  // namespace ijlas::venue
