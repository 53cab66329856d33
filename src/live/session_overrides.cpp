#include "live/session_overrides.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "agenda/json_fields.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"
#include "live/live_document.hpp"

namespace ijlas::live {
namespace {

constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

std::optional<agenda::SessionStatus> read_status(agenda::JsonFieldReader& fields,
                                                 const json::Value& object,
                                                 const std::string& owner,
                                                 const agenda::TimeZone& zone) {
  DiagnosticList& diagnostics = fields.diagnostics();
  const json::Value* value = object.find("status");
  if (value == nullptr || value->is_null()) {
    diagnostics.error(fields.at(object), owner +
                                             " has no \"status\": add \"cancelled\", "
                                             "{\"state\": \"delayed\", \"minutes\": 15} or "
                                             "{\"state\": \"moved\", \"room\": \"…\"}");
    return std::nullopt;
  }
  std::string state;
  if (value->is_string()) {
    state = value->text();
  } else if (value->is_object()) {
    fields.warn_unknown_members(*value, {"state", "minutes", "room", "start"},
                                "the status of " + owner);
    state = fields.text(*value, "state", "the status of " + owner, true);
  } else {
    diagnostics.error(
        fields.at(*value),
        "\"status\" of " + owner + " must be a string or an object, not " + value->kind_name());
    return std::nullopt;
  }
  agenda::SessionStatus status;
  if (state == "scheduled") return status;
  if (state == "cancelled") {
    status.state = agenda::SessionState::kCancelled;
    return status;
  }
  if (state == "delayed") {
    status.state = agenda::SessionState::kDelayed;
    const json::Value* minutes = value->is_object() ? value->find("minutes") : nullptr;
    if (minutes == nullptr || !minutes->is_number() || minutes->as_number() < 1 ||
        minutes->as_number() > 24 * 60 || minutes->as_number() != int(minutes->as_number())) {
      diagnostics.error(fields.at(minutes ? *minutes : *value),
                        "a delay of " + owner +
                            " needs \"minutes\", a whole number from 1 to 1440: "
                            "{\"state\": \"delayed\", \"minutes\": 15}");
      return std::nullopt;
    }
    status.delay_minutes = static_cast<int>(minutes->as_number());
    return status;
  }
  if (state == "moved") {
    status.state = agenda::SessionState::kMoved;
    if (value->is_object()) {
      status.moved_to_room = fields.text(*value, "room", "the status of " + owner);
      if (const auto start =
              read_venue_time(fields, *value, "start", "the status of " + owner, zone)) {
        status.moved_to_start = zone.at(start->utc_seconds());
      }
    }
    if (status.moved_to_room.empty() && !status.moved_to_start) {
      diagnostics.error(fields.at(*value), "a move of " + owner +
                                               " needs a \"room\", a \"start\" or both: "
                                               "{\"state\": \"moved\", \"room\": \"…\"}");
      return std::nullopt;
    }
    return status;
  }
  if (value->is_string() || !state.empty()) {  // an object without "state" was reported
    diagnostics.error(fields.at(*value), "unknown status " + quoted(state) + " of " + owner +
                                             ": use scheduled, cancelled, delayed or moved");
  }
  return std::nullopt;
}

}  // namespace

OverridesParse parse_session_overrides(const std::string& name, std::string_view bytes,
                                       const agenda::TimeZone& venue_zone) {
  OverridesParse result;
  DiagnosticList& diagnostics = result.diagnostics;
  const std::optional<json::Value> document = agenda::parse_json_document(bytes, name, diagnostics);
  const json::Value* root = live_document_root(name, document, "ijlas_overrides", diagnostics);
  if (root == nullptr) return result;
  agenda::JsonFieldReader fields(name, diagnostics);
  fields.warn_unknown_members(*root, {"$schema", "ijlas_overrides", "overrides"},
                              "the overrides file");
  const json::Value* list =
      fields.member(*root, "overrides", json::Kind::kArray, "the overrides file", true);
  if (list == nullptr) return result;
  std::vector<SessionOverride> overrides;
  for (std::size_t i = 0; i < list->items().size(); ++i) {
    const json::Value& item = list->items()[i];
    const std::string owner = "override " + std::to_string(i + 1);
    if (!item.is_object()) {
      diagnostics.error(fields.at(item), owner + " must be an object, not " + item.kind_name());
      continue;
    }
    fields.warn_unknown_members(item, {"session", "status", "until"}, owner);
    SessionOverride entry;
    entry.position = fields.at(item);
    entry.session_id = fields.text(item, "session", owner, true);
    const auto status = read_status(fields, item, owner, venue_zone);
    entry.until = read_venue_time(fields, item, "until", owner, venue_zone);
    if (status) entry.status = *status;
    overrides.push_back(std::move(entry));
  }
  if (!diagnostics.has_errors()) result.overrides = std::move(overrides);
  return result;
}

OverriddenAgenda apply_session_overrides(const std::shared_ptr<const agenda::Agenda>& base,
                                         const std::vector<SessionOverride>& overrides,
                                         Timestamp now) {
  OverriddenAgenda result{base, {}, Timestamp{kNever}};
  if (!base || overrides.empty()) return result;
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < base->sessions().size(); ++i)
    index[base->sessions()[i].id] = i;

  std::unordered_map<std::size_t, agenda::SessionStatus> in_force;
  for (const SessionOverride& entry : overrides) {
    const auto found = index.find(entry.session_id);
    if (found == index.end()) {
      result.diagnostics.warning(entry.position, "no session " + quoted(entry.session_id) +
                                                     " in the agenda: check the id");
      continue;
    }
    Timestamp until{kNever};
    if (entry.until) {
      until = *entry.until;
    } else if (const int day = base->day_of_session(found->second); day >= 0) {
      until = Timestamp::from_seconds(base->days()[static_cast<std::size_t>(day)].end.utc_seconds);
    }
    if (now >= until) continue;
    result.next_change = std::min(result.next_change, until);
    if (!entry.status.moved_to_room.empty() && !base->find_room(entry.status.moved_to_room)) {
      result.diagnostics.warning(entry.position, "no room " + quoted(entry.status.moved_to_room) +
                                                     " in the agenda: check the room id");
    }
    in_force[found->second] = entry.status;
  }
  if (in_force.empty()) return result;
  agenda::AgendaData data = base->data();
  for (const auto& [session, status] : in_force)
    data.sessions[session].status = status;
  result.agenda = std::make_shared<const agenda::Agenda>(std::move(data));
  return result;
}

}  // namespace ijlas::live
