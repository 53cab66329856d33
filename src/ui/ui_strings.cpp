#include "ui/ui_strings.hpp"

#include "agenda/agenda.hpp"

namespace ijlas::ui {
namespace {

struct Pair {
  const char* ur;
  const char* en;
};

Pair pair_of(UiString id) {
  switch (id) {
    case UiString::kNowAndNext:
      return {"اب اور اگلا", "Now & Next"};
    case UiString::kAgenda:
      return {"ایجنڈا", "Agenda"};
    case UiString::kSpeakers:
      return {"مقررین", "Speakers"};
    case UiString::kLanguageToggle:
      return {"English", "اردو"};
    case UiString::kNow:
      return {"ابھی جاری", "NOW"};
    case UiString::kNext:
      return {"اگلا", "NEXT"};
    case UiString::kInMinutes:
      return {"{} منٹ میں", "in {} min"};
    case UiString::kStartingNow:
      return {"شروع ہو رہا ہے", "starting now"};
    case UiString::kMinutesLeft:
      return {"{} منٹ باقی", "{} min left"};
    case UiString::kBreakUntil:
      return {"وقفہ — {} بجے دوبارہ", "Break — resumes at {}"};
    case UiString::kOpensAt:
      return {"آج کا پہلا اجلاس {} بجے", "First session today at {}"};
    case UiString::kRoomDoneToday:
      return {"آج اس ہال میں مزید کوئی اجلاس نہیں", "No more sessions in this room today"};
    case UiString::kDayOverResumes:
      return {"آج کا پروگرام ختم — {} کو {} بجے دوبارہ", "Today is over — resumes {} at {}"};
    case UiString::kConferenceOver:
      return {"کانفرنس اختتام پذیر ہوئی۔ شکریہ", "The conference has ended. Thank you."};
    case UiString::kStartsOn:
      return {"آغاز {} کو {} بجے", "Starts {} at {}"};
    case UiString::kDelayed:
      return {"{} منٹ تاخیر", "Delayed {} min"};
    case UiString::kCancelled:
      return {"منسوخ", "Cancelled"};
    case UiString::kMovedTo:
      return {"{} میں منتقل", "Moved to {}"};
    case UiString::kMovedTime:
      return {"نیا وقت {}", "New time {}"};
    case UiString::kBack:
      return {"واپس", "Back"};
    case UiString::kDay:
      return {"دن {}", "Day {}"};
    case UiString::kSessions:
      return {"اجلاس", "Sessions"};
    case UiString::kRoom:
      return {"ہال", "Room"};
    case UiString::kNoSessions:
      return {"کوئی اجلاس نہیں", "No sessions"};
    case UiString::kDismiss:
      return {"بند کریں", "Dismiss"};
    case UiString::kSampleProgramme:
      return {"نمونے کا پروگرام", "Sample programme"};
    case UiString::kUpNextInRoom:
      return {"اس ہال میں آج", "Today in this room"};
    case UiString::kClockNotSet:
      return {"وقت درست نہیں: ابھی جاری اور اگلا اجلاس دکھایا نہیں جا سکتا۔ ایجنڈا دیکھیں۔",
              "The clock is not set: what is on now cannot be shown. See the agenda."};
    case UiString::kAgendaUpdated:
      return {"ایجنڈا تازہ ہو گیا: {} سیشن، {} سے", "Agenda updated: {} sessions from {}"};
    case UiString::kRehearsalTime:
      return {"ریہرسل کا وقت", "Rehearsal time"};
    case UiString::kFinished:
      return {"ختم", "Finished"};
    case UiString::kPreviousInRoom:
      return {"پچھلا اجلاس", "Previous"};
    case UiString::kNextInRoom:
      return {"اگلا اجلاس", "Next"};
    case UiString::kOtherRooms:
      return {"اسی وقت دوسرے ہالوں میں", "Other rooms at this time"};
    case UiString::kNothingElseNow:
      return {"اس وقت کسی اور ہال میں اجلاس نہیں", "Nothing else at this time"};
    case UiString::kSwipeHint:
      return {"اسی ہال کا اگلا یا پچھلا اجلاس: سوائپ کریں",
              "Swipe for the next or previous session in this room"};
    case UiString::kScanForPage:
      return {"اجلاس کا صفحہ فون پر", "This session on your phone"};
  }
  return {"", ""};
}

}  // namespace

std::string_view ui_string(UiString id, Language language) {
  const Pair pair = pair_of(id);
  return language == Language::kUrdu ? pair.ur : pair.en;
}

std::string fill(std::string_view pattern, std::string_view a, std::string_view b) {
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
      out += used++ == 0 ? a : b;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string isolated(std::string_view piece, Language language) {
  if (language != Language::kUrdu || piece.empty() || agenda::has_arabic_script(piece)) {
    return std::string(piece);
  }
  return "\u2066" + std::string(piece) + "\u2069";  // LRI … PDI
}

std::string fill(UiString id, Language language, std::string_view a, std::string_view b) {
  return fill(ui_string(id, language), isolated(a, language), isolated(b, language));
}

}  // namespace ijlas::ui
