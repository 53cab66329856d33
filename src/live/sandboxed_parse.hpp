// Untrusted bytes (a file from the drop folder, a download, the stored agenda) are parsed by a
// disposable child process (live/limited_child.hpp), never by the kiosk itself: the reader
// program installed beside it, in its reading mode (`ijlas-read --read-untrusted NAME ZONE
// RECEIVED_MS AGENDA_ZONE`, the bytes on its standard input). Only that program links the
// parsers of the foreign formats and their libraries. It answers with one JSON line (what the
// document is, the diagnostics, announcements or overrides) followed, for an agenda, by the
// agenda in native JSON, which the kiosk loads. A reader that crashes, runs out of memory or time
// is a rejection that says so, never a crash.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "agenda/load_result.hpp"
#include "core/diagnostic.hpp"
#include "live/announcements.hpp"
#include "live/clock.hpp"
#include "live/limited_child.hpp"
#include "live/live_document.hpp"
#include "live/session_overrides.hpp"

namespace ijlas::live {

inline constexpr const char* kReaderProgram = "ijlas-read";
inline constexpr const char* kReaderMode = "--read-untrusted";

// The reader program beside this one (bin/ijlas-read beside bin/ijlas).
std::string reader_program();

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
  // Starts `executable` (reader_program()) in its reading mode on `request`.
  // A reader that cannot be started finishes at once with a failed outcome.
  SandboxedParse(const std::string& executable, const ReadRequest& request, ReaderLimits limits);
  ~SandboxedParse();  // a reader still running is killed
  SandboxedParse(const SandboxedParse&) = delete;
  SandboxedParse& operator=(const SandboxedParse&) = delete;

  const std::string& name() const { return name_; }
  pid_t pid() const { return child_->pid(); }
  int done_fd() const { return child_->done_fd(); }  // readable once finished
  bool finished() const { return child_->finished(); }
  // The outcome; waits for the reader when it has not finished yet. Once only.
  ReadOutcome take();

 private:
  std::string name_;
  ReadOutcome outcome_;  // set by the child's waiting thread, before finished()
  std::unique_ptr<LimitedChild> child_;
};

// The reading mode itself is run_reader_mode() (live/reader_answer.hpp), in the reader program.

}  // namespace ijlas::live
