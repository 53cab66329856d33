// No crash loop: what the kiosk is reading or showing for the first time (a file from the drop
// folder, the stored last good agenda) is written down in the state folder (`handling`) before
// it starts and cleared once it is done. A kiosk that died or was killed by the watchdog
// meanwhile finds the record at its next start and moves that input into the quarantine folder
// (beside the drop folder), with a reason file saying what, when and why, instead of reading it
// again and again. Inputs the reader refused for crashing or running out of time or memory are
// moved there too.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ijlas::live {

struct SetAside {
  std::filesystem::path input;     // where it was
  std::filesystem::path moved_to;  // where it is now (empty when it was gone already)
  std::string why;
};

class InputQuarantine {
 public:
  // `record` names the record file: one for each kind of input handled at the same time
  // (agenda files; speaker photos).
  InputQuarantine(std::filesystem::path state_dir, std::filesystem::path quarantine_dir,
                  std::string record = "handling");

  const std::filesystem::path& folder() const { return quarantine_dir_; }
  std::filesystem::path record_path() const { return state_dir_ / record_; }

  // Records that `input` is being handled; false when the record cannot be written.
  bool begin(const std::filesystem::path& input);
  void end();
  // At start: the input a dead kiosk left recorded, moved aside; empty when there was none.
  std::optional<SetAside> recover();
  // Moves `input` aside now, with `why` in its reason file.
  SetAside set_aside(const std::filesystem::path& input, const std::string& why);

 private:
  std::filesystem::path state_dir_;
  std::filesystem::path quarantine_dir_;
  std::string record_;
};

}  // namespace ijlas::live
