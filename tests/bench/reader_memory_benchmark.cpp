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
  const std::string path = std::string(IJLAS_SHARED_DIR) + "/schedules/" + name;
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

}  // namespace

BENCHMARK_MAIN();
