#include "live/announcements.hpp"

#include <algorithm>
#include <limits>

#include "agenda/json_fields.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"
#include "live/live_document.hpp"

namespace ijlas::live {

AnnouncementsParse parse_announcements(const std::string& name, std::string_view bytes,
                                       Timestamp received, const agenda::TimeZone& venue_zone) {
  AnnouncementsParse result;
  DiagnosticList& diagnostics = result.diagnostics;
  const std::optional<json::Value> document = agenda::parse_json_document(bytes, name, diagnostics);
  const json::Value* root = live_document_root(name, document, "ijlas_announcements", diagnostics);
  if (root == nullptr) return result;
  agenda::JsonFieldReader fields(name, diagnostics);
  fields.warn_unknown_members(*root, {"$schema", "ijlas_announcements", "announcements"},
                              "the announcements file");
  const json::Value* list =
      fields.member(*root, "announcements", json::Kind::kArray, "the announcements file", true);
  if (list == nullptr) return result;
  std::vector<Announcement> announcements;
  for (std::size_t i = 0; i < list->items().size(); ++i) {
    const json::Value& item = list->items()[i];
    const std::string owner = "announcement " + std::to_string(i + 1);
    if (!item.is_object()) {
      diagnostics.error(fields.at(item), owner + " must be an object, not " + item.kind_name());
      continue;
    }
    fields.warn_unknown_members(item, {"id", "text", "priority", "from", "until"}, owner);
    Announcement announcement;
    announcement.id = fields.text(item, "id", owner);
    if (announcement.id.empty()) announcement.id = name + "#" + std::to_string(i + 1);
    announcement.text = fields.localized(item, "text", owner, true);
    const std::string priority = fields.text(item, "priority", owner);
    if (priority == "high") {
      announcement.high_priority = true;
    } else if (!priority.empty() && priority != "normal") {
      diagnostics.error(fields.at(*item.find("priority")),
                        "priority " + quoted(priority) + " of " + owner + ": use normal or high");
    }
    const auto from = read_venue_time(fields, item, "from", owner, venue_zone);
    const auto until = read_venue_time(fields, item, "until", owner, venue_zone);
    announcement.from = from.value_or(received);
    announcement.until =
        until.value_or(Timestamp{announcement.from.utc_ms + kDefaultAnnouncementMs});
    if (announcement.until <= announcement.from) {
      diagnostics.error(fields.at(*item.find(until ? "until" : "from")),
                        owner + " ends before it starts: \"until\" must come after \"from\"");
    }
    announcements.push_back(std::move(announcement));
  }
  if (!diagnostics.has_errors()) result.announcements = std::move(announcements);
  return result;
}

std::vector<Announcement> active_announcements(const std::vector<Announcement>& all,
                                               Timestamp now) {
  std::vector<Announcement> active;
  for (const Announcement& announcement : all) {
    if (announcement.from <= now && now < announcement.until) active.push_back(announcement);
  }
  std::stable_sort(active.begin(), active.end(), [](const Announcement& a, const Announcement& b) {
    return a.high_priority && !b.high_priority;
  });
  return active;
}

Timestamp next_announcement_change(const std::vector<Announcement>& all, Timestamp now) {
  Timestamp next{std::numeric_limits<std::int64_t>::max()};
  for (const Announcement& announcement : all) {
    if (now < announcement.from) next = std::min(next, announcement.from);
    if (now < announcement.until) next = std::min(next, announcement.until);
  }
  return next;
}

}  // namespace ijlas::live
