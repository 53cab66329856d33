// For the end-to-end tests of agenda delivery: the real ijlas binary run headless in temporary
// folders, a tiny HTTP server on 127.0.0.1 with scripted answers, and small agendas in native
// JSON. Everything waits with a bound, so a broken kiosk fails a test instead of hanging it.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/read_file.hpp"

namespace ijlas::delivery_testing {

namespace fs = std::filesystem;

// The longest any one wait may take: generous, since a loaded CI machine (two suites, readers
// in child processes) can stretch a second of work to many; a passing wait ends at once.
inline constexpr std::chrono::seconds kPatience{45};

void write_file(const fs::path& path, const std::string& text);
// Writes `text` to a hidden name in the folder and renames it into place: one atomic drop.
void drop_file(const fs::path& folder, const std::string& name, const std::string& text);

// Polls `condition` every 50 ms until it holds or `patience` has passed.
bool eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds patience = kPatience);

// A one-day agenda (26 November 2025, Asia/Karachi) titled `title` in English, with one session
// "keynote" titled `session_title` from 10:00 to 11:00 in room "hall", and "lunch" 12:00–13:00.
std::string small_agenda(const std::string& title, const std::string& session_title);
// Three days (26–28 November 2025) of sessions in three rooms, half an hour to an hour each.
std::string three_day_agenda(const std::string& title);

// A program in a child process, its standard output and error in files (an empty path: the
// test's own). The one place the tests start, watch and stop a program that runs beside them.
class ChildProcess {
 public:
  // `words[0]` is the program's path; `environment` is added to the test's own.
  ChildProcess(std::vector<std::string> words, const fs::path& out, const fs::path& err,
               const std::map<std::string, std::string>& environment = {});
  ~ChildProcess();  // stops it if it still runs
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // False once it has ended; it is then reaped and its exit status kept.
  bool running();
  // `signal` (SIGTERM: asked to stop; SIGKILL: a power cut), then waits for the end, with
  // SIGKILL after kPatience. The exit status, or 128 + the signal that ended it; -1 when it did
  // not stop in time and had to be killed.
  int stop(int signal = SIGTERM);
  // The resident set size from /proc/PID/status, in KiB (0 when unknown or ended).
  long rss_kib() const;

 private:
  pid_t pid_ = -1;
  int status_ = -1;  // once ended: the exit status or 128 + signal
};

// `ijlas --headless` (or any other mode of the kiosk binary), its standard error in a file.
class KioskProcess : public ChildProcess {
 public:
  // `arguments` come after the binary's name; `environment` is added to the test's own.
  KioskProcess(std::vector<std::string> arguments, const fs::path& log,
               const std::map<std::string, std::string>& environment = {});
  std::string log() const { return read_file(log_).bytes; }

 private:
  fs::path log_;
};

// What the headless kiosk shows now: OUT/current.json (empty before the first shot), and its
// service panel's words, OUT/service.txt, where organizer notices are.
std::string shown(const fs::path& out);

// An HTTP/1.1 server on 127.0.0.1 (an ephemeral port) answering each request with what the
// handler returns; one connection at a time, closed after each answer.
struct HttpRequest {
  std::string method, path;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string header(const std::string& name) const;
};
struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds delay{0};  // waits this long before answering
};

class HttpTestServer {
 public:
  explicit HttpTestServer(std::function<HttpResponse(const HttpRequest&)> handler);
  ~HttpTestServer();
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path) const;
  std::vector<HttpRequest> requests() const;  // every request so far, in order
  std::size_t answered() const { return answered_; }

 private:
  void serve();

  std::function<HttpResponse(const HttpRequest&)> handler_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> answered_{0};
  mutable std::mutex mutex_;
  std::vector<HttpRequest> requests_;
  std::thread thread_;
};

}  // namespace ijlas::delivery_testing
