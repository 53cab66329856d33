#include "app/agenda_delivery.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <limits>

#include "app/font_coverage.hpp"
#include "core/diagnostic.hpp"
#include "live/live_document.hpp"
#include "ui/venue_format.hpp"

namespace ijlas::app {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kTickMs = 1000;  // timed content and sources are looked at this often
constexpr int kLoggedDiagnostics = 10;
constexpr std::int64_t kSoonMs = 10;  // the next read starts after one more frame

std::int64_t wall_clock_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

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

// The venue broker's link, when [venue] names a broker; it delivers through the inbox.
std::unique_ptr<venue::VenueLink> open_venue_link(const Configuration& settings) {
  if (settings.venue_broker.empty()) return nullptr;
  venue::LinkOptions options;
  std::string error;
  options.broker = venue::parse_broker_url(settings.venue_broker, error).value_or(options.broker);
  options.venue = settings.venue_name;
  options.ca_file = settings.venue_ca_file;
  options.inbox = settings.inbox;
  options.program_version = IJLAS_VERSION;
  if (!settings.venue_credentials.empty())
    options.credentials = venue::read_credentials(settings.venue_credentials, error);
  // The broker's ACL lets a screen write the status of its own user name alone.
  options.screen_id = !settings.venue_screen_id.empty() ? settings.venue_screen_id
                      : options.credentials && venue::is_topic_name(options.credentials->user)
                          ? options.credentials->user
                          : venue::default_screen_id();
  if (settings.inbox.empty() || (!settings.venue_credentials.empty() && !options.credentials)) {
    log() << "venue: " << (settings.inbox.empty() ? "there is no inbox to deliver into" : error)
          << ": carrying on without the venue broker\n";
    return nullptr;
  }
  auto link = std::make_unique<venue::VenueLink>(std::move(options));
  if (!link->error().empty()) {
    log() << "venue: " << link->error() << ": carrying on without the venue broker\n";
    return nullptr;
  }
  return link;
}

}  // namespace

std::string quarantine_folder(const Configuration& settings) {
  const fs::path inbox = fs::path(settings.inbox).lexically_normal();
  if (!settings.inbox.empty()) {
    const fs::path beside = (inbox.has_filename() ? inbox : inbox.parent_path()).parent_path();
    return (beside / "quarantine").string();
  }
  return (fs::path(settings.state_dir) / "quarantine").string();
}

live::ReaderLimits reader_limits(const Configuration& settings) {
  live::ReaderLimits limits;
  limits.memory_mib = static_cast<std::size_t>(settings.reader_memory_mib);
  limits.cpu_seconds = settings.reader_seconds;
  limits.deadline_ms = settings.reader_seconds * 1000LL;
  return limits;
}

std::string notice_text(const Diagnostic& diagnostic) {
  return cut_for_notice(
      format_position(diagnostic.position, short_name(diagnostic.position.file())) + ": " +
      located_message(diagnostic));
}

std::string cut_for_notice(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit - 3;  // room for the ellipsis
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
      quarantine_ = std::make_unique<live::InputQuarantine>(settings_.state_dir,
                                                            quarantine_folder(settings_));
      record_end_in_ = 2;  // the stored agenda's record, once it has been drawn
      if (fs::exists(store_->current_path(), failed)) {
        const auto written = fs::last_write_time(store_->current_path(), failed);
        if (!failed) {
          shown_mtime_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(
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
  venue_ = open_venue_link(settings_);
  log() << "showing " << setup_.agenda_path << "\n";
  check_letters();
  check_shown_agenda();
}

AgendaDelivery::~AgendaDelivery() {
  // Stopped from outside (SIGTERM) while reading: the input is not to blame.
  if (reading_ && quarantine_) quarantine_->end();
}

bool AgendaDelivery::poll(std::int64_t monotonic_ms) {
  monotonic_ms_ = monotonic_ms;
  if (!notice_timed_) {
    notice_until_ms_ = monotonic_ms + settings_.notice_seconds * 1000LL;
    notice_timed_ = true;
  }
  if (record_end_in_ > 0 && --record_end_in_ == 0 && quarantine_) quarantine_->end();
  if (inbox_) {
    for (live::InboxChange& change : inbox_->poll(monotonic_ms)) {
      const std::string name = change.path.string();
      if (change.kind == live::InboxChange::Kind::kRemoved) {
        std::erase_if(waiting_, [&](const Input& input) { return input.name == name; });
        remove_source(name);
        continue;
      }
      if (!change.error.empty()) {
        DiagnosticList diagnostics;
        diagnostics.error({name, 0, 0}, change.error);
        reject("file", diagnostics);
        continue;
      }
      std::erase_if(waiting_, [&](const Input& input) { return input.name == name; });
      waiting_.push_back(
          {name, std::move(change.bytes), true, change.mtime_ns, change.present_at_start});
    }
    if (inbox_->watching() != inbox_watching_) {
      inbox_watching_ = inbox_->watching();
      log() << (inbox_watching_ ? "the inbox is back, watching it again: "
                                : "the inbox is gone; watching for it to come back: ")
            << settings_.inbox << "\n";
    }
  }
  if (fetcher_) {
    if (const auto result = fetcher_->poll(monotonic_ms)) {
      switch (result->kind) {
        case live::FetchResult::Kind::kChanged:
          waiting_.push_back({settings_.url, result->body, false, wall_clock_ns(), false});
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
  if (reading_ && reading_->finished()) finish_read();
  // The next input is read once the last one has been drawn (its record cleared).
  if (!reading_ && record_end_in_ == 0) start_next_read();
  refresh_live_content(live_changed_);
  live_changed_ = false;
  if (!notice_.empty() && monotonic_ms >= notice_until_ms_) set_notice({});
  if (venue_) {
    if (const auto assignment = venue_->take_assignment()) assign(*assignment);
    const bool ok = rejected_.items().empty();
    venue_->report({base_, setup_.agenda_path, ok ? setup_.load.diagnostics : rejected_, ok,
                    clock_trust_.first, clock_trust_.second},
                   monotonic_ms);
  }
  return push_to_ui();
}

void AgendaDelivery::answer_shot_request(const std::function<std::string()>& make_png) {
  if (!venue_) return;
  if (const auto request = venue_->take_shot_request()) {
    const std::string png = make_png();
    if (!png.empty()) venue_->send_thumbnail(png, *request);
  }
}

void AgendaDelivery::start_next_read() {
  if (waiting_.empty()) return;
  read_input_ = std::move(waiting_.front());
  waiting_.pop_front();
  if (quarantine_ && read_input_.from_inbox) quarantine_->begin(read_input_.name);
  live::ReadRequest request{read_input_.name, std::move(read_input_.bytes),
                            setup_.venue->zone().name(), setup_.clock->now(),
                            load_options_of(settings_).venue_zone};
  read_input_.bytes.clear();
  reading_ = std::make_unique<live::SandboxedParse>(live::reader_program(), std::move(request),
                                                    reader_limits(settings_));
}

void AgendaDelivery::finish_read() {
  live::ReadOutcome outcome = reading_->take();
  reading_.reset();
  record_end_in_ = 1;
  if (outcome.reader_failed && read_input_.from_inbox && quarantine_) {
    const std::string why = outcome.diagnostics.items().front().message;
    const live::SetAside aside = quarantine_->set_aside(read_input_.name, why);
    log() << read_input_.name << ": " << why << "; set aside in "
          << (aside.moved_to.empty() ? std::string("(nowhere)") : aside.moved_to.string()) << "\n";
  }
  const std::string name = read_input_.name;
  std::error_code ignored;
  if (read_input_.from_inbox && !outcome.reader_failed &&
      !fs::exists(fs::symlink_status(name, ignored))) {
    log() << name << ": removed while it was being read, so not used\n";
    return;
  }
  take(name, std::move(outcome));
}

void AgendaDelivery::take(const std::string& name, live::ReadOutcome outcome) {
  Input given;
  given.name = name;
  const Input& input = read_input_.name == name ? read_input_ : given;
  switch (outcome.kind) {
    case live::DocumentKind::kAgenda: {
      if (input.from_inbox && !outcome.reader_failed) inbox_agendas_.insert(name);
      if (!outcome.agenda.ok()) {
        reject("agenda", outcome.diagnostics);
        return;
      }
      // The drop-folder rule: an agenda file older than the one shown is not shown.
      const bool older =
          input.from_inbox && (input.mtime_ns < shown_mtime_ns_ ||
                               (input.mtime_ns == shown_mtime_ns_ && name < shown_inbox_name_));
      if (older && input.present_at_start) {
        log() << name << ": older than the last good agenda, left as it is\n";
        return;
      }
      if (older) {
        const std::string shown_name =
            shown_inbox_name_.empty() ? "the agenda shown" : short_name(shown_inbox_name_);
        log() << name << ": older than " << shown_name
              << ", which stays (the newest agenda file in the drop folder is shown)\n";
        set_notice("Not shown: " + short_name(name) + " is older than " + shown_name +
                   ", which stays; the newest agenda file is shown");
        return;
      }
      accept_agenda(input, std::move(outcome));
      return;
    }
    case live::DocumentKind::kAnnouncements: {
      if (outcome.diagnostics.has_errors()) {
        reject("announcements", outcome.diagnostics);
        return;
      }
      log() << name << ": " << outcome.announcements.size() << " announcements accepted\n";
      log_diagnostics(outcome.diagnostics);
      announcements_[name] = std::move(outcome.announcements);
      rejected_ = {};
      set_notice({});
      live_changed_ = true;
      return;
    }
    case live::DocumentKind::kOverrides: {
      if (outcome.diagnostics.has_errors()) {
        reject("overrides", outcome.diagnostics);
        return;
      }
      log() << name << ": " << outcome.overrides.size() << " session overrides accepted\n";
      log_diagnostics(outcome.diagnostics);
      overrides_[name] = std::move(outcome.overrides);
      rejected_ = {};
      set_notice({});
      live_changed_ = true;
      return;
    }
  }
}

std::int64_t AgendaDelivery::next_wakeup_ms() const {
  std::int64_t next = kNever;
  if (inbox_) next = std::min(next, inbox_->next_wakeup_ms());
  if (fetcher_) next = std::min(next, fetcher_->next_wakeup_ms());
  if (!notice_.empty()) next = std::min(next, notice_until_ms_);
  const bool timed = inbox_ || fetcher_ || !overrides_.empty() || !announcements_.empty();
  if (timed) next = std::min(next, monotonic_ms_ + kTickMs);
  // A reader is waited for with the loop's other descriptors where it can (reader_fd()), and
  // looked at often where it cannot (the SDL loop).
  if (reading_ || !waiting_.empty() || record_end_in_ > 0)
    next = std::min(next, monotonic_ms_ + kSoonMs);
  return next;
}

std::string AgendaDelivery::status() const {
  std::string text = "showing " + short_name(setup_.agenda_path);
  if (base_) text += " (" + std::to_string(base_->sessions().size()) + " sessions)";
  if (inbox_agendas_.size() > 1) {
    text += ", the newest of " + std::to_string(inbox_agendas_.size()) +
            " agenda files in the drop folder";
  }
  if (!shown_announcements_.empty())
    text += ", " + std::to_string(shown_announcements_.size()) + " announcements";
  if (reading_) text += "; reading " + short_name(reading_->name());
  if (!waiting_.empty()) text += ", " + std::to_string(waiting_.size()) + " files waiting";
  if (!notice_.empty()) text += "; notice: " + notice_;
  if (!lasting_notice_.empty()) text += "; " + lasting_notice_;
  if (!agenda_notice_.empty()) text += "; " + agenda_notice_;
  return text;
}

void AgendaDelivery::show_notice(std::string text) {
  log() << "notice: " << text << "\n";
  set_notice(std::move(text));
}

void AgendaDelivery::show_lasting_notice(std::string text) {
  log() << "notice: " << text << "\n";
  lasting_notice_ = std::move(text);
  notice_dirty_ = true;
}

void AgendaDelivery::reject(const std::string& what, const DiagnosticList& diagnostics) {
  const Diagnostic* first = nullptr;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    if (diagnostic.severity == Severity::kError && first == nullptr) first = &diagnostic;
  }
  if (first == nullptr) return;
  rejected_ = diagnostics;
  log() << first->position.file() << ": " << what << " rejected; the shown agenda stays\n";
  log_diagnostics(diagnostics);
  set_notice("Not used: " + notice_text(*first));
}

void AgendaDelivery::accept_agenda(const Input& input, live::ReadOutcome outcome) {
  const std::string& name = input.name;
  agenda::LoadResult result = std::move(outcome.agenda);
  const bool same = base_ && *result.agenda == *base_;
  log() << name << ": agenda " << outcome.format << " with " << result.agenda->sessions().size()
        << " sessions " << (same ? "accepted (the same as shown)" : "accepted") << "\n";
  log_diagnostics(result.diagnostics);
  setup_.agenda_path = name;
  if (input.from_inbox) {
    shown_mtime_ns_ = input.mtime_ns;
    shown_inbox_name_ = name;
    if (inbox_agendas_.size() > 1) {
      log() << name << ": the newest of " << inbox_agendas_.size()
            << " agenda files in the drop folder, so it is shown\n";
    }
  }
  rejected_ = {};
  set_notice({});
  if (same) {
    setup_.load = std::move(result);
    return;
  }
  // Much shorter than the agenda shown for the same conference: shown, with a warning.
  const std::size_t before = base_ ? base_->sessions().size() : 0;
  const std::size_t now = result.agenda->sessions().size();
  const bool shrunk = base_ && !base_->conference().is_sample &&
                      base_->conference().title == result.agenda->conference().title &&
                      now * 2 < before;
  base_ = result.agenda;
  check_letters();
  setup_.load = std::move(result);
  confirmation_ = {short_name(name), now};
  if (store_) {
    std::string error;
    if (!store_->save(*base_, error)) {
      log() << "the last good agenda was not kept: " << error << "\n";
      set_notice("Shown but not kept for the next start: " + error);
    }
  }
  if (shrunk) {
    const std::string warning = short_name(name) + " has " + std::to_string(now) +
                                " sessions; the agenda shown before had " + std::to_string(before) +
                                ": check that the file is complete";
    log() << "warning: " << warning << "\n";
    set_notice(warning);
  }
  live_changed_ = true;
}

void AgendaDelivery::assign(const venue::ScreenAssignment& assignment) {
  log() << "venue: this screen is assigned the room \"" << assignment.room << "\" in "
        << assignment.language << "\n";
  if (assignment.screen_off) {
    const live::ScreenScheduleParse hours = live::ScreenSchedule::parse(*assignment.screen_off);
    if (hours.schedule)
      assigned_screen_off_ = hours.schedule;
    else
      log() << "venue: screen_off not used: " << hours.error << "\n";
  }
  if (assignment.rotation) assigned_rotation_ = assignment.rotation;
  // A room this agenda lacks shows the whole venue until an agenda that has it arrives.
  setup_.requested_room = assignment.room;
  setup_.ui_options.room_id =
      shown_ && shown_->find_room(assignment.room) ? assignment.room : std::string();
  setup_.ui_options.language =
      assignment.language == "en" ? ui::Language::kEnglish : ui::Language::kUrdu;
  setup_.ui = std::make_unique<ui::KioskUi>(*setup_.typesetter, ui::venue_format(setup_.venue),
                                            setup_.ui_options);
  setup_.ui->set_rehearsal_clock(setup_.rehearsal_clock);
  setup_.ui->set_agenda(shown_);
  announcements_dirty_ = notice_dirty_ = true;
}

void AgendaDelivery::remove_source(const std::string& name) {
  inbox_agendas_.erase(name);
  const bool had = overrides_.erase(name) + announcements_.erase(name) > 0;
  if (!had) return;
  log() << name << ": removed, and what it said with it\n";
  live_changed_ = true;
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
  // Before the first poll the loop's clock is not known: the notice's time starts there.
  if (!text.empty()) notice_until_ms_ = monotonic_ms_ + settings_.notice_seconds * 1000LL;
  notice_timed_ = monotonic_ms_ > 0;
  if (text == notice_) return;
  notice_ = std::move(text);
  notice_dirty_ = true;
}

void AgendaDelivery::check_letters() {
  // Once per accepted agenda (where base_ changes), not at every live change.
  font_notice_ = base_ ? uncovered_text_notice(setup_.typesetter->fonts(), *base_) : std::string();
}

void AgendaDelivery::check_shown_agenda() {
  std::string text;
  if (!setup_.missing_room().empty()) {
    text = "Door screen: room " + quoted(setup_.missing_room()) +
           " is not in this agenda; the whole venue is shown. Check --room or display.room";
  }
  if (!font_notice_.empty())
    text += (text.empty() ? "The agenda's " : "; the agenda's ") + font_notice_;
  if (text == agenda_notice_) return;
  if (!text.empty()) log() << text << "\n";
  agenda_notice_ = std::move(text);
  notice_dirty_ = true;
}

bool AgendaDelivery::push_to_ui() {
  bool replaced = false;
  if (agenda_dirty_) {
    replaced = setup_.show_agenda(shown_);
    check_shown_agenda();
  }
  if (announcements_dirty_ || replaced)
    setup_.ui->set_announcements(for_the_screen(shown_announcements_));
  if (notice_dirty_ || replaced) {
    setup_.ui->set_notice(notice_.empty() ? agenda_notice_ : notice_);
    setup_.ui->set_board_notice(lasting_notice_);
  }
  if (confirmation_ && agenda_dirty_) {
    setup_.ui->confirm_agenda(confirmation_->first, confirmation_->second);
    confirmation_.reset();
  }
  const bool changed = agenda_dirty_ || announcements_dirty_ || notice_dirty_;
  agenda_dirty_ = announcements_dirty_ = notice_dirty_ = false;
  return changed;
}

}  // namespace ijlas::app
