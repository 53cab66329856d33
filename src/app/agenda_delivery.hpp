// How agendas and last-minute changes reach the running kiosk: the inbox folder and the schedule
// URL are looked at from the main loop (never waiting on either), whatever they deliver is read
// by a limited child process (live/sandboxed_parse.hpp), one input at a time, while the loop
// keeps drawing, and only then swapped in whole. An accepted agenda is kept as the last good
// one; a rejected file leaves the shown agenda alone and puts a short notice for organizers on
// the screen. Overrides and announcements come and go on the venue's clock. What is being read
// is recorded (live/input_quarantine.hpp), so that an input that ends the kiosk is set aside at
// the next start instead of ending it again. Every event is logged to standard error.
//
// Several agenda files in the drop folder: the newest by modification time is shown (ties: the
// last name in byte order); an older file dropped later is not shown, and a notice says why.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/configuration.hpp"
#include "app/kiosk_setup.hpp"
#include "live/announcements.hpp"
#include "live/inbox_watcher.hpp"
#include "live/input_quarantine.hpp"
#include "live/last_good_store.hpp"
#include "live/sandboxed_parse.hpp"
#include "live/schedule_fetcher.hpp"
#include "live/screen_schedule.hpp"
#include "live/session_overrides.hpp"
#include "venue/venue_link.hpp"

namespace ijlas::app {

// At most this many bytes of a notice: it is one line at the foot of the screen.
inline constexpr std::size_t kNoticeBytes = 150;

// "agenda.json:14:22: session … : correct the end" for the notice band: the file's name without
// its folder, the place and the message, cut at a character boundary when too long.
std::string notice_text(const Diagnostic& diagnostic);
// `text` cut to `limit` bytes at a character boundary, with an ellipsis when it was longer.
std::string cut_for_notice(std::string text, std::size_t limit = kNoticeBytes);

// The quarantine folder beside the drop folder (or in the state folder when there is no inbox).
std::string quarantine_folder(const Configuration& settings);
// The limits of the child process that reads files, from the settings.
live::ReaderLimits reader_limits(const Configuration& settings);

class AgendaDelivery {
 public:
  // Opens the sources `settings` names (an inbox or state folder that cannot be made is said
  // once on standard error, and the kiosk carries on without it).
  AgendaDelivery(KioskSetup& setup, const Configuration& settings);
  ~AgendaDelivery();  // a reader still running is stopped, and its record cleared

  // Takes in what the sources delivered and brings the UI up to date; true when the UI was
  // given something new (an agenda, announcements or a notice).
  bool poll(std::int64_t monotonic_ms);
  // When poll() should run next, in monotonic ms (at most a second away while anything timed
  // is in force or a source is open; soon while files wait to be read).
  std::int64_t next_wakeup_ms() const;
  // The inbox's inotify descriptor (-1 when there is none): readable when a file arrives.
  int inbox_fd() const { return inbox_ ? inbox_->fd() : -1; }
  // Readable when the file being read is done (-1 when none is being read).
  int reader_fd() const { return reading_ ? reading_->done_fd() : -1; }

  // One line for systemd's STATUS= and the service panel: what is shown and where it came from.
  std::string status() const;
  const std::string& notice() const { return notice_; }
  // A notice for organizers from outside the sources (a file set aside at start).
  void show_notice(std::string text);
  // A notice that stays while the kiosk runs, under the timed ones: a settings file that cannot
  // be used is only put right by a new one and a restart.
  void show_lasting_notice(std::string text);

  // The clock's trust for the venue status (venue::ScreenReport::clock_trust) and its sentence.
  void set_clock_trust(std::string trust, std::string summary) {
    clock_trust_ = {std::move(trust), std::move(summary)};
  }
  // The screen-off hours the organizer assigned on the venue broker; none: [display] screen_off.
  const std::optional<live::ScreenSchedule>& assigned_screen_off() const {
    return assigned_screen_off_;
  }
  // The panel's rotation the organizer assigned (degrees); none: --rotate / [display] rotation.
  std::optional<int> assigned_rotation() const { return assigned_rotation_; }
  void forget_assigned_rotation() { assigned_rotation_.reset(); }  // the window could not turn
  // When the venue broker asked for a thumbnail: sends the PNG `make_png` returns.
  void answer_shot_request(const std::function<std::string()>& make_png);

  // What a reader made of `name`, taken in as poll() does (benchmarks give it without a reader).
  void take(const std::string& name, live::ReadOutcome outcome);

 private:
  struct Input {
    std::string name;
    std::string bytes;
    bool from_inbox = false;
    std::int64_t mtime_ns = 0;
    bool present_at_start = false;
  };
  void start_next_read();
  void finish_read();
  void accept_agenda(const Input& input, live::ReadOutcome outcome);
  void remove_source(const std::string& name);
  void assign(const venue::ScreenAssignment& assignment);  // a new UI with the room and language
  void refresh_live_content(bool force);
  void reject(const std::string& what, const DiagnosticList& diagnostics);
  void set_notice(std::string text);
  // The lasting notice about the agenda shown: a door screen's missing room, text with no font.
  void check_shown_agenda();
  // The accepted agenda's letters that no font has, for that notice.
  void check_letters();
  bool push_to_ui();

  KioskSetup& setup_;
  Configuration settings_;
  std::unique_ptr<live::InboxWatcher> inbox_;
  bool inbox_watching_ = true;
  std::unique_ptr<live::ScheduleFetcher> fetcher_;
  std::unique_ptr<live::LastGoodStore> store_;
  std::unique_ptr<live::InputQuarantine> quarantine_;
  int record_end_in_ = 0;  // the record is cleared this many polls on, once a frame was drawn

  std::deque<Input> waiting_;  // to be read, in arrival order
  std::unique_ptr<live::SandboxedParse> reading_;
  Input read_input_;

  // The drop-folder rule: the modification time and name of the inbox agenda shown (the stored
  // agenda's time at start), and the inbox files that hold agendas.
  std::int64_t shown_mtime_ns_ = 0;
  std::string shown_inbox_name_;
  std::set<std::string> inbox_agendas_;
  std::unique_ptr<venue::VenueLink> venue_;  // writes the broker's payloads into the inbox
  DiagnosticList rejected_;                  // the last rejection, until something is accepted
  std::pair<std::string, std::string> clock_trust_{"unknown", "not judged"};
  std::optional<live::ScreenSchedule> assigned_screen_off_;
  std::optional<int> assigned_rotation_;

  std::shared_ptr<const agenda::Agenda> base_;  // the accepted agenda, without overrides
  std::map<std::string, std::vector<live::SessionOverride>> overrides_;   // by source
  std::map<std::string, std::vector<live::Announcement>> announcements_;  // by source
  std::shared_ptr<const agenda::Agenda> shown_;  // base_ with the overrides in force
  std::vector<live::Announcement> shown_announcements_;
  live::Timestamp next_live_change_;
  bool live_changed_ = false;  // sources changed: merged once at the end of the poll

  std::string notice_;
  std::string agenda_notice_;  // stays while the agenda shown has one of those
  std::string font_notice_;    // the accepted agenda's letters that no font has
  std::string lasting_notice_;
  // The file just accepted and its sessions, for the screen's "agenda updated" line.
  std::optional<std::pair<std::string, std::size_t>> confirmation_;
  std::int64_t notice_until_ms_ = 0;
  bool notice_timed_ = true;  // false: notice_until_ms_ is set at the first poll
  std::int64_t monotonic_ms_ = 0;
  bool agenda_dirty_ = false, announcements_dirty_ = false, notice_dirty_ = false;
};

}  // namespace ijlas::app
