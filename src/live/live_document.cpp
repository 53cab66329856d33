#include "live/live_document.hpp"

#include "agenda/json_fields.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"

namespace ijlas::live {

std::string_view document_kind_name(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kAgenda:
      return "agenda";
    case DocumentKind::kAnnouncements:
      return "announcements";
    case DocumentKind::kOverrides:
      return "overrides";
  }
  return "agenda";
}

DocumentKind classify_document(std::string_view bytes) {
  const bool announcements = bytes.find("\"ijlas_announcements\"") != std::string_view::npos;
  const bool overrides = bytes.find("\"ijlas_overrides\"") != std::string_view::npos;
  if (!announcements && !overrides) return DocumentKind::kAgenda;  // no second parse of agendas
  const json::ParseResult parsed = json::parse(bytes);
  if (!parsed.value) {
    // Broken JSON that names one of our markers is most likely one of ours: its own parser
    // then reports the syntax error at its place.
    return announcements ? DocumentKind::kAnnouncements : DocumentKind::kOverrides;
  }
  if (parsed.value->find("ijlas_announcements")) return DocumentKind::kAnnouncements;
  if (parsed.value->find("ijlas_overrides")) return DocumentKind::kOverrides;
  return DocumentKind::kAgenda;
}

const json::Value* live_document_root(const std::string& name,
                                      const std::optional<json::Value>& document,
                                      std::string_view marker, DiagnosticList& diagnostics) {
  if (!document) return nullptr;  // parse_json_document said why
  const json::Value& root = *document;
  const json::Value* version = root.find(marker);
  if (!root.is_object() || version == nullptr) {
    diagnostics.error({name, root.position()}, "not a file of " + std::string(marker) +
                                                   ": start it with {\"" + std::string(marker) +
                                                   "\": 1, …}");
    return nullptr;
  }
  if (!version->is_number() || version->as_number() != 1) {
    diagnostics.error({name, version->position()},
                      "\"" + std::string(marker) + "\" must be 1, the only version there is");
    return nullptr;
  }
  return &root;
}

std::optional<Timestamp> read_venue_time(agenda::JsonFieldReader& fields, const json::Value& object,
                                         std::string_view key, std::string_view owner,
                                         const agenda::TimeZone& zone) {
  const json::Value* value = object.find(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_string()) {
    fields.diagnostics().error(fields.at(*value),
                               "\"" + std::string(key) + "\" of " + std::string(owner) +
                                   " must be a date-time string, not " + value->kind_name());
    return std::nullopt;
  }
  const auto parsed = time::parse_date_time(value->text());
  if (!parsed) {
    fields.diagnostics().error(fields.at(*value), quoted(value->text()) +
                                                      " is not a date-time: write it as " +
                                                      "\"2025-11-26T12:30:00+05:00\"");
    return std::nullopt;
  }
  return Timestamp::from_seconds(agenda::to_instant(*parsed, &zone).utc_seconds);
}

}  // namespace ijlas::live
