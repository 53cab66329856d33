// A disposable child process for untrusted work (reading an agenda, decoding a photo): a program
// started with a memory limit (RLIMIT_AS), a processor-time limit (RLIMIT_CPU), a wall-clock
// deadline, no new privileges, no core file and no descriptor but its input, its answer and
// standard error. Its standard output is its answer, of bounded size. A child that crashes, runs
// out of memory or time is a failure that says which, in words for organizers.
//
// A worker thread waits on the child (and only on it), so the kiosk's loop keeps drawing: it
// polls done_fd() with its other descriptors, or looks at finished() on its wake-ups.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace ijlas::live {

// Whether the memory limit can be applied: sanitizers reserve terabytes of address space.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kReaderMemoryLimited = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
inline constexpr bool kReaderMemoryLimited = false;
#else
inline constexpr bool kReaderMemoryLimited = true;
#endif
#else
inline constexpr bool kReaderMemoryLimited = true;
#endif

// The exit status of a child whose allocation failed under RLIMIT_AS.
inline constexpr int kOutOfMemoryExit = 86;

struct ReaderLimits {
  std::size_t memory_mib = 512;       // address space of the child
  int cpu_seconds = 15;               // processor time of the child
  std::int64_t deadline_ms = 20'000;  // wall-clock time, under the board's 30 s watchdog
};

// How the messages name the child and its work: "the reader crashed", "took longer than 2 s to
// read".
struct ChildRole {
  const char* noun = "reader";
  const char* verb = "read";
};

struct ChildOutcome {
  std::string answer;   // what it wrote on its standard output
  std::string failure;  // empty when it exited with status 0; else why it is refused
};

class LimitedChild {
 public:
  using Finish = std::function<void(ChildOutcome)>;

  // Starts argv[0] with `argv`, `input` on its standard input (a memory file) and at most
  // `max_answer_bytes` of answer. `finish` is called once with the outcome, on the waiting
  // thread (or at once when the child cannot be started), before done_fd() becomes readable.
  LimitedChild(const std::vector<std::string>& argv, std::string_view input, ReaderLimits limits,
               std::size_t max_answer_bytes, ChildRole role, Finish finish);
  ~LimitedChild();  // a child still running is killed
  LimitedChild(const LimitedChild&) = delete;
  LimitedChild& operator=(const LimitedChild&) = delete;

  pid_t pid() const { return pid_; }
  int done_fd() const { return done_[0]; }  // readable once finished
  bool finished() const { return finished_; }
  void wait();  // until `finish` has run

 private:
  void wait_for_child(int answer_fd);
  void finish(ChildOutcome outcome);

  ReaderLimits limits_;
  std::size_t max_answer_bytes_;
  ChildRole role_;
  Finish finish_;
  pid_t pid_ = -1;
  int done_[2] = {-1, -1};
  std::mutex mutex_;  // guards exited_ against a kill of a reaped pid
  bool exited_ = false;
  std::atomic<bool> finished_{false};
  std::thread worker_;
};

// A program installed beside this one (bin/ijlas-read beside bin/ijlas): the kiosk's children.
// From a program with none beside it (a test), the build tree's.
std::string program_beside(std::string_view name);

// Writes the whole of `text` (a child's answer on its standard output); false when refused.
bool write_all(int fd, std::string_view text);

// A child's misbehaviour on purpose, for tests: IJLAS_READER_TEST_HOOK=ACTION:TEXT makes a child
// whose input contains TEXT crash, hang, spin or allocate without end.
void run_child_test_hook(std::string_view input);

// "20 s", "700 ms": a deadline as the messages give it.
std::string seconds_text(std::int64_t ms);

}  // namespace ijlas::live
