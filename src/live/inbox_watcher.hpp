// The drop folder (by default /var/lib/ijlas/inbox): files copied into it are handed over once
// they have stopped changing, each version once. Uses inotify without ever blocking: the loop
// polls fd() (or simply calls poll() on its wake-ups) and gets whole files back.
//
// A file is ready when its size and modification time have stayed the same for `settle_ms` and
// no write, close or rename into the folder touched it meanwhile; a file renamed into place from
// a dot file of the folder itself (how careful tools and the venue link drop one) is ready at
// once, as it was written whole before the rename. Names starting with "." (the
// temporary files of copy tools) and folders are ignored. Files are opened with O_NOFOLLOW and
// checked on the descriptor (live/untrusted_file.hpp): a symbolic link, FIFO, device or hard link
// to another owner's file is handed over as an error, unread. A folder that is deleted (or
// renamed away) hands its files over as removed, and is watched again once it is back.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ijlas::live {

struct InboxChange {
  enum class Kind { kReady, kRemoved };
  Kind kind = Kind::kReady;
  std::filesystem::path path;
  std::string bytes;              // kReady: the whole file
  std::string error;              // kReady: set when the file could not be read (bytes empty)
  std::int64_t mtime_ns = 0;      // kReady: its modification time (ns since 1970)
  bool present_at_start = false;  // kReady: already in the folder when watching began
};

class InboxWatcher {
 public:
  static constexpr std::int64_t kDefaultSettleMs = 1000;

  // Creates the folder when it is missing. On failure ok() is false and error() says why;
  // poll() then returns nothing.
  explicit InboxWatcher(std::filesystem::path folder, std::int64_t settle_ms = kDefaultSettleMs);
  ~InboxWatcher();
  InboxWatcher(const InboxWatcher&) = delete;
  InboxWatcher& operator=(const InboxWatcher&) = delete;

  bool ok() const { return fd_ >= 0; }
  bool watching() const { return watch_ >= 0; }  // false while the folder is gone
  const std::string& error() const { return error_; }
  const std::filesystem::path& folder() const { return folder_; }
  int fd() const { return fd_; }  // readable when the folder changed

  // Reads the pending events and returns the files that became ready or were removed, the
  // files present at the start first (oldest first, so that the newest agenda wins).
  std::vector<InboxChange> poll(std::int64_t monotonic_ms);
  // When poll() should run again for a file that is settling (INT64_MAX: only on events).
  std::int64_t next_wakeup_ms() const;

 private:
  struct Signature {
    std::int64_t size = -1;
    std::int64_t mtime_ns = 0;
    friend bool operator==(const Signature&, const Signature&) = default;
  };
  struct Pending {
    Signature seen;
    std::int64_t changed_ms = 0;
    bool present_at_start = false;
  };

  void scan(std::int64_t monotonic_ms, bool at_start);
  void touched(const std::string& name, std::int64_t monotonic_ms);
  bool add_watch();

  std::filesystem::path folder_;
  std::int64_t settle_ms_;
  int fd_ = -1;
  int watch_ = -1;
  std::int64_t last_look_ms_ = 0;  // when a gone folder was last looked for
  std::string error_;
  bool started_ = false;
  std::int64_t last_poll_ms_ = 0;
  std::uint32_t dot_file_move_ = 0;  // the inotify cookie of the last dot file renamed away
  std::map<std::string, Pending> pending_;
  std::map<std::string, Signature> handed_over_;  // the version of each file already returned
};

}  // namespace ijlas::live
