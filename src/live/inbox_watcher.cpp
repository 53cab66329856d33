#include "live/inbox_watcher.hpp"

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "agenda/load_result.hpp"
#include "live/untrusted_file.hpp"

namespace ijlas::live {
namespace {

constexpr std::uint32_t kWatchedEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MODIFY | IN_CREATE |
                                         IN_ATTRIB | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF |
                                         IN_MOVE_SELF;
constexpr std::int64_t kLookAgainMs = 1000;  // for a folder that went away

bool ignored_name(const std::string& name) {
  return name.empty() || name.front() == '.';
}

// The size and modification time of what is at `path`, not following a symbolic link; false
// when nothing is there. `kind` says why it is not read when it is not a regular file.
bool stat_entry(const std::filesystem::path& path, std::int64_t& size, std::int64_t& mtime_ns,
                std::string& kind) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return false;
  size = info.st_size;
  mtime_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  kind.clear();
  if (S_ISLNK(info.st_mode))
    kind = "is a symbolic link: copy the file itself, not a link to it";
  else if (S_ISDIR(info.st_mode))
    kind = "folder";
  else if (!S_ISREG(info.st_mode))
    kind = "is not a regular file (a FIFO, socket or device): refused unread";
  return true;
}

}  // namespace

InboxWatcher::InboxWatcher(std::filesystem::path folder, std::int64_t settle_ms)
    : folder_(std::move(folder)), settle_ms_(settle_ms) {
  std::error_code failed;
  std::filesystem::create_directories(folder_, failed);
  if (failed) {
    error_ = "cannot make the inbox " + folder_.string() + ": " + failed.message();
    return;
  }
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::string("cannot watch the inbox: ") + std::strerror(errno);
    return;
  }
  if (!add_watch()) {
    error_ = "cannot watch the inbox " + folder_.string() + ": " + std::strerror(errno);
    ::close(fd_);
    fd_ = -1;
  }
}

bool InboxWatcher::add_watch() {
  watch_ = ::inotify_add_watch(fd_, folder_.c_str(), kWatchedEvents | IN_ONLYDIR);
  return watch_ >= 0;
}

InboxWatcher::~InboxWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

void InboxWatcher::touched(const std::string& name, std::int64_t monotonic_ms) {
  if (ignored_name(name)) return;
  Pending& pending = pending_[name];
  pending.changed_ms = monotonic_ms;
  pending.seen = {};
}

void InboxWatcher::scan(std::int64_t monotonic_ms, bool at_start) {
  std::error_code failed;
  for (const auto& entry : std::filesystem::directory_iterator(folder_, failed)) {
    const std::string name = entry.path().filename().string();
    if (ignored_name(name)) continue;
    touched(name, at_start ? monotonic_ms - settle_ms_ : monotonic_ms);
    pending_[name].present_at_start = at_start;
  }
}

std::vector<InboxChange> InboxWatcher::poll(std::int64_t monotonic_ms) {
  std::vector<InboxChange> changes;
  if (fd_ < 0) return changes;
  last_poll_ms_ = monotonic_ms;
  if (!started_) {
    started_ = true;
    scan(monotonic_ms, true);
  }
  alignas(inotify_event) char buffer[16 * 1024];
  for (;;) {
    const ssize_t length = ::read(fd_, buffer, sizeof buffer);
    if (length <= 0) break;  // EAGAIN: nothing more
    for (ssize_t offset = 0; offset < length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
      offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {
        scan(monotonic_ms, false);
        continue;
      }
      if (event->wd == watch_ && (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED))) {
        // The folder was deleted or renamed: looked for again every second, and watched anew
        // when it is back.
        if (watch_ >= 0 && !(event->mask & IN_IGNORED)) ::inotify_rm_watch(fd_, watch_);
        watch_ = -1;
        pending_.clear();
        for (const auto& [name, signature] : handed_over_)
          changes.push_back({InboxChange::Kind::kRemoved, folder_ / name, {}, {}, 0, false});
        handed_over_.clear();
        continue;
      }
      if (event->len == 0 || (event->mask & IN_ISDIR)) continue;
      const std::string name(event->name);
      if (ignored_name(name)) {
        if (event->mask & IN_MOVED_FROM) dot_file_move_ = event->cookie;
        continue;
      }
      if ((event->mask & IN_MOVED_TO) && event->cookie != 0 && event->cookie == dot_file_move_) {
        // Renamed from a dot file of this folder: written whole there, so ready at once.
        touched(name, monotonic_ms - settle_ms_);
        continue;
      }
      if (event->mask & (IN_DELETE | IN_MOVED_FROM)) {
        pending_.erase(name);
        if (handed_over_.erase(name) > 0) {
          changes.push_back({InboxChange::Kind::kRemoved, folder_ / name, {}, {}, 0, false});
        }
        continue;
      }
      touched(name, monotonic_ms);
    }
  }

  if (watch_ < 0 && monotonic_ms - last_look_ms_ >= kLookAgainMs) {
    last_look_ms_ = monotonic_ms;
    if (add_watch()) scan(monotonic_ms, false);
  }

  std::vector<InboxChange> ready;
  for (auto it = pending_.begin(); it != pending_.end();) {
    const std::filesystem::path path = folder_ / it->first;
    Pending& pending = it->second;
    Signature now;
    std::string refused;
    if (!stat_entry(path, now.size, now.mtime_ns, refused) || refused == "folder") {
      it = pending_.erase(it);  // gone again, or a folder
      continue;
    }
    if (now != pending.seen) {
      if (pending.seen.size >= 0) pending.changed_ms = monotonic_ms;  // still being written
      pending.seen = now;
    }
    if (monotonic_ms - pending.changed_ms < settle_ms_) {
      ++it;
      continue;
    }
    const auto handed = handed_over_.find(it->first);
    if (handed != handed_over_.end() && handed->second == now) {
      it = pending_.erase(it);  // touched, but the same version as before
      continue;
    }
    InboxChange change;
    change.path = path;
    change.mtime_ns = now.mtime_ns;
    change.present_at_start = pending.present_at_start;
    if (!refused.empty()) {
      change.error = refused;
    } else {
      UntrustedFile file = read_untrusted_file(path, agenda::kMaxAgendaFileBytes);
      Signature after;
      std::string kind;
      if (file.error.empty() && (!stat_entry(path, after.size, after.mtime_ns, kind) ||
                                 after != now || file.size != now.size)) {
        pending.seen = after;  // it changed while being read: wait again
        pending.changed_ms = monotonic_ms;
        ++it;
        continue;
      }
      change.error = std::move(file.error);
      change.bytes = std::move(file.bytes);
    }
    handed_over_[it->first] = now;
    ready.push_back(std::move(change));
    it = pending_.erase(it);
  }
  std::stable_sort(ready.begin(), ready.end(), [](const InboxChange& a, const InboxChange& b) {
    if (a.present_at_start != b.present_at_start) return a.present_at_start;
    return a.mtime_ns < b.mtime_ns;
  });
  for (InboxChange& change : ready)
    changes.push_back(std::move(change));
  return changes;
}

std::int64_t InboxWatcher::next_wakeup_ms() const {
  std::int64_t next = std::numeric_limits<std::int64_t>::max();
  if (fd_ >= 0 && !started_) return 0;
  if (fd_ >= 0 && watch_ < 0) next = last_look_ms_ + kLookAgainMs;
  for (const auto& [name, pending] : pending_) {
    // Settling files are looked at again every quarter of the settle time too, so that a size
    // change without an event (a network file system) still resets the timer.
    next = std::min({next, pending.changed_ms + settle_ms_, last_poll_ms_ + settle_ms_ / 4 + 1});
  }
  return next;
}

}  // namespace ijlas::live
