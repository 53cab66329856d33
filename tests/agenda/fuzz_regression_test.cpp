// Every input that ever failed a fuzzer (a crash, a stall, too much memory) is kept under
// tests/fuzz/regressions/<format>/ and read again here through its loader, in a child process
// with the fuzzers' own limits: CPU seconds per input and, outside the sanitizers (whose shadow
// memory an address-space limit would refuse), memory. A loader that went quadratic again is
// stopped by the limit and fails the test; the same input in a linear loader takes milliseconds.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "agenda/agenda_loader.hpp"
#include "live/sandboxed_parse.hpp"  // kReaderMemoryLimited: the one sanitizer check

namespace ijlas::agenda {
namespace {

namespace fs = std::filesystem;

struct Regression {
  fs::path file;
  AgendaFormat format;
};

std::vector<Regression> regressions() {
  std::vector<Regression> found;
  const fs::path root = fs::path(IJLAS_TEST_DATA_DIR) / "fuzz/regressions";
  for (const auto& folder : fs::directory_iterator(root)) {
    const auto format = format_named(folder.path().filename().string());
    EXPECT_TRUE(format) << folder.path() << " is not named after a format (ijlas-agenda info)";
    if (!format) continue;
    for (const auto& entry : fs::directory_iterator(folder.path()))
      found.push_back({entry.path(), *format});
  }
  return found;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// How the child ended: "" when it loaded the file and exited cleanly, else what stopped it.
std::string load_within_limits(const Regression& regression) {
  const std::string bytes = read_bytes(regression.file);
  const pid_t child = ::fork();
  if (child == 0) {
    const rlim_t seconds = IJLAS_FUZZ_SECONDS_PER_INPUT;
    const rlimit cpu{seconds, seconds + 1};
    ::setrlimit(RLIMIT_CPU, &cpu);
    if (live::kReaderMemoryLimited) {  // the sanitizers' shadow memory would not fit
      const rlim_t bytes_limit = rlim_t{IJLAS_FUZZ_MEMORY_MB} << 20;
      const rlimit memory{bytes_limit, bytes_limit};
      ::setrlimit(RLIMIT_AS, &memory);
    }
    const LoadResult result =
        load_agenda_bytes(regression.file.filename().string(), bytes, regression.format);
    ::_exit(result.ok() == (result.agenda != nullptr) ? 0 : 3);
  }
  int status = 0;
  if (child < 0 || ::waitpid(child, &status, 0) != child) return "could not run a child process";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
    return "took more than " + std::to_string(IJLAS_FUZZ_SECONDS_PER_INPUT) + " s of CPU";
  if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status));
  return "exited with " + std::to_string(WEXITSTATUS(status)) +
         " (3: a result without an agenda, or an agenda with errors; else out of memory)";
}

TEST(FuzzRegressions, EveryInputThatEverFailedLoadsWithinTheFuzzersLimits) {
  const std::vector<Regression> cases = regressions();
  ASSERT_FALSE(cases.empty()) << "no regression inputs under tests/fuzz/regressions";
  for (const Regression& regression : cases)
    EXPECT_EQ(load_within_limits(regression), "") << regression.file;
}

}  // namespace
}  // namespace ijlas::agenda
