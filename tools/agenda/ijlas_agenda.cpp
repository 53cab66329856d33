// ijlas-agenda: what an organizer runs on an agenda file before it goes on a screen.
//   ijlas-agenda check FILE                       errors and warnings; exit 0 clean, 1 errors,
//                                                 2 unreadable
//   ijlas-agenda info FILE [--json]               format, zone and counts
//   ijlas-agenda convert FILE --to json [-o OUT]  the native format (to stdout without -o)
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "agenda/agenda_loader.hpp"
#include "agenda/native_json_writer.hpp"
#include "core/json_value.hpp"

namespace {

using namespace ijlas;
using namespace ijlas::agenda;

constexpr int kExitClean = 0;
constexpr int kExitErrors = 1;
constexpr int kExitUnreadable = 2;

int usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "ijlas-agenda: " << problem << "\n";
  std::cerr << "usage: ijlas-agenda check FILE\n"
               "       ijlas-agenda info FILE [--json]\n"
               "       ijlas-agenda convert FILE --to json [-o OUT]\n";
  return kExitUnreadable;
}

void print_diagnostics(const LoadResult& result) {
  for (const Diagnostic& diagnostic : result.diagnostics.items()) {
    std::cerr << format_diagnostic(diagnostic) << "\n";
  }
}

int exit_code_of(const LoadResult& result) {
  if (result.status == LoadStatus::kUnreadable) return kExitUnreadable;
  return result.ok() ? kExitClean : kExitErrors;
}

int check(const std::string& file) {
  const LoadResult result = load_agenda_file(file);
  print_diagnostics(result);
  const int errors = result.diagnostics.error_count();
  const int warnings = result.diagnostics.warning_count();
  if (result.status != LoadStatus::kUnreadable) {
    std::cerr << file << ": " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning" : " warnings") << "\n";
  }
  return exit_code_of(result);
}

int info(const std::string& file, bool as_json) {
  const LoadResult result = load_agenda_file(file);
  if (!result.ok()) {
    print_diagnostics(result);
    return exit_code_of(result);
  }
  const Agenda& agenda = *result.agenda;
  const std::string format(format_name(*result.format));
  if (as_json) {
    std::cout << "{\"format\": " << json::quote(format)
              << ", \"time_zone\": " << json::quote(agenda.conference().time_zone)
              << ", \"days\": " << agenda.days().size() << ", \"rooms\": " << agenda.rooms().size()
              << ", \"sessions\": " << agenda.sessions().size()
              << ", \"speakers\": " << agenda.speakers().size()
              << ", \"events_in_file\": " << result.events_in_file
              << ", \"events_kept\": " << result.events_kept << "}\n";
  } else {
    const Conference& conference = agenda.conference();
    std::cout << "title:     " << conference.title.preferred() << "\n"
              << "format:    " << format << "\n"
              << "time zone: " << conference.time_zone << "\n"
              << "dates:     " << time::format_date(conference.start_date) << " – "
              << time::format_date(conference.end_date) << "\n"
              << "days:      " << agenda.days().size() << "\n"
              << "rooms:     " << agenda.rooms().size() << "\n"
              << "sessions:  " << agenda.sessions().size() << " (of " << result.events_in_file
              << " events in the file)\n"
              << "speakers:  " << agenda.speakers().size() << "\n"
              << "warnings:  " << result.diagnostics.warning_count() << "\n";
  }
  return kExitClean;
}

int convert(const std::string& file, const std::string& out) {
  const LoadResult result = load_agenda_file(file);
  print_diagnostics(result);
  if (!result.ok()) return exit_code_of(result);
  const std::string text = write_native_json(*result.agenda);
  if (out.empty() || out == "-") {
    std::cout << text;
    return kExitClean;
  }
  std::ofstream stream(out, std::ios::binary | std::ios::trunc);
  stream << text;
  stream.close();
  if (!stream) {
    std::cerr << "ijlas-agenda: cannot write " << out << "\n";
    return kExitUnreadable;
  }
  return kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 2) return usage(args.empty() ? "" : "no FILE given");
  const std::string& command = args[0];
  const std::string& file = args[1];
  if (command == "check") {
    if (args.size() != 2) return usage("check takes only FILE");
    return check(file);
  }
  if (command == "info") {
    if (args.size() == 2) return info(file, false);
    if (args.size() == 3 && args[2] == "--json") return info(file, true);
    return usage("info takes FILE and optionally --json");
  }
  if (command == "convert") {
    std::string to;
    std::string out;
    for (std::size_t i = 2; i < args.size(); ++i) {
      if ((args[i] == "--to" || args[i] == "-o") && i + 1 < args.size()) {
        (args[i] == "--to" ? to : out) = args[i + 1];
        ++i;
      } else {
        return usage("unexpected argument '" + args[i] + "'");
      }
    }
    if (to != "json") return usage("convert needs --to json");
    return convert(file, out);
  }
  return usage("unknown command '" + command + "'");
}
