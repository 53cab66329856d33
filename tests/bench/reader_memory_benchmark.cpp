// The reader's peak memory on the real exports (issue 12: at most 3× the file's size). Each run
// reads as the kiosk's reader does (live::answer_reader_input: the file on its input, the answer
// to a memory file) in a process forked for it, whose peak RSS the kernel reports at its end.
// Counters, in multiples of the file's size (the highest of the runs against the lowest of three
// baseline runs): `peak_x_file`, the peak above the reader's on the bundled agenda (the issue's
// measure), and `growth_x_file`, the peak above the reader's on a small file of the same format
// (tests/agenda/data), per byte more: what grows with the file, without the format's fixed cost
// (its library's code and tables), which dominates for files of a few hundred KiB.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "live/reader_answer.hpp"

namespace {

constexpr const char* kAgendaLoaded = "{\"kind\":\"agenda\",\"status\":0,";

// The reader's peak RSS in KiB on the file at `path`, or -1 when it did not load the agenda.
long reader_peak_kib(const std::string& path) {
  const int input = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  const int answer = ::memfd_create("reader-answer", MFD_CLOEXEC);
  long peak = -1;
  if (input >= 0 && answer >= 0) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      const ijlas::live::ReaderArguments arguments{path, "UTC", ijlas::live::Timestamp{0}, ""};
      bool answered = false;
      try {
        answered = ijlas::live::answer_reader_input(input, answer, arguments);
      } catch (...) {
      }
      ::_exit(answered ? 0 : 1);
    }
    int status = 0;
    rusage usage{};
    char start[64] = {};
    const std::size_t expected = std::char_traits<char>::length(kAgendaLoaded);
    if (pid > 0 && ::wait4(pid, &status, 0, &usage) == pid && WIFEXITED(status) &&
        WEXITSTATUS(status) == 0 && ::pread(answer, start, expected, 0) == ssize_t(expected) &&
        std::string_view(start, expected) == kAgendaLoaded)
      peak = usage.ru_maxrss;
  }
  if (input >= 0) ::close(input);
  if (answer >= 0) ::close(answer);
  return peak;
}

// The lowest peak of three runs, or -1.
long lowest_peak_kib(const std::string& path) {
  long lowest = -1;
  for (int run = 0; run < 3; ++run) {
    const long peak = reader_peak_kib(path);
    if (peak < 0) return -1;
    lowest = lowest < 0 ? peak : std::min(lowest, peak);
  }
  return lowest;
}

void ReaderPeakMemory(benchmark::State& state, const char* name, const char* small_of_format) {
  const std::string path =
      name[0] == '/' ? std::string(name) : std::string(IJLAS_SHARED_DIR) + "/schedules/" + name;
  const std::string small = std::string(IJLAS_TEST_DATA_DIR) + "/agenda/data/" + small_of_format;
  const long baseline =
      lowest_peak_kib(std::string(IJLAS_ASSET_DIR) + "/agenda/islamabad-2025.json");
  const long format_baseline = lowest_peak_kib(small);
  std::error_code failed;
  const auto size = std::filesystem::file_size(path, failed);
  const auto small_size = std::filesystem::file_size(small, failed);
  if (baseline < 0 || format_baseline < 0 || failed || size <= small_size) {
    state.SkipWithError("the bundled agenda, the small file or the schedule did not load");
    return;
  }
  long peak = 0;
  for (auto _ : state) {
    const long run = reader_peak_kib(path);
    if (run < 0) {
      state.SkipWithError("the reader did not load the schedule");
      return;
    }
    peak = std::max(peak, run);
  }
  const double above = static_cast<double>(peak - baseline) * 1024;
  state.counters["peak_x_file"] = above / static_cast<double>(size);
  state.counters["growth_x_file"] =
      static_cast<double>(peak - format_baseline) * 1024 / static_cast<double>(size - small_size);
  state.counters["above_MiB"] = above / (1 << 20);
  state.counters["file_MiB"] = static_cast<double>(size) / (1 << 20);
}

BENCHMARK_CAPTURE(ReaderPeakMemory, Fosdem2025Xml, "fosdem-2025-schedule.xml",
                  "frab-floating-no-zone.xml")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ReaderPeakMemory, Frab31c3Xml, "31c3-schedule.xml", "frab-floating-no-zone.xml")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ReaderPeakMemory, FrabCamp2019Json, "c3voc-example-frab-camp2019.json",
                  "frab-floating-no-zone.json")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ReaderPeakMemory, PretalxDemoconJson, "c3voc-example-pretalx-democon.json",
                  "frab-floating-no-zone.json")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ReaderPeakMemory, PyConUk2015Ics, "pyconuk2015-schedule.ics",
                  "ical-floating-no-zone.ics")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ReaderPeakMemory, Sitcon2022Opass, "sitcon2022-opass-session.json",
                  "opass-small.json")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ReaderPeakMemory, Xdc2021Indico, "xdc2021-indico-export.json",
                  "indico-small.json")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ReaderPeakMemory, Gab2022Sessionize, "gab2022-sessionize-all.json",
                  "sessionize-small.json")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ReaderPeakMemory, C3vocTemplateXlsx, "voc-deu-schedule-example.xlsx",
                  "typed-cells.xlsx")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ReaderPeakMemory, C3vocTemplateOds, "voc-deu-schedule-example.ods",
                  "typed-cells.ods")
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);

// A large iCalendar export, generated: 4,000 VEVENTs as pretalx, Indico and Google write them
// (a VTIMEZONE, TZID= times, DESCRIPTION folded at 75 octets, ORGANIZER and ATTENDEE, URL) and
// a few stand-ups with an RRULE; about 3.5 MB, written an event at a time, so that the
// benchmark's own heap, which the reader's process inherits, stays small.
std::string folded(std::string line) {
  std::string out;
  for (std::size_t at = 0; at < line.size(); at += out.empty() ? 75 : 74) {
    if (at > 0) out += "\r\n ";
    out += line.substr(at, at == 0 ? 75 : 74);
  }
  return out + "\r\n";
}

std::string two_digits(int value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

void write_large_calendar(std::ostream& out, int events) {
  out << "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//pretalx//bench//EN\r\n"
         "X-WR-CALNAME:Bench Conf 2025\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"
         "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\n"
         "TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
         "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\n"
         "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n"
         "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
  std::string text;
  std::string description = "DESCRIPTION:";
  for (int i = 0; i < 3; ++i)
    description +=
        "This talk looks at how a schedule grows from a few rooms to a whole venue\\, what the "
        "exporters write\\, and how readers keep up. ";
  for (int i = 0; i < events; ++i) {
    // 40 rooms, 20 half-hour slots a day from 08:00: no two talks share a room and a time.
    const int minute = 8 * 60 + (i / 40) % 20 * 30;
    const std::string day = "202508" + two_digits(11 + i / 800) + "T";
    const std::string id = std::to_string(10000 + i);
    text =
        "BEGIN:VEVENT\r\nUID:pretalx-bench-" + id + "@pretalx.example.org\r\n" +
        "DTSTAMP:20250101T120000Z\r\nDTSTART;TZID=Europe/Berlin:" + day + two_digits(minute / 60) +
        two_digits(minute % 60) + "00\r\nDTEND;TZID=Europe/Berlin:" + day +
        two_digits((minute + 25) / 60) + two_digits((minute + 25) % 60) + "00\r\n" +
        folded("SUMMARY:Talk " + id + ": scaling the conference kiosk to thousands of sessions") +
        folded(description) + "LOCATION:Room " + std::to_string(i % 40) + "\r\n" +
        "URL:https://pretalx.example.org/bench/talk/" + id + "/\r\n" +
        "ORGANIZER;CN=Bench Conf:mailto:orga@example.org\r\n" +
        folded("ATTENDEE;CN=Speaker " + id +
               ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:speaker" + id + "@example.org") +
        "END:VEVENT\r\n";
    if (i % 500 == 7) {
      const std::string stand_up = std::to_string(i / 500);
      text += "BEGIN:VEVENT\r\nUID:stand-up-" + stand_up +
              "@pretalx.example.org\r\nDTSTART;TZID=Europe/Berlin:20250811T07" +
              two_digits(i / 500 * 6) +
              "00\r\nDURATION:PT5M\r\nRRULE:FREQ=DAILY;COUNT=5\r\nLOCATION:Foyer\r\n"
              "SUMMARY:Stand-up " +
              stand_up + "\r\nEND:VEVENT\r\n";
    }
    out << text;
  }
  out << "END:VCALENDAR\r\n";
}

void ReaderPeakMemoryOnLargeIcs(benchmark::State& state) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("ijlas-reader-memory-" + std::to_string(::getpid()) + ".ics");
  {
    std::ofstream out(path, std::ios::binary);
    write_large_calendar(out, 4000);
  }
  ReaderPeakMemory(state, path.c_str(), "ical-floating-no-zone.ics");
  std::filesystem::remove(path);
}
BENCHMARK(ReaderPeakMemoryOnLargeIcs)->Iterations(5)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
