#include "live/limited_child.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace ijlas::live {
namespace {

constexpr int kNotLimitedExit = 87;  // the child could not be given its limits

// The path of this very program (/proc/self/exe, resolved once at start).
std::string own_executable() {
  static const std::string path = [] {
    std::error_code failed;
    const auto resolved = std::filesystem::read_symlink("/proc/self/exe", failed);
    return failed ? std::string("/proc/self/exe") : resolved.string();
  }();
  return path;
}

}  // namespace

std::string program_beside(std::string_view name) {
  const std::filesystem::path beside = std::filesystem::path(own_executable()).parent_path() / name;
  std::error_code missing;
  if (std::filesystem::exists(beside, missing)) return beside.string();
  // Not installed, and not the kiosk's own binary in the build tree (a test, a benchmark): the
  // build tree's program.
  return (std::filesystem::path(IJLAS_PROGRAM_DIR) / name).string();
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

std::string seconds_text(std::int64_t ms) {
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

void run_child_test_hook(std::string_view bytes) {
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

LimitedChild::LimitedChild(const std::vector<std::string>& argv, std::string_view input,
                           ReaderLimits limits, std::size_t max_answer_bytes, ChildRole role,
                           Finish finish)
    : limits_(limits),
      max_answer_bytes_(max_answer_bytes),
      role_(role),
      finish_(std::move(finish)) {
  if (::pipe2(done_, O_CLOEXEC | O_NONBLOCK) != 0) done_[0] = done_[1] = -1;
  const int stdin_fd = ::memfd_create("ijlas-child-input", MFD_CLOEXEC);
  int answer[2] = {-1, -1};
  if (stdin_fd < 0 || !write_all(stdin_fd, input) || ::lseek(stdin_fd, 0, SEEK_SET) != 0 ||
      ::pipe2(answer, O_CLOEXEC) != 0) {
    const std::string why = std::strerror(errno);
    if (stdin_fd >= 0) ::close(stdin_fd);
    this->finish({{}, std::string("cannot start the ") + role_.noun + ": " + why});
    return;
  }
  // Everything the child needs is made before fork: after it only system calls are made.
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const rlimit memory{limits.memory_mib << 20, limits.memory_mib << 20};
  const rlimit cpu{static_cast<rlim_t>(limits.cpu_seconds),
                   static_cast<rlim_t>(limits.cpu_seconds) + 1};
  const rlimit no_core{0, 0};
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ == 0) {
    if (::dup2(stdin_fd, STDIN_FILENO) < 0 || ::dup2(answer[1], STDOUT_FILENO) < 0) ::_exit(127);
    ::close_range(3, ~0U, 0);
    if ((kReaderMemoryLimited && ::setrlimit(RLIMIT_AS, &memory) != 0) ||
        ::setrlimit(RLIMIT_CPU, &cpu) != 0 || ::setrlimit(RLIMIT_CORE, &no_core) != 0 ||
        ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || ::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
      ::_exit(kNotLimitedExit);
    if (::getppid() != parent) ::_exit(127);  // the kiosk died before PDEATHSIG was set
    ::execve(args[0], args.data(), environ);
    ::_exit(127);
  }
  const std::string why = std::strerror(errno);
  ::close(stdin_fd);
  ::close(answer[1]);
  if (pid_ < 0) {
    ::close(answer[0]);
    this->finish({{}, std::string("cannot start the ") + role_.noun + ": " + why});
    return;
  }
  worker_ = std::thread([this, fd = answer[0]] { wait_for_child(fd); });
}

LimitedChild::~LimitedChild() {
  {
    std::lock_guard lock(mutex_);
    if (pid_ > 0 && !exited_) ::kill(pid_, SIGKILL);
  }
  wait();
  for (int fd : done_) {
    if (fd >= 0) ::close(fd);
  }
}

void LimitedChild::wait() {
  if (worker_.joinable()) worker_.join();
}

void LimitedChild::wait_for_child(int answer_fd) {
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
    if (answer.size() + static_cast<std::size_t>(got) > max_answer_bytes_) {
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
  const std::string noun = role_.noun, verb = role_.verb;
  const std::string mib = std::to_string(limits_.memory_mib) + " MiB";
  if (too_long) {
    finish({{},
            "the " + noun + "'s answer was larger than " + std::to_string(max_answer_bytes_ >> 20) +
                " MiB: refused"});
  } else if (late) {
    finish({{},
            "took longer than " + seconds_text(limits_.deadline_ms) + " to " + verb + ": refused"});
  } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
    finish({{},
            "needed more than " + std::to_string(limits_.cpu_seconds) + " s of processor time to " +
                verb + ": refused"});
  } else if (WIFSIGNALED(status)) {
    finish({{},
            "the " + noun + " crashed (signal " + std::to_string(WTERMSIG(status)) + ", " +
                strsignal(WTERMSIG(status)) + "): refused"});
  } else if (WEXITSTATUS(status) == kOutOfMemoryExit) {
    finish({{}, "needed more than " + mib + " of memory to " + verb + ": refused"});
  } else if (WEXITSTATUS(status) == kNotLimitedExit) {
    finish({{},
            "the " + noun +
                " could not be given its memory and time limits (setrlimit or prctl "
                "refused): refused unread"});
  } else if (WEXITSTATUS(status) != 0) {
    finish({{},
            "the " + noun + " stopped with status " + std::to_string(WEXITSTATUS(status)) +
                ": refused"});
  } else {
    finish({std::move(answer), {}});
  }
}

void LimitedChild::finish(ChildOutcome outcome) {
  finish_(std::move(outcome));
  finished_ = true;
  if (done_[1] >= 0) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(done_[1], &byte, 1);
  }
}

}  // namespace ijlas::live
