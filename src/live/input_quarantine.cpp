#include "live/input_quarantine.hpp"

#include <ctime>
#include <fstream>
#include <sstream>

#include "core/write_file.hpp"

namespace ijlas::live {
namespace {

namespace fs = std::filesystem;

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  ::gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

// `name` in `folder`, or name-2, name-3… when that is taken (the extension kept).
fs::path free_name(const fs::path& folder, const fs::path& name) {
  fs::path candidate = folder / name;
  std::error_code ignored;
  for (int n = 2; fs::exists(candidate, ignored) || fs::is_symlink(candidate, ignored); ++n) {
    candidate =
        folder / (name.stem().string() + "-" + std::to_string(n) + name.extension().string());
  }
  return candidate;
}

}  // namespace

InputQuarantine::InputQuarantine(fs::path state_dir, fs::path quarantine_dir, std::string record)
    : state_dir_(std::move(state_dir)),
      quarantine_dir_(std::move(quarantine_dir)),
      record_(std::move(record)) {}

bool InputQuarantine::begin(const fs::path& input) {
  std::error_code failed;
  fs::create_directories(state_dir_, failed);
  return write_whole_file(record_path(), input.string() + "\n" + utc_now() + "\n").empty();
}

void InputQuarantine::end() {
  std::error_code ignored;
  fs::remove(record_path(), ignored);
}

std::optional<SetAside> InputQuarantine::recover() {
  std::ifstream in(record_path(), std::ios::binary);
  if (!in) return std::nullopt;
  std::string input, since;
  std::getline(in, input);
  std::getline(in, since);
  in.close();
  end();
  if (input.empty()) return std::nullopt;
  return set_aside(input,
                   "the kiosk stopped (it crashed, or the watchdog ended it) while reading "
                   "or first showing it, at " +
                       since + "; it is not read again");
}

SetAside InputQuarantine::set_aside(const fs::path& input, const std::string& why) {
  SetAside aside{input, {}, why};
  std::error_code failed;
  if (!fs::exists(fs::symlink_status(input, failed))) return aside;
  fs::create_directories(quarantine_dir_, failed);
  const fs::path target = free_name(quarantine_dir_, input.filename());
  fs::rename(input, target, failed);
  if (failed) {  // another file system: copied, then removed
    failed.clear();
    fs::copy_file(input, target, failed);
    if (!failed) fs::remove(input, failed);
  }
  if (failed) {
    aside.why += " (it could not be moved: " + failed.message() + ")";
    return aside;
  }
  aside.moved_to = target;
  std::ofstream reason(target.string() + ".reason.txt", std::ios::binary | std::ios::trunc);
  reason << "What: " << input.string() << "\n"
         << "When: " << utc_now() << "\n"
         << "Why: " << why << "\n"
         << "The kiosk shows the agenda it had before. To use this file, correct it and copy it\n"
         << "to the drop folder again (a new name or time is enough to have it read once more).\n";
  return aside;
}

}  // namespace ijlas::live
