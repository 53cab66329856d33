// ijlas-agenda: what an organizer runs on an agenda file before it goes on a screen.
//   ijlas-agenda check FILE                       errors and warnings; exit 0 clean, 1 errors,
//                                                 2 unreadable
//   ijlas-agenda info FILE [--json]               format, zone and counts (--json before or
//                                                 after FILE)
//   ijlas-agenda convert FILE --to json [-o OUT]  the native format (to stdout without -o)
// Each takes --time-zone ZONE: the venue's zone, as the time_zone key of ijlas.toml gives it to
// the kiosk (floating times are read in it).
#include <fstream>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "agenda/agenda_loader.hpp"
#include "agenda/native_json_writer.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"
#include "core/option_parser.hpp"

namespace {

using namespace ijlas;
using namespace ijlas::agenda;

constexpr int kExitClean = 0;
constexpr int kExitErrors = 1;
constexpr int kExitUnreadable = 2;

int usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "ijlas-agenda: " << problem << "\n";
  std::cerr << "usage: ijlas-agenda check FILE [--time-zone ZONE]\n"
               "       ijlas-agenda info FILE [--json] [--time-zone ZONE]\n"
               "       ijlas-agenda convert FILE --to json [-o OUT] [--time-zone ZONE]\n"
               "--time-zone: the venue's IANA zone (time_zone in ijlas.toml), e.g. Asia/Karachi\n";
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

int check(const std::string& file, const LoadOptions& options) {
  const LoadResult result = load_agenda_file(file, options);
  print_diagnostics(result);
  const int errors = result.diagnostics.error_count();
  const int warnings = result.diagnostics.warning_count();
  if (result.status != LoadStatus::kUnreadable) {
    std::cerr << file << ": " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning" : " warnings") << "\n";
  }
  return exit_code_of(result);
}

int info(const std::string& file, bool as_json, const LoadOptions& options) {
  const LoadResult result = load_agenda_file(file, options);
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

int convert(const std::string& file, const std::string& out, const LoadOptions& options) {
  const LoadResult result = load_agenda_file(file, options);
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

// What was asked for: a command, its FILE and its options.
struct Request {
  std::string command;
  std::string file;
  bool as_json = false;   // info --json
  std::string to;         // convert --to FORMAT
  std::string out;        // convert -o OUT
  std::string time_zone;  // --time-zone ZONE, any command
};

// FILE wherever it stands among the options; a second one is `problem`.
OptionAction file_operand(Request& request, std::string problem) {
  return [&request, problem = std::move(problem)](const std::string& word) {
    if (!request.file.empty() || word.starts_with("--")) return problem;
    request.file = word;
    return std::string();
  };
}

// The options each command takes; empty when the command is unknown.
std::optional<OptionTable> options_of(Request& request) {
  OptionTable table;
  if (request.command == "check") {
    table.other = file_operand(request, "check takes FILE and optionally --time-zone ZONE");
  } else if (request.command == "info") {
    table.options = {flag_option({"--json"}, request.as_json)};
    table.other = file_operand(request, "info takes FILE, optionally --json and --time-zone ZONE");
  } else if (request.command == "convert") {
    table.options = {text_option("--to", "unexpected argument " + quoted("--to"), request.to),
                     text_option("-o", "unexpected argument " + quoted("-o"), request.out)};
    table.other = [&request](const std::string& word) {
      if (!request.file.empty() || word.starts_with("-")) {
        return "unexpected argument " + quoted(word);
      }
      request.file = word;
      return std::string();
    };
  } else {
    return std::nullopt;
  }
  table.options.push_back(text_option(
      "--time-zone", "--time-zone needs a zone name, e.g. Asia/Karachi", request.time_zone));
  return table;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 2) return usage(args.empty() ? "" : "no FILE given");
  Request request;
  request.command = args[0];
  const std::optional<OptionTable> options = options_of(request);
  if (!options) return usage("unknown command " + quoted(args[0]));
  const std::span<const std::string> rest(args.begin() + 1, args.end());
  if (const std::string problem = parse_options(*options, rest).error; !problem.empty()) {
    return usage(problem);
  }
  if (request.file.empty()) return usage("no FILE given");
  if (!request.time_zone.empty() && !TimeZone::find(request.time_zone)) {
    return usage("unknown time zone " + ijlas::quoted(request.time_zone) +
                 ": give an IANA name such as Asia/Karachi or Europe/Berlin");
  }
  const LoadOptions load_options{request.time_zone};
  if (request.command == "check") return check(request.file, load_options);
  if (request.command == "info") return info(request.file, request.as_json, load_options);
  if (request.to != "json") return usage("convert needs --to json");
  return convert(request.file, request.out, load_options);
}
