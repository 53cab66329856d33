// What every screen reads to draw itself: the agenda snapshot, the live state at this instant,
// how the venue writes times and dates, and the UI language.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/agenda.hpp"
#include "live/now_next.hpp"
#include "ui/row_heights.hpp"
#include "ui/ui_strings.hpp"

namespace ijlas::ui {

// Times and dates as read at the venue (its zone, through ICU); the app provides them.
struct VenueFormat {
  std::function<std::string(std::int64_t utc_seconds)> time;            // "10:30"
  std::function<std::string(std::int64_t utc_seconds, Language)> day;   // "بدھ، 26 نومبر"
  std::function<std::string(std::int64_t utc_seconds, Language)> date;  // with the year
};

struct ScreenContext {
  const agenda::Agenda& agenda;
  const live::LiveState& live;
  const std::vector<live::LiveSession>& sessions;  // every session, status applied, time order
  live::Timestamp now;
  const VenueFormat& format;
  Language language = Language::kUrdu;
  std::string asset_dir;              // where relative photo paths of the agenda are found
  RowHeights* row_heights = nullptr;  // long lists' measured rows; none: measured every frame
};

// The text in the UI language, or in the other one when it has only that.
const std::string& localized(const agenda::LocalizedText& text, Language language);

// "10:30–11:15", times in the venue's zone: the one way a range is written; inside Urdu an
// isolated left-to-right run, so it reads the same on cards and in Urdu sentences.
std::string time_range(const ScreenContext& context, const time::Instant& start,
                       const time::Instant& end);

const live::LiveSession* find_live_session(const ScreenContext& context, std::string_view id);

}  // namespace ijlas::ui
