#include "live/sandboxed_parse.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>

#include "agenda/native_json_writer.hpp"
#include "agenda/time_zone.hpp"
#include "core/json_value.hpp"

extern char** environ;

namespace ijlas::live {
namespace {

constexpr int kOutOfMemoryExit = 86;  // the reader's allocation failed under RLIMIT_AS
constexpr int kNotLimitedExit = 87;   // the reader could not be given its limits
constexpr std::size_t kMaxAnswerBytes = 512u << 20;

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// ---- The answer: one JSON line, then the agenda in native JSON ----

std::string diagnostics_json(const DiagnosticList& diagnostics) {
  std::string out = "[";
  for (const Diagnostic& d : diagnostics.items()) {
    if (out.size() > 1) out += ",";
    out += "[" + json::quote(d.severity == Severity::kError ? "error" : "warning") + "," +
           json::quote(d.position.file) + "," + std::to_string(d.position.line) + "," +
           std::to_string(d.position.column) + "," + json::quote(d.message) + "," +
           json::quote(d.position.sheet) + "]";
  }
  return out + "]";
}

std::string announcements_json(const std::vector<Announcement>& announcements) {
  std::string out = "[";
  for (const Announcement& a : announcements) {
    if (out.size() > 1) out += ",";
    out += "{\"id\":" + json::quote(a.id) + ",\"ur\":" + json::quote(a.text.ur) +
           ",\"en\":" + json::quote(a.text.en) +
           ",\"high\":" + (a.high_priority ? "true" : "false") +
           ",\"from\":" + std::to_string(a.from.utc_ms) +
           ",\"until\":" + std::to_string(a.until.utc_ms) + "}";
  }
  return out + "]";
}

std::string overrides_json(const std::vector<SessionOverride>& overrides) {
  std::string out = "[";
  for (const SessionOverride& o : overrides) {
    if (out.size() > 1) out += ",";
    const agenda::SessionStatus& s = o.status;
    out += "{\"session\":" + json::quote(o.session_id) +
           ",\"state\":" + std::to_string(static_cast<int>(s.state)) +
           ",\"delay\":" + std::to_string(s.delay_minutes) +
           ",\"room\":" + json::quote(s.moved_to_room);
    if (s.moved_to_start) {
      out += ",\"start\":" + std::to_string(s.moved_to_start->utc_seconds) +
             ",\"offset\":" + std::to_string(s.moved_to_start->offset_seconds);
    }
    if (o.until) out += ",\"until\":" + std::to_string(o.until->utc_ms);
    out += ",\"file\":" + json::quote(o.position.file) +
           ",\"line\":" + std::to_string(o.position.line) +
           ",\"column\":" + std::to_string(o.position.column) + "}";
  }
  return out + "]";
}

std::string answer_for(const std::string& name, std::string_view bytes, const std::string& zone,
                       Timestamp received, const std::string& agenda_zone) {
  const DocumentKind kind = classify_document(bytes);
  std::string header = "{\"kind\":" + json::quote(document_kind_name(kind));
  std::string payload;
  auto venue_zone = agenda::TimeZone::find(zone);
  if (!venue_zone) venue_zone = agenda::TimeZone::find("UTC");
  switch (kind) {
    case DocumentKind::kAgenda: {
      const agenda::LoadResult result =
          agenda::load_agenda_bytes(name, bytes, agenda::LoadOptions{agenda_zone});
      header += ",\"status\":" + std::to_string(static_cast<int>(result.status));
      if (result.format)
        header += ",\"format\":" + json::quote(agenda::format_name(*result.format));
      header += ",\"diagnostics\":" + diagnostics_json(result.diagnostics);
      if (result.ok()) payload = agenda::write_native_json(*result.agenda);
      break;
    }
    case DocumentKind::kAnnouncements: {
      const AnnouncementsParse parsed = parse_announcements(name, bytes, received, *venue_zone);
      header += ",\"diagnostics\":" + diagnostics_json(parsed.diagnostics) +
                ",\"announcements\":" + announcements_json(parsed.announcements);
      break;
    }
    case DocumentKind::kOverrides: {
      const OverridesParse parsed = parse_session_overrides(name, bytes, *venue_zone);
      header += ",\"diagnostics\":" + diagnostics_json(parsed.diagnostics) +
                ",\"overrides\":" + overrides_json(parsed.overrides);
      break;
    }
  }
  return header + "}\n" + payload;
}

// Reads the answer back; false when it is not what a reader writes.
bool decode_diagnostics(const json::Value* list, DiagnosticList& diagnostics) {
  if (list == nullptr || !list->is_array()) return false;
  for (const json::Value& item : list->items()) {
    const auto& f = item.items();
    if (!item.is_array() || f.size() != 6 || !f[0].is_string() || !f[1].is_string() ||
        !f[2].is_number() || !f[3].is_number() || !f[4].is_string() || !f[5].is_string())
      return false;
    Diagnostic diagnostic;
    diagnostic.severity = f[0].text() == "error" ? Severity::kError : Severity::kWarning;
    diagnostic.position = {f[1].text(), static_cast<int>(f[2].as_number()),
                           static_cast<int>(f[3].as_number()), f[5].text()};
    diagnostic.message = f[4].text();
    diagnostics.add(std::move(diagnostic));
  }
  return true;
}

const std::string* string_member(const json::Value& object, std::string_view key) {
  const json::Value* value = object.find(key);
  return value && value->is_string() ? &value->text() : nullptr;
}

std::optional<std::int64_t> number_member(const json::Value& object, std::string_view key) {
  const json::Value* value = object.find(key);
  if (!value || !value->is_number()) return std::nullopt;
  return static_cast<std::int64_t>(value->as_number());
}

bool decode_announcements(const json::Value* list, std::vector<Announcement>& out) {
  if (list == nullptr || !list->is_array()) return false;
  for (const json::Value& item : list->items()) {
    const std::string *id = string_member(item, "id"), *ur = string_member(item, "ur"),
                      *en = string_member(item, "en");
    const json::Value* high = item.find("high");
    const auto from = number_member(item, "from"), until = number_member(item, "until");
    if (!id || !ur || !en || !high || !high->is_bool() || !from || !until) return false;
    out.push_back({*id, {*ur, *en}, high->as_bool(), Timestamp{*from}, Timestamp{*until}});
  }
  return true;
}

bool decode_overrides(const json::Value* list, std::vector<SessionOverride>& out) {
  if (list == nullptr || !list->is_array()) return false;
  for (const json::Value& item : list->items()) {
    const std::string *session = string_member(item, "session"),
                      *room = string_member(item, "room"), *file = string_member(item, "file");
    const auto state = number_member(item, "state"), delay = number_member(item, "delay");
    const auto line = number_member(item, "line"), column = number_member(item, "column");
    if (!session || !room || !file || !state || *state < 0 ||
        *state > static_cast<int>(agenda::SessionState::kMoved) || !delay || !line || !column)
      return false;
    SessionOverride entry;
    entry.session_id = *session;
    entry.status.state = static_cast<agenda::SessionState>(*state);
    entry.status.delay_minutes = static_cast<int>(*delay);
    entry.status.moved_to_room = *room;
    if (const auto start = number_member(item, "start")) {
      entry.status.moved_to_start = time::Instant{
          *start, static_cast<std::int32_t>(number_member(item, "offset").value_or(0))};
    }
    if (const auto until = number_member(item, "until")) entry.until = Timestamp{*until};
    entry.position = {*file, static_cast<int>(*line), static_cast<int>(*column)};
    out.push_back(std::move(entry));
  }
  return true;
}

ReadOutcome failed_read(const std::string& name, const std::string& why) {
  ReadOutcome outcome;
  outcome.reader_failed = true;
  outcome.agenda.status = agenda::LoadStatus::kUnreadable;
  outcome.diagnostics.error({name, 0, 0}, why);
  outcome.agenda.diagnostics = outcome.diagnostics;
  return outcome;
}

ReadOutcome decode_answer(const std::string& name, std::string_view answer) {
  const std::size_t end = answer.find('\n');
  const json::ParseResult header = json::parse(answer.substr(0, end));
  const std::string lying = "the reader gave an answer that cannot be used: refused";
  if (end == std::string_view::npos || !header.value || !header.value->is_object())
    return failed_read(name, lying);
  const json::Value& root = *header.value;
  const std::string* kind = string_member(root, "kind");
  ReadOutcome outcome;
  if (!kind || !decode_diagnostics(root.find("diagnostics"), outcome.diagnostics))
    return failed_read(name, lying);
  if (*kind == document_kind_name(DocumentKind::kAnnouncements)) {
    outcome.kind = DocumentKind::kAnnouncements;
    if (!decode_announcements(root.find("announcements"), outcome.announcements))
      return failed_read(name, lying);
    return outcome;
  }
  if (*kind == document_kind_name(DocumentKind::kOverrides)) {
    outcome.kind = DocumentKind::kOverrides;
    if (!decode_overrides(root.find("overrides"), outcome.overrides))
      return failed_read(name, lying);
    return outcome;
  }
  const auto status = number_member(root, "status");
  if (*kind != document_kind_name(DocumentKind::kAgenda) || !status)
    return failed_read(name, lying);
  if (const std::string* format = string_member(root, "format")) outcome.format = *format;
  outcome.agenda.diagnostics = outcome.diagnostics;
  if (*status != static_cast<int>(agenda::LoadStatus::kLoaded)) {
    outcome.agenda.status = *status == static_cast<int>(agenda::LoadStatus::kUnreadable)
                                ? agenda::LoadStatus::kUnreadable
                                : agenda::LoadStatus::kInvalid;
    if (!outcome.diagnostics.has_errors()) return failed_read(name, lying);
    return outcome;
  }
  // The normalized agenda, written by the reader: loading it again checks it once more.
  agenda::LoadResult normalized =
      agenda::load_agenda_bytes(name, answer.substr(end + 1), agenda::AgendaFormat::kNative);
  if (!normalized.ok()) return failed_read(name, lying);
  outcome.agenda.status = agenda::LoadStatus::kLoaded;
  outcome.agenda.agenda = std::move(normalized.agenda);
  outcome.agenda.format = std::nullopt;
  return outcome;
}

std::string seconds_text(std::int64_t ms) {
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

// The reader's misbehaviour on purpose, for tests (see the header).
void run_test_hook(std::string_view bytes) {
  const char* hook = std::getenv("IJLAS_READER_TEST_HOOK");
  if (hook == nullptr) return;
  const std::string_view text = hook;
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos ||
      bytes.find(text.substr(colon + 1)) == std::string_view::npos)
    return;
  const std::string_view action = text.substr(0, colon);
  if (action == "crash") {
    // The default action, not a sanitizer's handler (which would turn it into an abort).
    std::signal(SIGSEGV, SIG_DFL);
    std::raise(SIGSEGV);
  }
  if (action == "hang") {
    for (;;)
      ::pause();
  }
  if (action == "spin") {
    volatile std::uint64_t turns = 0;
    for (;;)
      turns = turns + 1;
  }
  if (action == "allocate") {
    std::vector<std::string> hoard;
    for (;;)
      hoard.emplace_back(1u << 20, 'x');  // touched, so that the pages are real
  }
}

}  // namespace

std::string own_executable() {
  static const std::string path = [] {
    std::error_code failed;
    const auto resolved = std::filesystem::read_symlink("/proc/self/exe", failed);
    return failed ? std::string("/proc/self/exe") : resolved.string();
  }();
  return path;
}

SandboxedParse::SandboxedParse(const std::string& executable, ReadRequest request,
                               ReaderLimits limits)
    : name_(request.name), limits_(limits) {
  if (::pipe2(done_, O_CLOEXEC | O_NONBLOCK) != 0) done_[0] = done_[1] = -1;
  const int input = ::memfd_create("ijlas-reader-input", MFD_CLOEXEC);
  int answer[2] = {-1, -1};
  if (input < 0 || !write_all(input, request.bytes) || ::lseek(input, 0, SEEK_SET) != 0 ||
      ::pipe2(answer, O_CLOEXEC) != 0) {
    if (input >= 0) ::close(input);
    finish(failed_read(name_, std::string("cannot start the reader: ") + std::strerror(errno)));
    return;
  }
  // Everything the child needs is made before fork: after it only system calls are made.
  std::string received = std::to_string(request.received.utc_ms);
  std::vector<char*> argv = {const_cast<char*>(executable.c_str()),
                             const_cast<char*>(kReaderMode),
                             request.name.data(),
                             request.zone.data(),
                             received.data(),
                             request.agenda_zone.data(),
                             nullptr};
  const rlimit memory{limits.memory_mib << 20, limits.memory_mib << 20};
  const rlimit cpu{static_cast<rlim_t>(limits.cpu_seconds),
                   static_cast<rlim_t>(limits.cpu_seconds) + 1};
  const rlimit no_core{0, 0};
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ == 0) {
    if (::dup2(input, STDIN_FILENO) < 0 || ::dup2(answer[1], STDOUT_FILENO) < 0) ::_exit(127);
    ::close_range(3, ~0U, 0);
    if ((kReaderMemoryLimited && ::setrlimit(RLIMIT_AS, &memory) != 0) ||
        ::setrlimit(RLIMIT_CPU, &cpu) != 0 || ::setrlimit(RLIMIT_CORE, &no_core) != 0 ||
        ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || ::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
      ::_exit(kNotLimitedExit);
    if (::getppid() != parent) ::_exit(127);  // the kiosk died before PDEATHSIG was set
    ::execve(argv[0], argv.data(), environ);
    ::_exit(127);
  }
  ::close(input);
  ::close(answer[1]);
  if (pid_ < 0) {
    ::close(answer[0]);
    finish(failed_read(name_, std::string("cannot start the reader: ") + std::strerror(errno)));
    return;
  }
  worker_ = std::thread([this, fd = answer[0]] { wait_for_reader(fd); });
}

SandboxedParse::~SandboxedParse() {
  {
    std::lock_guard lock(mutex_);
    if (pid_ > 0 && !exited_) ::kill(pid_, SIGKILL);
  }
  if (worker_.joinable()) worker_.join();
  for (int fd : done_) {
    if (fd >= 0) ::close(fd);
  }
}

void SandboxedParse::wait_for_reader(int answer_fd) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(limits_.deadline_ms);
  auto remaining_ms = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  };
  std::string answer;
  bool late = false, too_long = false, open = true;
  char buffer[65536];
  while (open) {
    const std::int64_t left = remaining_ms();
    if (left <= 0) {
      late = true;
      break;
    }
    pollfd readable{answer_fd, POLLIN, 0};
    const int ready = ::poll(&readable, 1, static_cast<int>(std::min<std::int64_t>(left, 1000)));
    if (ready <= 0) continue;  // a timeout or EINTR: the deadline is looked at again
    const ssize_t got = ::read(answer_fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      open = false;
      break;
    }
    if (answer.size() + static_cast<std::size_t>(got) > kMaxAnswerBytes) {
      too_long = true;
      break;
    }
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(answer_fd);
  // The answer is complete (or given up): wait for the exit, without reaping yet, until the
  // deadline; then kill under the lock, so that a reaped pid is never signalled.
  siginfo_t info{};
  for (;;) {
    info.si_pid = 0;
    const int waited = ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT);
    if (waited == 0 && info.si_pid == pid_) break;
    if (waited != 0 && errno != EINTR) break;
    if (late || too_long || remaining_ms() <= 0) {
      if (!too_long) late = true;
      std::lock_guard lock(mutex_);
      ::kill(pid_, SIGKILL);
      ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT);
      break;
    }
    ::usleep(2000);
  }
  int status = 0;
  {
    std::lock_guard lock(mutex_);
    ::waitpid(pid_, &status, 0);
    exited_ = true;
  }
  const std::string mib = std::to_string(limits_.memory_mib) + " MiB";
  if (too_long) {
    finish(failed_read(name_, "the reader's answer was larger than " +
                                  std::to_string(kMaxAnswerBytes >> 20) + " MiB: refused"));
  } else if (late) {
    finish(failed_read(
        name_, "took longer than " + seconds_text(limits_.deadline_ms) + " to read: refused"));
  } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
    finish(failed_read(name_, "needed more than " + std::to_string(limits_.cpu_seconds) +
                                  " s of processor time to read: refused"));
  } else if (WIFSIGNALED(status)) {
    finish(failed_read(name_, "the reader crashed (signal " + std::to_string(WTERMSIG(status)) +
                                  ", " + strsignal(WTERMSIG(status)) + "): refused"));
  } else if (WEXITSTATUS(status) == kOutOfMemoryExit) {
    finish(failed_read(name_, "needed more than " + mib + " of memory to read: refused"));
  } else if (WEXITSTATUS(status) == kNotLimitedExit) {
    finish(failed_read(name_,
                       "the reader could not be given its memory and time limits "
                       "(setrlimit or prctl refused): refused unread"));
  } else if (WEXITSTATUS(status) != 0) {
    finish(failed_read(name_, "the reader stopped with status " +
                                  std::to_string(WEXITSTATUS(status)) + ": refused"));
  } else {
    try {
      finish(decode_answer(name_, answer));
    } catch (const std::bad_alloc&) {
      finish(failed_read(name_, "the normalized agenda does not fit in memory: refused"));
    }
  }
}

void SandboxedParse::finish(ReadOutcome outcome) {
  outcome_ = std::move(outcome);
  finished_ = true;
  if (done_[1] >= 0) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(done_[1], &byte, 1);
  }
}

ReadOutcome SandboxedParse::take() {
  if (worker_.joinable()) worker_.join();
  return std::move(outcome_);
}

int run_reader_mode(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr,
                 "ijlas %s: NAME ZONE RECEIVED_MS AGENDA_ZONE, the input on standard input\n",
                 kReaderMode);
    return 2;
  }
  try {
    const std::string name = argv[2], zone = argv[3];
    const Timestamp received{std::strtoll(argv[4], nullptr, 10)};
    std::string bytes;
    char buffer[65536];
    for (;;) {
      const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      bytes.append(buffer, static_cast<std::size_t>(got));
      if (bytes.size() > agenda::kMaxAgendaFileBytes) break;  // the loader refuses it
    }
    run_test_hook(bytes);
    return write_all(STDOUT_FILENO, answer_for(name, bytes, zone, received, argv[5])) ? 0 : 1;
  } catch (const std::bad_alloc&) {
    ::_exit(kOutOfMemoryExit);
  }
}

}  // namespace ijlas::live
