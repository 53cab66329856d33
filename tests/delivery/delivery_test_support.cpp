#include "delivery_test_support.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

extern char** environ;

namespace ijlas::delivery_testing {

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

void drop_file(const fs::path& folder, const std::string& name, const std::string& text) {
  write_file(folder / ("." + name + ".part"), text);
  fs::rename(folder / ("." + name + ".part"), folder / name);
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds patience) {
  const auto end = std::chrono::steady_clock::now() + patience;
  for (;;) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() >= end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string small_agenda(const std::string& title, const std::string& session_title) {
  return R"({"ijlas_agenda": 1,
  "conference": {"title": {"en": ")" +
         title + R"("}, "time_zone": "Asia/Karachi", "start": "2025-11-26", "end": "2025-11-26"},
  "rooms": [{"id": "hall", "name": {"en": "Hall"}}],
  "sessions": [
    {"id": "keynote", "title": {"en": ")" +
         session_title + R"("}, "room": "hall",
     "start": "2025-11-26T10:00:00+05:00", "end": "2025-11-26T11:00:00+05:00"},
    {"id": "lunch", "title": {"en": "Lunch"}, "room": "hall",
     "start": "2025-11-26T12:00:00+05:00", "end": "2025-11-26T13:00:00+05:00"}
  ]
}
)";
}

std::string three_day_agenda(const std::string& title) {
  std::string sessions;
  int count = 0;
  for (int day = 26; day <= 28; ++day) {
    for (const char* room : {"hall", "room-1", "room-2"}) {
      int minute = 9 * 60;
      for (int i = 0; minute < 18 * 60; ++i) {
        const int length = (i + count) % 2 ? 30 : 60;
        auto clock = [](int m) {
          char text[32];
          std::snprintf(text, sizeof text, "%02d:%02d", m / 60, m % 60);
          return std::string(text);
        };
        if (!sessions.empty()) sessions += ",\n";
        const std::string number = std::to_string(++count);
        sessions += R"(    {"id": "s)" + number + R"(", "title": {"en": "Talk )" + number +
                    R"(", "ur": "گفتگو )" + number + R"("}, "room": ")" + room +
                    R"(", "start": "2025-11-)" + std::to_string(day) + "T" + clock(minute) +
                    R"(:00+05:00", "duration": ")" + clock(length) + R"("})";
        minute += length + 15;
      }
    }
  }
  return R"({"ijlas_agenda": 1,
  "conference": {"title": {"en": ")" +
         title + R"(", "ur": "کانفرنس"}, "time_zone": "Asia/Karachi",
                 "start": "2025-11-26", "end": "2025-11-28"},
  "rooms": [{"id": "hall", "name": "Hall"}, {"id": "room-1", "name": "Room 1"},
            {"id": "room-2", "name": "Room 2"}],
  "sessions": [
)" + sessions +
         "\n  ]\n}\n";
}

ChildProcess::ChildProcess(std::vector<std::string> words, const fs::path& out, const fs::path& err,
                           const std::map<std::string, std::string>& environment) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry; ++entry) {
    const std::string text = *entry;
    if (!environment.count(text.substr(0, text.find('=')))) env.push_back(text);
  }
  for (const auto& [name, value] : environment)
    env.push_back(name + "=" + value);
  std::vector<char*> argv, envp;
  for (std::string& word : words)
    argv.push_back(word.data());
  argv.push_back(nullptr);
  for (std::string& entry : env)
    envp.push_back(entry.data());
  envp.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ == 0) {
    for (const auto& [path, into] :
         {std::pair{&out, STDOUT_FILENO}, std::pair{&err, STDERR_FILENO}}) {
      if (path->empty()) continue;
      const int fd = ::open(path->c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) ::dup2(fd, into);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && status_ < 0) stop();
}

bool ChildProcess::running() {
  if (pid_ <= 0 || status_ >= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

int ChildProcess::stop(int signal) {
  if (pid_ <= 0 || !running()) return status_;
  ::kill(pid_, signal);
  const auto end = std::chrono::steady_clock::now() + kPatience;
  while (std::chrono::steady_clock::now() < end) {
    if (!running()) return status_;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  status_ = 128 + SIGKILL;
  return -1;
}

long ChildProcess::rss_kib() const {
  if (pid_ <= 0 || status_ >= 0) return 0;
  const std::string status = read_file("/proc/" + std::to_string(pid_) + "/status").bytes;
  const std::size_t at = status.find("VmRSS:");
  return at == std::string::npos ? 0 : std::atol(status.c_str() + at + 6);
}

namespace {

std::vector<std::string> kiosk_words(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), IJLAS_BINARY);
  return arguments;
}

}  // namespace

KioskProcess::KioskProcess(std::vector<std::string> arguments, const fs::path& log,
                           const std::map<std::string, std::string>& environment)
    : ChildProcess(kiosk_words(std::move(arguments)), "", log, environment), log_(log) {}

std::string shown(const fs::path& out) {
  // The screen's texts and the service panel's (organizer notices are there, not on screen).
  return read_file(out / "current.json").bytes + read_file(out / "service.txt").bytes;
}

std::string HttpRequest::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

HttpTestServer::HttpTestServer(std::function<HttpResponse(const HttpRequest&)> handler)
    : handler_(std::move(handler)) {
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int yes = 1;
  ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;  // the kernel picks a free port
  ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::listen(listener_, 16);
  socklen_t length = sizeof address;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

HttpTestServer::~HttpTestServer() {
  stop_ = true;
  thread_.join();
  ::close(listener_);
}

std::string HttpTestServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<HttpRequest> HttpTestServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

void HttpTestServer::serve() {
  while (!stop_) {
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    const int connection = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (connection < 0) continue;
    std::string received;
    char buffer[4096];
    while (received.find("\r\n\r\n") == std::string::npos) {
      pollfd readable{connection, POLLIN, 0};
      if (::poll(&readable, 1, 2000) <= 0) break;
      const ssize_t got = ::read(connection, buffer, sizeof buffer);
      if (got <= 0) break;
      received.append(buffer, static_cast<std::size_t>(got));
    }
    HttpRequest request;
    std::istringstream lines(received);
    std::string line;
    std::getline(lines, line);
    std::istringstream first(line);
    first >> request.method >> request.path;
    while (std::getline(lines, line) && line != "\r") {
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (char& c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' '))
        value.erase(0, 1);
      while (!value.empty() && (value.back() == '\r' || value.back() == ' '))
        value.pop_back();
      request.headers[name] = value;
    }
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(request);
    }
    const HttpResponse response = handler_(request);
    const auto answer_at = std::chrono::steady_clock::now() + response.delay;
    while (!stop_ && std::chrono::steady_clock::now() < answer_at)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::string text = "HTTP/1.1 " + std::to_string(response.status) + " Scripted\r\n";
    for (const auto& [name, value] : response.headers)
      text += name + ": " + value + "\r\n";
    text += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    text += "Connection: close\r\n\r\n";
    if (response.status != 304) text += response.body;
    ::send(connection, text.data(), text.size(), MSG_NOSIGNAL);
    ::close(connection);
    ++answered_;
  }
}

}  // namespace ijlas::delivery_testing
