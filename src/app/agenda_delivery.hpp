// How agendas and last-minute changes reach the running kiosk: the inbox folder and the schedule
// URL are looked at from the main loop (never waiting on either), whatever they deliver is
// recognized by its content and validated, and only then swapped in whole. An accepted agenda
// is kept as the last good one; a rejected file leaves the shown agenda alone and puts a short
// notice for organizers on the screen. Overrides and announcements come and go on the venue's
// clock. Every event is logged to standard error.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/configuration.hpp"
#include "app/kiosk_setup.hpp"
#include "live/announcements.hpp"
#include "live/inbox_watcher.hpp"
#include "live/last_good_store.hpp"
#include "live/schedule_fetcher.hpp"
#include "live/session_overrides.hpp"
#include "venue/venue_link.hpp"

namespace ijlas::app {

// At most this many bytes of a notice: it is one line at the foot of the screen.
inline constexpr std::size_t kNoticeBytes = 150;

// "agenda.json:14:22: session … : correct the end" for the notice band: the file's name without
// its folder, the place and the message, cut at a character boundary when too long.
std::string notice_text(const Diagnostic& diagnostic);

class AgendaDelivery {
 public:
  // Opens the sources `settings` names (an inbox or state folder that cannot be made is said
  // once on standard error, and the kiosk carries on without it).
  AgendaDelivery(KioskSetup& setup, const Configuration& settings);

  // Takes in what the sources delivered and brings the UI up to date; true when the UI was
  // given something new (an agenda, announcements or a notice).
  bool poll(std::int64_t monotonic_ms);
  // When poll() should run next, in monotonic ms (at most a second away while anything timed
  // is in force or a source is open).
  std::int64_t next_wakeup_ms() const;
  // The inbox's inotify descriptor (-1 when there is none): readable when a file arrives.
  int inbox_fd() const { return inbox_ ? inbox_->fd() : -1; }

  // One line for systemd's STATUS=: what is shown and where it came from.
  std::string status() const;
  const std::string& notice() const { return notice_; }

 private:
  void receive(const std::string& name, std::string_view bytes);
  void accept_agenda(const std::string& name, agenda::LoadResult result);
  void remove_source(const std::string& name);
  void assign(const venue::ScreenAssignment& assignment);  // a new UI with the room and language
  void refresh_live_content(bool force);
  void reject(const std::string& what, const DiagnosticList& diagnostics);
  void set_notice(std::string text);
  bool push_to_ui();

  KioskSetup& setup_;
  Configuration settings_;
  std::unique_ptr<live::InboxWatcher> inbox_;
  std::unique_ptr<live::ScheduleFetcher> fetcher_;
  std::unique_ptr<live::LastGoodStore> store_;
  std::unique_ptr<venue::VenueLink> venue_;  // writes the broker's payloads into the inbox
  DiagnosticList rejected_;                  // the last rejection, until something is accepted
  std::int64_t stored_mtime_ns_ = 0;  // of the last good file at start: older inbox files lost

  std::shared_ptr<const agenda::Agenda> base_;  // the accepted agenda, without overrides
  std::map<std::string, std::vector<live::SessionOverride>> overrides_;   // by source
  std::map<std::string, std::vector<live::Announcement>> announcements_;  // by source
  std::shared_ptr<const agenda::Agenda> shown_;  // base_ with the overrides in force
  std::vector<live::Announcement> shown_announcements_;
  live::Timestamp next_live_change_;

  std::string notice_;
  std::int64_t notice_until_ms_ = 0;
  std::int64_t monotonic_ms_ = 0;
  bool agenda_dirty_ = false, announcements_dirty_ = false, notice_dirty_ = false;
};

}  // namespace ijlas::app
