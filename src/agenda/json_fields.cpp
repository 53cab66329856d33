#include "agenda/json_fields.hpp"

#include <algorithm>

#include "core/diagnostic.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {

std::optional<json::Value> parse_json_document(std::string_view bytes, const std::string& file,
                                               DiagnosticList& diagnostics) {
  json::ParseResult parsed = json::parse(bytes);
  if (!parsed.value) {
    diagnostics.error({file, parsed.error.position}, parsed.error.message);
  }
  return std::move(parsed.value);
}

std::optional<Instant> JsonFieldReader::instant(const json::Value& object, std::string_view key,
                                                std::string_view owner, const DateTimeRules& rules,
                                                SourcePosition& position, bool& has_offset) {
  const json::Value* value = object.find(key);
  position = value ? at(*value) : at(object);
  const std::string written = utf8::trimmed(text(object, key, owner));
  const auto parsed = time::parse_date_time(written);
  if (!parsed || (rules.offset_required && !parsed->offset_seconds)) {
    diagnostics_.error(position, std::string(key) + " " + quoted(written) + " of " +
                                     std::string(owner) + " is not a date and time" +
                                     (rules.offset_required ? " with its offset" : "") +
                                     ": write it as " + quoted(rules.example));
    return std::nullopt;
  }
  has_offset = parsed->offset_seconds.has_value();
  return to_instant(*parsed, rules.floating_zone);
}

std::optional<JsonFieldReader::SessionBegun> JsonFieldReader::begin_session(
    const json::Value& object) {
  SessionBegun begun;
  begun.session.id = utf8::trimmed(text(object, "id", "a session", true));
  if (begun.session.id.empty()) return std::nullopt;
  begun.source.session = at(object);
  begun.owner = "session " + quoted(begun.session.id);
  return begun;
}

std::string JsonFieldReader::text(const json::Value& object, std::string_view key,
                                  std::string_view owner, bool required) {
  const json::Value* value = object.find(key);
  if (value == nullptr || value->is_null()) {
    if (required) {
      diagnostics_.error(at(object),
                         std::string(owner) + " has no \"" + std::string(key) + "\": add it");
    }
    return {};
  }
  if (value->is_string() || value->is_number()) return value->text();
  diagnostics_.error(at(*value), "\"" + std::string(key) + "\" of " + std::string(owner) +
                                     " must be a string, not " + value->kind_name());
  return {};
}

LocalizedText JsonFieldReader::localized(const json::Value& object, std::string_view key,
                                         std::string_view owner, bool required) {
  const json::Value* value = object.find(key);
  LocalizedText result;
  if (value == nullptr || value->is_null()) {
    if (required) {
      diagnostics_.error(at(object), std::string(owner) + " has no \"" + std::string(key) +
                                         "\": add it, as a string or {\"ur\": …, \"en\": …}");
    }
    return result;
  }
  if (value->is_string()) return text_in_its_script(value->text());
  if (!value->is_object()) {
    diagnostics_.error(at(*value), "\"" + std::string(key) + "\" of " + std::string(owner) +
                                       " must be a string or {\"ur\": …, \"en\": …}, not " +
                                       value->kind_name());
    return result;
  }
  for (const json::Member& language : value->members()) {
    if (language.key != "ur" && language.key != "en") {
      diagnostics_.warning(at(language.key_position),
                           "language " + quoted(language.key) + " in \"" + std::string(key) +
                               "\" of " + std::string(owner) +
                               " is ignored: only \"ur\" and \"en\" are shown");
      continue;
    }
    if (!language.value.is_string()) {
      diagnostics_.error(at(language.value), quoted(language.key) + " in \"" + std::string(key) +
                                                 "\" must be a string, not " +
                                                 language.value.kind_name());
      continue;
    }
    (language.key == "ur" ? result.ur : result.en) = language.value.text();
  }
  if (required && result.empty()) {
    diagnostics_.error(at(*value), std::string(owner) + " has an empty \"" + std::string(key) +
                                       "\": give it in Urdu, English or both");
  }
  return result;
}

const json::Value* JsonFieldReader::member(const json::Value& object, std::string_view key,
                                           json::Kind kind, std::string_view owner, bool required) {
  return member(object.find(key), object.position(), key, kind, owner, required);
}

const json::Value* JsonFieldReader::member(const json::Value* value, TextPosition object,
                                           std::string_view key, json::Kind kind,
                                           std::string_view owner, bool required) {
  if (value == nullptr || (value->is_null() && !required)) {
    if (required) {
      diagnostics_.error(at(object), std::string(owner) + " has no \"" + std::string(key) +
                                         "\": add it as " + json::kind_name(kind));
    }
    return nullptr;
  }
  if (value->kind() != kind) {
    diagnostics_.error(at(*value), "\"" + std::string(key) + "\" of " + std::string(owner) +
                                       " must be " + json::kind_name(kind) + ", not " +
                                       value->kind_name());
    return nullptr;
  }
  return value;
}

bool JsonFieldReader::is_known(const json::Member& member,
                               std::initializer_list<std::string_view> known,
                               std::string_view owner) {
  if (std::find(known.begin(), known.end(), member.key) != known.end()) return true;
  diagnostics_.warning(at(member.key_position), "unknown member " + quoted(member.key) + " in " +
                                                    std::string(owner) + " is ignored");
  return false;
}

void JsonFieldReader::warn_unknown_members(const json::Value& object,
                                           std::initializer_list<std::string_view> known,
                                           std::string_view owner) {
  for (const json::Member& member : object.members())
    is_known(member, known, owner);
}

}  // namespace ijlas::agenda
