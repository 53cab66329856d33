#include "app/agenda_delivery.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <limits>

#include <chrono>
#include "live/live_document.hpp"

namespace ijlas::app {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kTickMs = 1000;  // timed content and sources are looked at this often
constexpr int kLoggedDiagnostics = 10;

std::ostream& log() {
  return std::cerr << "ijlas: ";
}

std::vector<ui::Announcement> for_the_screen(const std::vector<live::Announcement>& shown) {
  std::vector<ui::Announcement> result;
  result.reserve(shown.size());
  for (const live::Announcement& announcement : shown)
    result.push_back({announcement.text, announcement.high_priority, announcement.id});
  return result;
}

void log_diagnostics(const DiagnosticList& diagnostics) {
  int logged = 0;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    if (logged++ == kLoggedDiagnostics) {
      std::cerr << "  … and " << diagnostics.items().size() - kLoggedDiagnostics << " more\n";
      break;
    }
    std::cerr << "  " << format_diagnostic(diagnostic) << "\n";
  }
}

// A file's name without its folder; a URL's last path segment.
std::string short_name(const std::string& name) {
  const std::string file = fs::path(name).filename().string();
  return file.empty() ? name : file;
}

}  // namespace

std::string notice_text(const Diagnostic& diagnostic) {
  std::string text = short_name(diagnostic.position.file);
  if (diagnostic.position.line > 0) {
    text += ":" + std::to_string(diagnostic.position.line);
    if (diagnostic.position.column > 0) text += ":" + std::to_string(diagnostic.position.column);
  }
  text += ": " + diagnostic.message;
  if (text.size() <= kNoticeBytes) return text;
  std::size_t cut = kNoticeBytes - 3;  // room for the ellipsis
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // not inside a UTF-8 sequence
  return text.substr(0, cut) + "…";
}

AgendaDelivery::AgendaDelivery(KioskSetup& setup, const Configuration& settings)
    : setup_(setup), settings_(settings), base_(setup.load.agenda), shown_(base_) {
  next_live_change_ = live::Timestamp{kNever};
  if (!settings_.state_dir.empty()) {
    std::error_code failed;
    fs::create_directories(settings_.state_dir, failed);
    if (failed || ::access(settings_.state_dir.c_str(), W_OK) != 0) {
      log() << "cannot use the state folder " << settings_.state_dir << " ("
            << (failed ? failed.message() : "not writable")
            << "): accepted agendas are shown but not kept\n";
    } else {
      store_ = std::make_unique<live::LastGoodStore>(settings_.state_dir);
      if (fs::exists(store_->current_path(), failed)) {
        const auto written = fs::last_write_time(store_->current_path(), failed);
        if (!failed) {
          stored_mtime_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::file_clock::to_sys(written).time_since_epoch())
                                 .count();
        }
      }
    }
  }
  if (!settings_.inbox.empty()) {
    inbox_ = std::make_unique<live::InboxWatcher>(settings_.inbox);
    if (!inbox_->ok()) {
      log() << inbox_->error() << ": carrying on without the inbox\n";
      inbox_.reset();
    } else {
      log() << "watching the inbox " << settings_.inbox << "\n";
    }
  }
  if (!settings_.url.empty()) {
    live::FetchOptions options;
    options.url = settings_.url;
    options.interval_ms = settings_.poll_seconds * 1000LL;
    options.timeout_ms = settings_.timeout_seconds * 1000LL;
    fetcher_ = std::make_unique<live::ScheduleFetcher>(options);
    log() << "fetching " << settings_.url << " every " << settings_.poll_seconds << " s\n";
  }
  log() << "showing " << setup_.agenda_path << "\n";
}

bool AgendaDelivery::poll(std::int64_t monotonic_ms) {
  monotonic_ms_ = monotonic_ms;
  if (inbox_) {
    for (live::InboxChange& change : inbox_->poll(monotonic_ms)) {
      const std::string name = change.path.string();
      if (change.kind == live::InboxChange::Kind::kRemoved) {
        remove_source(name);
        continue;
      }
      if (!change.error.empty()) {
        DiagnosticList diagnostics;
        diagnostics.error({name, 0, 0}, change.error);
        reject("file", diagnostics);
        continue;
      }
      // An agenda file left in the inbox from before the last good one was stored was seen then.
      if (change.present_at_start && stored_mtime_ns_ > 0 && change.mtime_ns <= stored_mtime_ns_ &&
          live::classify_document(change.bytes) == live::DocumentKind::kAgenda) {
        log() << name << ": older than the last good agenda, left as it is\n";
        continue;
      }
      receive(name, change.bytes);
    }
  }
  if (fetcher_) {
    if (const auto result = fetcher_->poll(monotonic_ms)) {
      switch (result->kind) {
        case live::FetchResult::Kind::kChanged:
          receive(settings_.url, result->body);
          break;
        case live::FetchResult::Kind::kNotModified:
          break;
        case live::FetchResult::Kind::kFailed:
          log() << settings_.url << ": " << result->error << " (attempt "
                << fetcher_->consecutive_failures() << "; the shown agenda stays)\n";
          break;
      }
    }
  }
  refresh_live_content(false);
  if (!notice_.empty() && monotonic_ms >= notice_until_ms_) set_notice({});
  return push_to_ui();
}

std::int64_t AgendaDelivery::next_wakeup_ms() const {
  std::int64_t next = kNever;
  if (inbox_) next = std::min(next, inbox_->next_wakeup_ms());
  if (fetcher_) next = std::min(next, fetcher_->next_wakeup_ms());
  if (!notice_.empty()) next = std::min(next, notice_until_ms_);
  const bool timed = inbox_ || fetcher_ || !overrides_.empty() || !announcements_.empty();
  if (timed) next = std::min(next, monotonic_ms_ + kTickMs);
  return next;
}

std::string AgendaDelivery::status() const {
  std::string text = "showing " + short_name(setup_.agenda_path);
  if (base_) text += " (" + std::to_string(base_->sessions().size()) + " sessions)";
  if (!shown_announcements_.empty())
    text += ", " + std::to_string(shown_announcements_.size()) + " announcements";
  if (!notice_.empty()) text += "; notice: " + notice_;
  return text;
}

void AgendaDelivery::receive(const std::string& name, std::string_view bytes) {
  const live::Timestamp now = setup_.clock->now();
  switch (live::classify_document(bytes)) {
    case live::DocumentKind::kAgenda: {
      agenda::LoadResult result = agenda::load_agenda_bytes(name, bytes);
      if (!result.ok()) {
        reject("agenda", result.diagnostics);
        return;
      }
      accept_agenda(name, std::move(result));
      return;
    }
    case live::DocumentKind::kAnnouncements: {
      live::AnnouncementsParse parsed =
          live::parse_announcements(name, bytes, now, setup_.venue->zone());
      if (parsed.diagnostics.has_errors()) {
        reject("announcements", parsed.diagnostics);
        return;
      }
      log() << name << ": " << parsed.announcements.size() << " announcements accepted\n";
      log_diagnostics(parsed.diagnostics);
      announcements_[name] = std::move(parsed.announcements);
      set_notice({});
      refresh_live_content(true);
      return;
    }
    case live::DocumentKind::kOverrides: {
      live::OverridesParse parsed =
          live::parse_session_overrides(name, bytes, setup_.venue->zone());
      if (parsed.diagnostics.has_errors()) {
        reject("overrides", parsed.diagnostics);
        return;
      }
      log() << name << ": " << parsed.overrides.size() << " session overrides accepted\n";
      log_diagnostics(parsed.diagnostics);
      overrides_[name] = std::move(parsed.overrides);
      set_notice({});
      refresh_live_content(true);
      return;
    }
  }
}

void AgendaDelivery::reject(const std::string& what, const DiagnosticList& diagnostics) {
  const Diagnostic* first = nullptr;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    if (diagnostic.severity == Severity::kError && first == nullptr) first = &diagnostic;
  }
  if (first == nullptr) return;
  log() << first->position.file << ": " << what << " rejected; the shown agenda stays\n";
  log_diagnostics(diagnostics);
  set_notice("Not used: " + notice_text(*first));
}

void AgendaDelivery::accept_agenda(const std::string& name, agenda::LoadResult result) {
  const bool same = base_ && *result.agenda == *base_;
  log() << name << ": agenda "
        << (result.format ? std::string(agenda::format_name(*result.format)) : "") << " with "
        << result.agenda->sessions().size() << " sessions "
        << (same ? "accepted (the same as shown)" : "accepted") << "\n";
  log_diagnostics(result.diagnostics);
  setup_.agenda_path = name;
  set_notice({});
  if (same) {
    setup_.load = std::move(result);
    return;
  }
  base_ = result.agenda;
  setup_.load = std::move(result);
  if (store_) {
    std::string error;
    if (!store_->save(*base_, error))
      log() << "the last good agenda was not kept: " << error << "\n";
  }
  refresh_live_content(true);
}

void AgendaDelivery::remove_source(const std::string& name) {
  const bool had = overrides_.erase(name) + announcements_.erase(name) > 0;
  if (!had) return;
  log() << name << ": removed, and what it said with it\n";
  refresh_live_content(true);
}

void AgendaDelivery::refresh_live_content(bool force) {
  const live::Timestamp now = setup_.clock->now();
  if (!force && now < next_live_change_) return;
  std::vector<live::SessionOverride> overrides;
  for (const auto& [source, entries] : overrides_)
    overrides.insert(overrides.end(), entries.begin(), entries.end());
  live::OverriddenAgenda applied = live::apply_session_overrides(base_, overrides, now);
  if (applied.agenda != shown_) {
    shown_ = applied.agenda;
    agenda_dirty_ = true;
  }
  if (force && !applied.diagnostics.items().empty()) {
    log() << "session overrides that do not apply:\n";
    log_diagnostics(applied.diagnostics);
    set_notice(notice_text(applied.diagnostics.items().front()));
  }
  std::vector<live::Announcement> announcements;
  for (const auto& [source, entries] : announcements_)
    announcements.insert(announcements.end(), entries.begin(), entries.end());
  std::vector<live::Announcement> active = live::active_announcements(announcements, now);
  if (active != shown_announcements_) {
    shown_announcements_ = std::move(active);
    announcements_dirty_ = true;
  }
  next_live_change_ =
      std::min(applied.next_change, live::next_announcement_change(announcements, now));
}

void AgendaDelivery::set_notice(std::string text) {
  if (!text.empty()) notice_until_ms_ = monotonic_ms_ + settings_.notice_seconds * 1000LL;
  if (text == notice_) return;
  notice_ = std::move(text);
  notice_dirty_ = true;
}

bool AgendaDelivery::push_to_ui() {
  bool replaced = false;
  if (agenda_dirty_) replaced = setup_.show_agenda(shown_);
  if (announcements_dirty_ || replaced)
    setup_.ui->set_announcements(for_the_screen(shown_announcements_));
  if (notice_dirty_ || replaced) setup_.ui->set_notice(notice_);
  const bool changed = agenda_dirty_ || announcements_dirty_ || notice_dirty_;
  agenda_dirty_ = announcements_dirty_ = notice_dirty_ = false;
  return changed;
}

}  // namespace ijlas::app
