// What a file from a source (the inbox, the schedule URL) holds, told from its content: an agenda
// in one of the agenda formats, announcements, or session overrides. Names never decide.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/json_fields.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"
#include "live/clock.hpp"

namespace ijlas::live {

enum class DocumentKind {
  kAgenda,         // anything else: the agenda loaders detect the format (or reject it)
  kAnnouncements,  // a JSON object with a top-level "ijlas_announcements"
  kOverrides,      // a JSON object with a top-level "ijlas_overrides"
};

// "agenda", "announcements", "overrides": for logs and messages.
std::string_view document_kind_name(DocumentKind kind);

DocumentKind classify_document(std::string_view bytes);

// For the readers of announcements and overrides: the root object of the document that
// agenda::parse_json_document read, when it carries `marker` with version 1, else nullptr with an
// error at the place of the problem.
const json::Value* live_document_root(const std::string& name,
                                      const std::optional<json::Value>& document,
                                      std::string_view marker, DiagnosticList& diagnostics);

// A date-time member as a clock reading (times without an offset are read in `zone`); empty when
// missing or null, or with an error when it is not a date-time.
std::optional<Timestamp> read_venue_time(agenda::JsonFieldReader& fields, const json::Value& object,
                                         std::string_view key, std::string_view owner,
                                         const agenda::TimeZone& zone);

}  // namespace ijlas::live
