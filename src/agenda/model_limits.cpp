#include "agenda/model_limits.hpp"

#include "agenda/text_sanitizer.hpp"
#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

constexpr FieldRules kTitle{true, kMaxTitleCharacters};
constexpr FieldRules kName{false, kMaxNameCharacters};
constexpr FieldRules kLongText{true, kMaxAbstractCharacters};

using utf8::code_point_name;

std::string describe(const TextChange& change, std::size_t count) {
  const std::string where = " at character " + std::to_string(change.character);
  const std::string more = count > 1 ? " (and " + std::to_string(count - 1) + " more)" : "";
  switch (change.fix) {
    case TextFix::kControlRemoved:
      return "control character " + code_point_name(change.code_point) + where + more +
             " removed: controls are never shown";
    case TextFix::kEmbeddingRemoved:
      return "bidi control " + code_point_name(change.code_point) + where + more +
             " removed: embeddings and overrides could make the text read differently";
    case TextFix::kIsolateBalanced:
      return "unbalanced bidi isolate " + code_point_name(change.code_point) + where + more +
             (change.code_point == 0x2069 ? " balanced" : " closed at the field's end");
    case TextFix::kCut:
      return "is cut after " + std::to_string(change.character - 1) +
             " characters: shorten it in the source";
  }
  return {};
}

class FieldCleaner {
 public:
  FieldCleaner(DiagnosticList& diagnostics) : diagnostics_(diagnostics) {}

  void clean(std::string& text, const FieldRules& rules, const std::string& field,
             const SourcePosition& where) {
    if (text.empty()) return;
    SanitizedText result = sanitize_text(text, rules);
    if (result.text == text) return;
    // One warning per kind of change: a pasted text full of controls is one message, not fifty.
    for (const TextFix fix : {TextFix::kControlRemoved, TextFix::kEmbeddingRemoved,
                              TextFix::kIsolateBalanced, TextFix::kCut}) {
      const TextChange* first = nullptr;
      std::size_t count = 0;
      for (const TextChange& change : result.changes) {
        if (change.fix != fix) continue;
        if (first == nullptr) first = &change;
        ++count;
      }
      if (first == nullptr) continue;
      diagnostics_.warning(where,
                           field + (fix == TextFix::kCut ? " " : ": ") + describe(*first, count));
    }
    text = std::move(result.text);
  }

  void clean(LocalizedText& text, const FieldRules& rules, const std::string& field,
             const SourcePosition& where) {
    clean(text.ur, rules, field + " (Urdu)", where);
    clean(text.en, rules, field + " (English)", where);
  }

 private:
  DiagnosticList& diagnostics_;
};

}  // namespace

bool apply_model_limits(AgendaDraft& draft, DiagnosticList& diagnostics) {
  AgendaData& data = draft.data;
  const SourcePosition& top = draft.first_position;
  if (data.sessions.size() > kMaxSessions) {
    diagnostics.error(top, "the file holds " + std::to_string(data.sessions.size()) +
                               " sessions, more than the " + std::to_string(kMaxSessions) +
                               " ijlas shows: split it into one file per venue or per week");
    return false;
  }
  FieldCleaner cleaner(diagnostics);
  Conference& conference = data.conference;
  cleaner.clean(conference.title, kTitle, "the conference title", top);
  cleaner.clean(conference.subtitle, kTitle, "the conference subtitle", top);
  cleaner.clean(conference.venue, kName, "the conference venue", top);
  cleaner.clean(conference.city, kName, "the conference city", top);
  cleaner.clean(conference.note, kLongText, "the conference note", top);
  for (Room& room : data.rooms) {
    cleaner.clean(room.name, kName, "the name of room " + quoted(room.id), top);
  }
  for (Track& track : data.tracks) {
    cleaner.clean(track.name, kName, "the name of track " + quoted(track.id), top);
  }
  for (Speaker& speaker : data.speakers) {
    const std::string owner = " of speaker " + quoted(speaker.id);
    cleaner.clean(speaker.name, kName, "the name" + owner, top);
    cleaner.clean(speaker.role, kName, "the role" + owner, top);
    cleaner.clean(speaker.organization, kName, "the organization" + owner, top);
    cleaner.clean(speaker.biography, kLongText, "the biography" + owner, top);
  }
  for (std::size_t i = 0; i < data.sessions.size(); ++i) {
    Session& session = data.sessions[i];
    const SourcePosition& where = draft.session_sources[i].session;
    const std::string owner = " of session " + quoted(session.id);
    cleaner.clean(session.title, kTitle, "the title" + owner, where);
    cleaner.clean(session.subtitle, kTitle, "the subtitle" + owner, where);
    cleaner.clean(session.abstract, kLongText, "the abstract" + owner, where);
    cleaner.clean(session.type, kName, "the type" + owner, where);
  }
  return true;
}

bool is_web_address(std::string_view text) {
  if (text.size() > kMaxUrlBytes) return false;
  if (!text.starts_with("https://") && !text.starts_with("http://")) return false;
  const std::size_t host = text.find("://") + 3;
  if (host >= text.size() || text[host] == '/') return false;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7F) return false;
  }
  return true;
}

}  // namespace ijlas::agenda
