#include "agenda/agenda.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  const auto found =
      std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return found == items.end() ? nullptr : &*found;
}

}  // namespace

bool has_arabic_script(std::string_view text) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    const char32_t c = utf8::decode(text, offset);
    if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
        (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) {
      return true;
    }
  }
  return false;
}

bool is_hex_color(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return false;
  return std::all_of(text.begin() + 1, text.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

LocalizedText text_in_its_script(std::string text) {
  LocalizedText result;
  (has_arabic_script(text) ? result.ur : result.en) = std::move(text);
  return result;
}

int find_day_index(std::span<const Day> days, const Instant& start, int day_change_seconds) {
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (days[i].start.utc_seconds <= start.utc_seconds &&
        start.utc_seconds < days[i].end.utc_seconds) {
      return static_cast<int>(i);
    }
  }
  const Instant shifted{start.utc_seconds - day_change_seconds, start.offset_seconds};
  const Date date = time::local_date_of(shifted);
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (days[i].date == date) return static_cast<int>(i);
  }
  return -1;
}

Agenda::Agenda(AgendaData data) : data_(std::move(data)) {
  std::stable_sort(data_.days.begin(), data_.days.end(),
                   [](const Day& a, const Day& b) { return a.index < b.index; });
  // Session ids are unique once a draft's repeated ids are kept apart, so (start, room, id) is a
  // total order: a plain sort gives the same order as a stable one without its buffer of half
  // the sessions, part of an import's peak memory (issue 12).
  std::sort(data_.sessions.begin(), data_.sessions.end(), [](const Session& a, const Session& b) {
    return std::tie(a.start.utc_seconds, a.room, a.id) <
           std::tie(b.start.utc_seconds, b.room, b.id);
  });
  session_day_.reserve(data_.sessions.size());
  for (const Session& session : data_.sessions) {
    session_day_.push_back(
        find_day_index(data_.days, session.start, data_.conference.day_change_seconds));
  }
}

const Room* Agenda::find_room(std::string_view id) const {
  return find_by_id(data_.rooms, id);
}

const Track* Agenda::find_track(std::string_view id) const {
  return find_by_id(data_.tracks, id);
}

const Speaker* Agenda::find_speaker(std::string_view id) const {
  return find_by_id(data_.speakers, id);
}

const Session* Agenda::find_session(std::string_view id) const {
  return find_by_id(data_.sessions, id);
}

}  // namespace ijlas::agenda
