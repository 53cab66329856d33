// Importing the largest real export, fosdem-2025-schedule.xml (3.4 MB, 1,105 events): the
// target is at most 100 ms per import on the board-class machine. Also the other real exports,
// and HTML abstracts made to be slow. The reader's peak memory on the same files is
// reader_memory_benchmark's.
#include <benchmark/benchmark.h>

#include "agenda/agenda_loader.hpp"
#include "agenda/html_text.hpp"
#include "agenda/native_json_writer.hpp"
#include "core/read_file.hpp"

namespace {

std::string read_schedule(const char* name) {
  return ijlas::read_file(std::string(IJLAS_SHARED_DIR) + "/schedules/" + name).bytes;
}

void import_schedule(benchmark::State& state, const char* name) {
  const std::string bytes = read_schedule(name);
  if (bytes.empty()) {
    state.SkipWithError("schedule not found: is IJLAS_SHARED_DIR right?");
    return;
  }
  for (auto _ : state) {
    const auto result = ijlas::agenda::load_agenda_bytes(name, bytes);
    if (!result.ok()) state.SkipWithError("the schedule did not load");
    benchmark::DoNotOptimize(result.agenda.get());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void BM_ImportFosdem2025Xml(benchmark::State& state) {
  import_schedule(state, "fosdem-2025-schedule.xml");
}
BENCHMARK(BM_ImportFosdem2025Xml)->Unit(benchmark::kMillisecond);

void BM_ImportFrabCamp2019Json(benchmark::State& state) {
  import_schedule(state, "c3voc-example-frab-camp2019.json");
}
BENCHMARK(BM_ImportFrabCamp2019Json)->Unit(benchmark::kMillisecond);

void BM_ImportPyConUk2015Ics(benchmark::State& state) {
  import_schedule(state, "pyconuk2015-schedule.ics");
}
BENCHMARK(BM_ImportPyConUk2015Ics)->Unit(benchmark::kMillisecond);

// The c3voc spreadsheet template organizers are handed (13 sessions): unzip, sheet XML, rows.
void BM_ImportC3vocTemplateXlsx(benchmark::State& state) {
  import_schedule(state, "voc-deu-schedule-example.xlsx");
}
BENCHMARK(BM_ImportC3vocTemplateXlsx)->Unit(benchmark::kMillisecond);

void BM_ImportC3vocTemplateOds(benchmark::State& state) {
  import_schedule(state, "voc-deu-schedule-example.ods");
}
BENCHMARK(BM_ImportC3vocTemplateOds)->Unit(benchmark::kMillisecond);

void BM_ImportGab2022Sessionize(benchmark::State& state) {
  import_schedule(state, "gab2022-sessionize-all.json");
}
BENCHMARK(BM_ImportGab2022Sessionize)->Unit(benchmark::kMillisecond);

void BM_ImportXdc2021Indico(benchmark::State& state) {
  import_schedule(state, "xdc2021-indico-export.json");
}
BENCHMARK(BM_ImportXdc2021Indico)->Unit(benchmark::kMillisecond);

void BM_ImportSitcon2022Opass(benchmark::State& state) {
  import_schedule(state, "sitcon2022-opass-session.json");
}
BENCHMARK(BM_ImportSitcon2022Opass)->Unit(benchmark::kMillisecond);

// An abstract of N bytes of '&' (the hand-written decoder took 13 s for 1 MB): linear time means
// the time per byte stays flat from 64 KiB to 1 MiB.
void BM_HtmlAbstractOfAmpersands(benchmark::State& state) {
  const std::string html(static_cast<std::size_t>(state.range(0)), '&');
  for (auto _ : state) {
    benchmark::DoNotOptimize(ijlas::agenda::html_to_text(html));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * html.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_HtmlAbstractOfAmpersands)
    ->RangeMultiplier(4)
    ->Range(64 << 10, 1 << 20)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

// The fuzz finding of issue 15 (1 MB, one event with 3,288 unreadable lines): 0.9 s before
// the error lines were placed by lookup instead of a search through the event's properties.
void BM_ImportIcalWithUnreadableLines(benchmark::State& state) {
  const std::string text = ijlas::read_file(std::string(IJLAS_TEST_DATA_DIR) +
                                            "/fuzz/regressions/ical/ical-slow-xlicerror.ics")
                               .bytes;
  for (auto _ : state) {
    const auto result = ijlas::agenda::load_agenda_bytes("slow.ics", text);
    if (!result.ok()) state.SkipWithError("the calendar did not load");
    benchmark::DoNotOptimize(result.agenda.get());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ImportIcalWithUnreadableLines)->Unit(benchmark::kMillisecond);

// One event with N lines libical cannot read: the cost must grow as N, not N × properties.
void BM_IcalUnreadableLinesInOneEvent(benchmark::State& state) {
  std::string text =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ijlas//bench//EN\r\nBEGIN:VEVENT\r\n"
      "UID:x\r\nDTSTART:20251126T093000Z\r\nDTEND:20251126T103000Z\r\nLOCATION:Hall\r\n";
  for (std::int64_t i = 0; i < state.range(0); ++i)
    text += "line " + std::to_string(i) + " of an abstract that lost its fold\r\n";
  text += "SUMMARY:Talk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  for (auto _ : state) {
    const auto result = ijlas::agenda::load_agenda_bytes("lines.ics", text);
    if (!result.ok()) state.SkipWithError("the calendar did not load");
    benchmark::DoNotOptimize(result.agenda.get());
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_IcalUnreadableLinesInOneEvent)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 1 << 16)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

// N events in one line of XML with prefixed elements: an element's position is found by its
// index among the start tags, so the cost grows as N (a search for "<name" grew as N²).
void BM_FrabXmlPrefixedEventsOnOneLine(benchmark::State& state) {
  std::string text =
      "<schedule xmlns:p=\"urn:p\"><conference><title>x</title><time_zone_name>UTC"
      "</time_zone_name></conference><day index=\"1\" date=\"2025-11-26\"><room name=\"Hall\">";
  for (std::int64_t i = 0; i < state.range(0); ++i) {
    text += "<event id=\"" + std::to_string(i) +
            "\"><date>2025-11-26T09:00:00+00:00</date><p:duration>00:01</p:duration>"
            "<p:note>n</p:note><room>Hall</room><title>t</title></event>";
  }
  text += "</room></day></schedule>";
  for (auto _ : state) {
    const auto result = ijlas::agenda::load_agenda_bytes("one-line.xml", text);
    if (!result.ok()) state.SkipWithError("the schedule did not load");
    benchmark::DoNotOptimize(result.agenda.get());
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_FrabXmlPrefixedEventsOnOneLine)
    ->RangeMultiplier(4)
    ->Range(1 << 8, 1 << 12)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

// The native round trip of the same conference: what a reload of a converted file costs.
void BM_ImportFosdem2025Native(benchmark::State& state) {
  const std::string xml = read_schedule("fosdem-2025-schedule.xml");
  const auto loaded = ijlas::agenda::load_agenda_bytes("fosdem.xml", xml);
  if (!loaded.ok()) {
    state.SkipWithError("the schedule did not load");
    return;
  }
  const std::string native = ijlas::agenda::write_native_json(*loaded.agenda);
  for (auto _ : state) {
    const auto result = ijlas::agenda::load_agenda_bytes("fosdem.json", native);
    benchmark::DoNotOptimize(result.agenda.get());
  }
}
BENCHMARK(BM_ImportFosdem2025Native)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
