// The column names of a programme sheet (CSV, .xlsx, .ods): one table of canonical keys and the
// header names organizers write for them, in English, German and Urdu. Headers are compared
// case-folded, with spaces and punctuation as "_": "Start Time", "start-time" and "START_TIME"
// are one name. A language tag before or after the name ("Title (UR)", "title_en",
// "English title") says which language a text column holds. README.md lists the same table.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ijlas::agenda {

struct ProgrammeColumnAliases {
  std::string_view key;      // what the reader calls the column
  std::string_view aliases;  // '|'-separated folded header names, the key first
  bool localized;            // takes a language tag: title_ur, Title (EN), …
};

inline constexpr ProgrammeColumnAliases kProgrammeColumns[] = {
    {"id", "id|session_id|event_id|talk_id|nr|nummer|no|number", false},
    {"date", "date|datum|day_date|تاریخ", false},
    {"start",
     "start|start_time|time_start|starttime|starts|begin|beginn|begins|beginning|from|von|"
     "uhrzeit|zeit|time|startzeit|anfang|beginnt|آغاز|شروع|وقت",
     false},
    {"end", "end|end_time|time_end|endtime|ends|ende|endzeit|until|to|bis|finish|اختتام|ختم",
     false},
    {"duration",
     "duration|dauer|length|länge|laenge|minutes|mins|min|duration_min|duration_mins|"
     "duration_minutes|duration_in_minutes|dauer_min|dauer_minuten|dauer_in_minuten|دورانیہ|مدت",
     false},
    {"room", "room|raum|ort|location|venue|hall|saal|stage|bühne|buehne|کمرہ|ہال|مقام", true},
    {"title",
     "title|titel|session|session_title|talk|talk_title|vortrag|vortragstitel|topic|thema|عنوان",
     true},
    {"subtitle", "subtitle|sub_title|untertitel|ذیلی_عنوان", true},
    {"abstract",
     "abstract|description|beschreibung|summary|zusammenfassung|details|inhalt|خلاصہ|تفصیل", true},
    {"speakers",
     "speakers|speaker|speaker_s|presenter|presenters|presenter_s|referent|referentin|"
     "referenten|referentinnen|referent_in|referent_innen|redner|rednerin|sprecher|sprecherin|"
     "vortragende|vortragender|persons|person|people|personen|مقرر|مقررین",
     true},
    {"track", "track|tracks|category|kategorie|stream|themenbereich|شعبہ", true},
    {"type", "type|typ|session_type|format|art|kind", false},
    {"language", "language|sprache|lang|زبان", false},
    {"status", "status", false},
    {"time_zone", "time_zone|timezone|tz|zeitzone", false},
    {"conference", "conference|konferenz|event_name|کانفرنس", true},
};

enum class TextLanguage { kAny, kUrdu, kEnglish };

struct ProgrammeColumn {
  std::string_view key;  // from kProgrammeColumns
  TextLanguage language = TextLanguage::kAny;
  friend bool operator==(const ProgrammeColumn&, const ProgrammeColumn&) = default;
};

// Case-folded, runs of spaces and ASCII punctuation as one "_", none at either end.
std::string folded_header(std::string_view header);

// The column a header names; "Speaker 2" is a speakers column too. Empty when unknown.
std::optional<ProgrammeColumn> programme_column(std::string_view header);

// "title_ur" for {title, Urdu}: the name messages use.
std::string column_label(const ProgrammeColumn& column);

}  // namespace ijlas::agenda
