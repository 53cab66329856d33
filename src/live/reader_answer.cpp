#include "live/reader_answer.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "agenda/agenda_loader.hpp"
#include "agenda/native_json_writer.hpp"
#include "agenda/time_zone.hpp"
#include "core/json_value.hpp"
#include "core/read_file.hpp"
#include "live/announcements.hpp"
#include "live/limited_child.hpp"
#include "live/live_document.hpp"
#include "live/sandboxed_parse.hpp"
#include "live/session_overrides.hpp"

namespace ijlas::live {
namespace {

std::string diagnostics_json(const DiagnosticList& diagnostics) {
  std::string out = "[";
  for (const Diagnostic& d : diagnostics.items()) {
    if (out.size() > 1) out += ",";
    out += "[" + json::quote(d.severity == Severity::kError ? "error" : "warning") + "," +
           json::quote(d.position.file()) + "," + std::to_string(d.position.line) + "," +
           std::to_string(d.position.column) + "," + json::quote(d.message) + "," +
           json::quote(d.position.sheet()) + "]";
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
    out += ",\"file\":" + json::quote(o.position.file()) +
           ",\"line\":" + std::to_string(o.position.line) +
           ",\"column\":" + std::to_string(o.position.column) + "}";
  }
  return out + "]";
}

// The input whole; one byte past the loader's limit is enough for it to refuse. The kiosk's
// input is a memfd of known size: the buffer is made that size at once. A read that fails
// leaves what came before it, as an input that ended there would.
std::string read_input(int fd) {
  struct stat status {};
  const std::size_t expected =
      ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0
          ? static_cast<std::size_t>(status.st_size)
          : 0;
  std::string bytes;
  read_to_end(fd, agenda::kMaxAgendaFileBytes, expected, bytes);
  return bytes;
}

}  // namespace

bool answer_reader_input(int input_fd, int output_fd, const ReaderArguments& arguments) {
  std::string bytes = read_input(input_fd);
  run_child_test_hook(bytes);
  const DocumentKind kind = classify_document(bytes);
  std::string header = "{\"kind\":" + json::quote(document_kind_name(kind));
  auto venue_zone = agenda::TimeZone::find(arguments.zone);
  if (!venue_zone) venue_zone = agenda::TimeZone::find("UTC");
  switch (kind) {
    case DocumentKind::kAgenda: {
      // The input is freed once parsed (a JSON agenda's before its draft), at the latest before
      // the answer is written: the agenda holds its own copies.
      const agenda::LoadResult result = agenda::load_agenda_taking_bytes(
          arguments.name, std::move(bytes), agenda::LoadOptions{arguments.agenda_zone});
      header += ",\"status\":" + std::to_string(static_cast<int>(result.status));
      if (result.format)
        header += ",\"format\":" + json::quote(agenda::format_name(*result.format));
      header += ",\"diagnostics\":" + diagnostics_json(result.diagnostics) + "}\n";
      if (!write_all(output_fd, header)) return false;
      return !result.ok() || agenda::write_native_json(*result.agenda, [&](std::string_view piece) {
        return write_all(output_fd, piece);
      });
    }
    case DocumentKind::kAnnouncements: {
      const AnnouncementsParse parsed =
          parse_announcements(arguments.name, bytes, arguments.received, *venue_zone);
      header += ",\"diagnostics\":" + diagnostics_json(parsed.diagnostics) +
                ",\"announcements\":" + announcements_json(parsed.announcements);
      break;
    }
    case DocumentKind::kOverrides: {
      const OverridesParse parsed = parse_session_overrides(arguments.name, bytes, *venue_zone);
      header += ",\"diagnostics\":" + diagnostics_json(parsed.diagnostics) +
                ",\"overrides\":" + overrides_json(parsed.overrides);
      break;
    }
  }
  return write_all(output_fd, header + "}\n");
}

int run_reader_mode(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr,
                 "ijlas-read %s: NAME ZONE RECEIVED_MS AGENDA_ZONE, the input on standard input\n",
                 kReaderMode);
    return 2;
  }
  try {
    const ReaderArguments arguments{argv[2], argv[3], Timestamp{std::strtoll(argv[4], nullptr, 10)},
                                    argv[5]};
    return answer_reader_input(STDIN_FILENO, STDOUT_FILENO, arguments) ? 0 : 1;
  } catch (const std::bad_alloc&) {
    ::_exit(kOutOfMemoryExit);
  }
}

}  // namespace ijlas::live
