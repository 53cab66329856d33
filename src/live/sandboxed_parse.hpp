// Untrusted bytes (a file from the drop folder, a download, the stored agenda) are parsed by a
// disposable child process, never by the kiosk itself: the kiosk's own executable started again
// in its reading mode (`ijlas --read-untrusted NAME ZONE RECEIVED_MS AGENDA_ZONE`, the bytes on its
// standard input), with a memory limit (RLIMIT_AS), a processor-time limit (RLIMIT_CPU), a
// wall-clock deadline, no new privileges and no descriptor but its input, its answer and standard
// error. It answers on a pipe with one JSON line (what the document is, the diagnostics,
// announcements or overrides) followed, for an agenda, by the agenda in native JSON, which the
// kiosk loads. A reader that crashes, runs out of memory or time is a rejection that says so, never
// a crash.
//
// A worker thread waits on the child (and only on it), so the kiosk's loop keeps drawing: it
// polls done_fd() with its other descriptors, or looks at finished() on its wake-ups.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "agenda/agenda_loader.hpp"
#include "core/diagnostic.hpp"
#include "live/announcements.hpp"
#include "live/clock.hpp"
#include "live/live_document.hpp"
#include "live/session_overrides.hpp"

namespace ijlas::live {

inline constexpr const char* kReaderMode = "--read-untrusted";

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

struct ReaderLimits {
  std::size_t memory_mib = 512;       // address space of the reader
  int cpu_seconds = 15;               // processor time of the reader
  std::int64_t deadline_ms = 20'000;  // wall-clock time, under the board's 30 s watchdog
};

struct ReadRequest {
  std::string name;         // how messages name the input (a path, a URL)
  std::string bytes;        // the input, whole
  std::string zone;         // the venue's zone: times of announcements and overrides without offset
  Timestamp received;       // when it arrived: the default start of announcements
  std::string agenda_zone;  // agenda::LoadOptions::venue_zone (floating agenda times), or empty
};

struct ReadOutcome {
  DocumentKind kind = DocumentKind::kAgenda;
  agenda::LoadResult agenda;  // kAgenda: status and, when loaded, the agenda
  std::string format;         // kAgenda: the format's name ("frab-xml"), when recognized
  std::vector<Announcement> announcements;  // kAnnouncements, when there are no errors
  std::vector<SessionOverride> overrides;   // kOverrides, when there are no errors
  DiagnosticList diagnostics;               // of every kind; also in agenda.diagnostics
  bool reader_failed = false;  // the reader crashed, ran out of time or memory, or lied
};

// One child process reading one input.
class SandboxedParse {
 public:
  // Starts `executable` (the kiosk's own: own_executable()) in its reading mode on `request`.
  // A reader that cannot be started finishes at once with a failed outcome.
  SandboxedParse(const std::string& executable, ReadRequest request, ReaderLimits limits);
  ~SandboxedParse();  // a reader still running is killed
  SandboxedParse(const SandboxedParse&) = delete;
  SandboxedParse& operator=(const SandboxedParse&) = delete;

  const std::string& name() const { return name_; }
  pid_t pid() const { return pid_; }
  int done_fd() const { return done_[0]; }  // readable once finished
  bool finished() const { return finished_; }
  // The outcome; waits for the reader when it has not finished yet. Once only.
  ReadOutcome take();

 private:
  void wait_for_reader(int answer_fd);
  void finish(ReadOutcome outcome);

  std::string name_;
  ReaderLimits limits_;
  pid_t pid_ = -1;
  int done_[2] = {-1, -1};
  std::mutex mutex_;  // guards exited_ against a kill of a reaped pid
  bool exited_ = false;
  std::atomic<bool> finished_{false};
  ReadOutcome outcome_;
  std::thread worker_;
};

// The path that starts this very program again (/proc/self/exe, resolved once at start).
std::string own_executable();

// The reading mode, when argv[1] is kReaderMode: reads standard input, answers on standard
// output, exits. Tests may set IJLAS_READER_TEST_HOOK=ACTION:TEXT (crash, hang, spin, allocate)
// to have it misbehave on an input that contains TEXT.
int run_reader_mode(int argc, char** argv);

}  // namespace ijlas::live
