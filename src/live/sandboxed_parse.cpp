#include "live/sandboxed_parse.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "agenda/native_agenda.hpp"
#include "core/json_value.hpp"

namespace ijlas::live {
namespace {

constexpr std::size_t kMaxAnswerBytes = 512u << 20;

// Reads the answer back; false when it is not what a reader writes.
bool decode_diagnostics(const json::Value* list, DiagnosticList& diagnostics) {
  if (list == nullptr || !list->is_array()) return false;
  SourceName source;  // shared by the diagnostics of one file and sheet, as the reader's were
  for (const json::Value& item : list->items()) {
    const auto& f = item.items();
    if (!item.is_array() || f.size() != 6 || !f[0].is_string() || !f[1].is_string() ||
        !f[2].is_number() || !f[3].is_number() || !f[4].is_string() || !f[5].is_string())
      return false;
    Diagnostic diagnostic;
    diagnostic.severity = f[0].text() == "error" ? Severity::kError : Severity::kWarning;
    if (source.file() != f[1].text() || source.sheet() != f[5].text())
      source = {f[1].text(), f[5].text()};
    diagnostic.position = {source, static_cast<int>(f[2].as_number()),
                           static_cast<int>(f[3].as_number())};
    diagnostic.message = f[4].text();
    diagnostics.add(std::move(diagnostic));
  }
  return true;
}

const std::string* string_member(const json::Value& object, std::string_view key) {
  const json::Value* value = object.find(key);
  return value && value->is_string() ? &value->text() : nullptr;
}

std::optional<std::int64_t> number_member(const json::Value& object, std::string_view key) {
  const json::Value* value = object.find(key);
  if (!value || !value->is_number()) return std::nullopt;
  return static_cast<std::int64_t>(value->as_number());
}

bool decode_announcements(const json::Value* list, std::vector<Announcement>& out) {
  if (list == nullptr || !list->is_array()) return false;
  for (const json::Value& item : list->items()) {
    const std::string *id = string_member(item, "id"), *ur = string_member(item, "ur"),
                      *en = string_member(item, "en");
    const json::Value* high = item.find("high");
    const auto from = number_member(item, "from"), until = number_member(item, "until");
    if (!id || !ur || !en || !high || !high->is_bool() || !from || !until) return false;
    out.push_back({*id, {*ur, *en}, high->as_bool(), Timestamp{*from}, Timestamp{*until}});
  }
  return true;
}

bool decode_overrides(const json::Value* list, std::vector<SessionOverride>& out) {
  if (list == nullptr || !list->is_array()) return false;
  for (const json::Value& item : list->items()) {
    const std::string *session = string_member(item, "session"),
                      *room = string_member(item, "room"), *file = string_member(item, "file");
    const auto state = number_member(item, "state"), delay = number_member(item, "delay");
    const auto line = number_member(item, "line"), column = number_member(item, "column");
    if (!session || !room || !file || !state || *state < 0 ||
        *state > static_cast<int>(agenda::SessionState::kMoved) || !delay || !line || !column)
      return false;
    SessionOverride entry;
    entry.session_id = *session;
    entry.status.state = static_cast<agenda::SessionState>(*state);
    entry.status.delay_minutes = static_cast<int>(*delay);
    entry.status.moved_to_room = *room;
    if (const auto start = number_member(item, "start")) {
      entry.status.moved_to_start = time::Instant{
          *start, static_cast<std::int32_t>(number_member(item, "offset").value_or(0))};
    }
    if (const auto until = number_member(item, "until")) entry.until = Timestamp{*until};
    entry.position = {*file, static_cast<int>(*line), static_cast<int>(*column)};
    out.push_back(std::move(entry));
  }
  return true;
}

ReadOutcome failed_read(const std::string& name, const std::string& why) {
  ReadOutcome outcome;
  outcome.reader_failed = true;
  outcome.agenda.status = agenda::LoadStatus::kUnreadable;
  outcome.diagnostics.error({name, 0, 0}, why);
  outcome.agenda.diagnostics = outcome.diagnostics;
  return outcome;
}

ReadOutcome decode_answer(const std::string& name, std::string_view answer) {
  const std::size_t end = answer.find('\n');
  const json::ParseResult header = json::parse(answer.substr(0, end));
  const std::string lying = "the reader gave an answer that cannot be used: refused";
  if (end == std::string_view::npos || !header.value || !header.value->is_object())
    return failed_read(name, lying);
  const json::Value& root = *header.value;
  const std::string* kind = string_member(root, "kind");
  ReadOutcome outcome;
  if (!kind || !decode_diagnostics(root.find("diagnostics"), outcome.diagnostics))
    return failed_read(name, lying);
  if (*kind == document_kind_name(DocumentKind::kAnnouncements)) {
    outcome.kind = DocumentKind::kAnnouncements;
    if (!decode_announcements(root.find("announcements"), outcome.announcements))
      return failed_read(name, lying);
    return outcome;
  }
  if (*kind == document_kind_name(DocumentKind::kOverrides)) {
    outcome.kind = DocumentKind::kOverrides;
    if (!decode_overrides(root.find("overrides"), outcome.overrides))
      return failed_read(name, lying);
    return outcome;
  }
  const auto status = number_member(root, "status");
  if (*kind != document_kind_name(DocumentKind::kAgenda) || !status)
    return failed_read(name, lying);
  if (const std::string* format = string_member(root, "format")) outcome.format = *format;
  outcome.agenda.diagnostics = outcome.diagnostics;
  if (*status != static_cast<int>(agenda::LoadStatus::kLoaded)) {
    outcome.agenda.status = *status == static_cast<int>(agenda::LoadStatus::kUnreadable)
                                ? agenda::LoadStatus::kUnreadable
                                : agenda::LoadStatus::kInvalid;
    if (!outcome.diagnostics.has_errors()) return failed_read(name, lying);
    return outcome;
  }
  // The normalized agenda, written by the reader: loading it again checks it once more.
  agenda::LoadResult normalized = agenda::load_native_agenda(name, answer.substr(end + 1));
  if (!normalized.ok()) return failed_read(name, lying);
  outcome.agenda.status = agenda::LoadStatus::kLoaded;
  outcome.agenda.agenda = std::move(normalized.agenda);
  outcome.agenda.format = std::nullopt;
  return outcome;
}

}  // namespace

std::string reader_program() {
  return program_beside(kReaderProgram);
}

SandboxedParse::SandboxedParse(const std::string& executable, const ReadRequest& request,
                               ReaderLimits limits)
    : name_(request.name) {
  std::string received = std::to_string(request.received.utc_ms);
  child_ = std::make_unique<LimitedChild>(
      std::vector<std::string>{executable, kReaderMode, request.name, request.zone, received,
                               request.agenda_zone},
      request.bytes, limits, kMaxAnswerBytes, ChildRole{}, [this](const ChildOutcome& child) {
        if (!child.failure.empty()) {
          outcome_ = failed_read(name_, child.failure);
          return;
        }
        try {
          outcome_ = decode_answer(name_, child.answer);
        } catch (const std::bad_alloc&) {
          outcome_ = failed_read(name_, "the normalized agenda does not fit in memory: refused");
        }
      });
}

SandboxedParse::~SandboxedParse() = default;

ReadOutcome SandboxedParse::take() {
  child_->wait();
  return std::move(outcome_);
}

}  // namespace ijlas::live
