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
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "agenda/agenda_loader.hpp"
#include "agenda/native_json_writer.hpp"
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
// [SECTION] A large generated schedule.json, and the native JSON the reader answers with for it.
// No real export is large: this one scales camp2019's structure (5 days, rooms of events whose
// abstracts, descriptions and persons are of camp2019's average sizes) to 4,000 events, ~10 MiB.

// Words from schedule titles and abstracts, picked by a fixed sequence so every run is the same.
class WordSource {
 public:
  std::string words(int count) {
    static const char* const kWords[] = {
        "hacking",  "the",      "network",   "of",      "open",          "hardware", "security",
        "privacy",  "and",      "community", "radio",   "software",      "freedom",  "camp",
        "wireless", "mesh",     "for",       "a",       "decentralized", "future",   "talk",
        "about",    "building", "tools",     "with",    "people",        "workshop", "data",
        "in",       "practice", "lessons",   "learned", "from",          "ten",      "years",
        "کانفرنس",  "اجلاس",    "سافٹ ویئر", "آزادی",   "ÜberMorgen",    "Straße",   "café"};
    std::string out;
    for (int i = 0; i < count; ++i) {
      state_ = state_ * 6364136223846793005u + 1442695040888963407u;
      if (i > 0) out += ' ';
      out += kWords[(state_ >> 33) % (sizeof kWords / sizeof *kWords)];
    }
    return out;
  }

 private:
  std::uint64_t state_ = 2019;
};

// A frab schedule.json laid out as frab writes it (two-space indentation, persons on one line).
std::string generated_frab_json(int events) {
  WordSource words;
  constexpr int kDays = 5, kRooms = 8;
  std::string out =
      "{\n  \"$schema\": \"../schema.json\",\n  \"schedule\": {\n    \"version\": \"Gacrux\",\n"
      "    \"base_url\": \"https://fahrplan.events.example.org/camp/Fahrplan/\",\n"
      "    \"conference\": {\n      \"acronym\": \"Camp\",\n      \"title\": \"Generated Camp\",\n"
      "      \"start\": \"2019-08-21\",\n      \"end\": \"2019-08-25\",\n      \"daysCount\": 5,\n"
      "      \"time_zone_name\": \"Europe/Berlin\",\n      \"timeslot_duration\": \"00:15\",\n"
      "      \"days\": [\n";
  const int per_room = events / (kDays * kRooms);
  int id = 10000;
  for (int day = 0; day < kDays; ++day) {
    const std::string date = "2019-08-2" + std::to_string(1 + day);
    out += std::string(day > 0 ? ",\n" : "") +
           "        {\n          \"index\": " + std::to_string(day + 1) +
           ",\n          \"date\": \"" + date + "\",\n          \"day_start\": \"" + date +
           "T09:00:00+02:00\",\n          \"day_end\": \"" + date +
           "T23:59:00+02:00\",\n          \"rooms\": {\n";
    for (int room = 0; room < kRooms; ++room) {
      const std::string name = "Room " + std::to_string(room + 1);
      out += std::string(room > 0 ? ",\n" : "") + "            \"" + name + "\": [\n";
      for (int slot = 0; slot < per_room; ++slot, ++id) {
        // Slots of 5 minutes from 09:00, so that a room's day holds every event.
        const int minutes = 9 * 60 + slot * 5;
        char start[8];
        std::snprintf(start, sizeof start, "%02d:%02d", minutes / 60, minutes % 60);
        const std::string number = std::to_string(id);
        const std::string title = words.words(5);
        out += std::string(slot > 0 ? ",\n" : "") + "              {\n" +
               "                \"url\": \"https://fahrplan.events.example.org/camp/Fahrplan/"
               "events/" +
               number + ".html\",\n                \"id\": " + number +
               ",\n                \"guid\": \"a0a0fcfe-b7fb-46e3-84b6-97a54060" + number +
               "\",\n                \"logo\": null,\n                \"date\": \"" + date + "T" +
               start + ":00+02:00\",\n                \"start\": \"" + start +
               "\",\n                \"duration\": \"00:05\",\n                \"room\": \"" +
               name + "\",\n                \"slug\": \"Camp-" + number + "-" + words.words(3) +
               "\",\n                \"title\": \"" + title +
               "\",\n                \"subtitle\": \"" + (slot % 3 == 0 ? words.words(4) : "") +
               "\",\n                \"track\": \"CCC\",\n                \"type\": \"lecture\","
               "\n                \"language\": \"en\",\n                \"abstract\": \"" +
               words.words(50) + "\",\n                \"description\": \"" + words.words(120) +
               "\\n\\n" + words.words(10) +
               "\",\n                \"recording_license\": \"\",\n"
               "                \"do_not_record\": false,\n                \"persons\": [\n";
        for (int person = 0; person <= slot % 3; ++person) {
          out += std::string(person > 0 ? ",\n" : "") +
                 "                  { \"id\": " + std::to_string(7000 + (id * 7 + person) % 3000) +
                 ", \"public_name\": \"" + words.words(2) + "\" }";
        }
        out +=
            "\n                ],\n                \"links\": [],\n"
            "                \"attachments\": []\n              }";
      }
      out += "\n            ]";
    }
    out += "\n          }\n        }";
  }
  return out + "\n      ]\n    }\n  }\n}\n";
}

// Writes the generated schedule.json and its native JSON once; their paths.
struct GeneratedSchedules {
  std::string frab_json, native_json;
};
const GeneratedSchedules& generated_schedules() {
  static const GeneratedSchedules paths = [] {
    const auto folder = std::filesystem::temp_directory_path();
    GeneratedSchedules written{(folder / "ijlas-bench-large-frab.json").string(),
                               (folder / "ijlas-bench-large-native.json").string()};
    // In a child of its own: the readers forked later start from this process's resident size.
    const pid_t pid = ::fork();
    if (pid == 0) {
      const std::string frab = generated_frab_json(4000);
      std::ofstream(written.frab_json, std::ios::binary) << frab;
      const auto loaded = ijlas::agenda::load_agenda_bytes(written.frab_json, frab);
      if (loaded.ok())
        std::ofstream(written.native_json, std::ios::binary)
            << ijlas::agenda::write_native_json(*loaded.agenda);
      ::_exit(loaded.ok() ? 0 : 1);
    }
    int status = 0;
    if (pid > 0) ::waitpid(pid, &status, 0);
    return written;
  }();
  return paths;
}

void GeneratedReaderPeakMemory(benchmark::State& state, bool native) {
  const std::string& path =
      native ? generated_schedules().native_json : generated_schedules().frab_json;
  const long baseline =
      lowest_peak_kib(std::string(IJLAS_ASSET_DIR) + "/agenda/islamabad-2025.json");
  std::error_code failed;
  const auto size = std::filesystem::file_size(path, failed);
  if (baseline < 0 || failed) {
    state.SkipWithError("the bundled agenda or the generated schedule did not load");
    return;
  }
  long peak = 0;
  for (auto _ : state) {
    const long run = reader_peak_kib(path);
    if (run < 0) {
      state.SkipWithError("the reader did not load the generated schedule");
      return;
    }
    peak = std::max(peak, run);
  }
  const double above = static_cast<double>(peak - baseline) * 1024;
  state.counters["peak_x_file"] = above / static_cast<double>(size);
  state.counters["above_MiB"] = above / (1 << 20);
  state.counters["file_MiB"] = static_cast<double>(size) / (1 << 20);
}

BENCHMARK_CAPTURE(GeneratedReaderPeakMemory, GeneratedLargeFrabJson, false)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(GeneratedReaderPeakMemory, GeneratedLargeNativeJson, true)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
