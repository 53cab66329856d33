// Typed reads of JSON members for the JSON loaders, each failure reported at the value's place.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "agenda/agenda.hpp"
#include "agenda/agenda_draft.hpp"
#include "agenda/time_zone.hpp"
#include "core/diagnostic.hpp"
#include "core/json_value.hpp"

namespace ijlas::agenda {

// The whole document parsed, or empty with the parser's error at its place.
std::optional<json::Value> parse_json_document(std::string_view bytes, const std::string& file,
                                               DiagnosticList& diagnostics);

class JsonFieldReader {
 public:
  JsonFieldReader(const std::string& file, DiagnosticList& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  SourcePosition at(const json::Value& value) const { return at(value.position()); }
  SourcePosition at(TextPosition position) const { return {file_, position}; }
  DiagnosticList& diagnostics() { return diagnostics_; }

  // A string member; numbers are taken as written so ids may be either. Missing or null →
  // empty (an error when `required`); another kind → error, empty.
  std::string text(const json::Value& object, std::string_view key, std::string_view owner,
                   bool required = false);
  // `{"ur": …, "en": …}` or a plain string (Urdu when it is in Arabic script, else English).
  LocalizedText localized(const json::Value& object, std::string_view key, std::string_view owner,
                          bool required = false);
  // The member if it is of `kind`; an error (when present with another kind, or required).
  const json::Value* member(const json::Value& object, std::string_view key, json::Kind kind,
                            std::string_view owner, bool required = false);
  // The same of a member already found (nullptr when there is none) of an object at `object`.
  const json::Value* member(const json::Value* value, TextPosition object, std::string_view key,
                            json::Kind kind, std::string_view owner, bool required = false);
  // An ISO 8601 date-time member as an instant: its own offset, else read in `floating_zone`
  // (UTC without one); an error showing `example` when it is not one, or has no offset when
  // `offset_required`. `position` becomes the value's place, `has_offset` whether it had one.
  struct DateTimeRules {
    const TimeZone* floating_zone = nullptr;
    bool offset_required = false;
    std::string_view example;
  };
  std::optional<Instant> instant(const json::Value& object, std::string_view key,
                                 std::string_view owner, const DateTimeRules& rules,
                                 SourcePosition& position, bool& has_offset);
  // A session object's start: its id (required, trimmed), its place, and how messages name it
  // ("session "s1""); nothing for one without an id, which the error names.
  struct SessionBegun {
    Session session;
    SessionSource source;
    std::string owner;
  };
  std::optional<SessionBegun> begin_session(const json::Value& object);
  // Whether `member` is one of `known`; a warning when not, as it is most often a misspelt name.
  bool is_known(const json::Member& member, std::initializer_list<std::string_view> known,
                std::string_view owner);
  // Warns about members not in `known`, which are most often misspelt names.
  void warn_unknown_members(const json::Value& object,
                            std::initializer_list<std::string_view> known, std::string_view owner);

 private:
  const SourceName file_;
  DiagnosticList& diagnostics_;
};

}  // namespace ijlas::agenda
