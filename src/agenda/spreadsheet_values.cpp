#include "agenda/spreadsheet_values.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <vector>

#include "core/utf8.hpp"

namespace ijlas::agenda {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Reads 1..max_digits digits at `offset`.
std::optional<int> read_number(std::string_view text, std::size_t& offset, std::size_t max_digits) {
  const std::size_t begin = offset;
  int value = 0;
  while (offset < text.size() && is_digit(text[offset]) && offset - begin < max_digits) {
    value = value * 10 + (text[offset++] - '0');
  }
  if (offset == begin) return std::nullopt;
  return value;
}

bool strip_suffix(std::string& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) return false;
  text.resize(text.size() - suffix.size());
  return true;
}

// A month written as a word, in English or German, full or abbreviated.
std::optional<int> month_of_word(std::string word) {
  static constexpr std::array<std::pair<std::string_view, int>, 16> kMonths = {{
      {"jan", 1},
      {"feb", 2},
      {"mar", 3},
      {"m\xC3\xA4r", 3},
      {"apr", 4},
      {"may", 5},
      {"mai", 5},
      {"jun", 6},
      {"jul", 7},
      {"aug", 8},
      {"sep", 9},
      {"oct", 10},
      {"okt", 10},
      {"nov", 11},
      {"dec", 12},
      {"dez", 12},
  }};
  word = lower_ascii(word);
  if (word.size() > 10) return std::nullopt;
  for (const auto& [prefix, month] : kMonths) {
    if (word.starts_with(prefix)) return month;
  }
  return std::nullopt;
}

struct DateToken {
  std::string text;
  bool number = false;
};

std::vector<DateToken> date_tokens(std::string_view text, std::string& separators) {
  std::vector<DateToken> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_digit(text[i])) {
      DateToken token{"", true};
      while (i < text.size() && is_digit(text[i]))
        token.text += text[i++];
      tokens.push_back(std::move(token));
    } else if (std::isalpha(c) || c >= 0x80) {
      DateToken token;
      while (i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) ||
                                 static_cast<unsigned char>(text[i]) >= 0x80)) {
        token.text += text[i++];
      }
      tokens.push_back(std::move(token));
    } else {
      if (c != ' ' && c != ',') separators += text[i];
      ++i;
    }
  }
  return tokens;
}

std::optional<time::Date> valid(time::Date date) {
  if (!time::is_valid_date(date)) return std::nullopt;
  return date;
}

int full_year(const std::string& digits) {
  const int year = std::stoi(digits);
  return digits.size() == 2 ? 2000 + year : year;
}

}  // namespace

std::optional<time::Date> WrittenDate::as(DateOrder order) const {
  if (fixed) return fixed;
  const int day = order == DateOrder::kDayFirst ? first : second;
  const int month = order == DateOrder::kDayFirst ? second : first;
  return valid({year, month, day});
}

std::optional<WrittenDate> read_written_date(std::string_view written) {
  std::string text = utf8::trimmed(written);
  // A weekday before the date: "Thu, 27.10.2016", "Donnerstag, 27. Oktober 2016".
  if (const std::size_t comma = text.find(','); comma != std::string::npos) {
    bool letters_only = comma > 0;
    for (std::size_t i = 0; i < comma; ++i) {
      letters_only = letters_only && !is_digit(text[i]);
    }
    if (letters_only) text = utf8::trimmed(std::string_view(text).substr(comma + 1));
  }
  if (text.empty() || text.size() > 40) return std::nullopt;
  std::string separators;
  const std::vector<DateToken> tokens = date_tokens(text, separators);
  if (tokens.size() != 3) return std::nullopt;
  for (const DateToken& token : tokens) {
    if (token.number && token.text.size() > 4) return std::nullopt;
  }
  WrittenDate date;
  int numbers = 0;
  for (const DateToken& token : tokens)
    numbers += token.number;
  if (numbers == 3) {
    if (separators.size() != 2 || separators[0] != separators[1]) return std::nullopt;
    const char separator = separators[0];
    if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
    const int a = std::stoi(tokens[0].text);
    const int b = std::stoi(tokens[1].text);
    if (tokens[0].text.size() == 4) {
      date.fixed = valid({a, b, std::stoi(tokens[2].text)});
      if (!date.fixed) return std::nullopt;
      return date;
    }
    if (tokens[2].text.size() != 4 && tokens[2].text.size() != 2) return std::nullopt;
    const int year = full_year(tokens[2].text);
    if (separator == '.') {
      date.fixed = valid({year, b, a});
      if (!date.fixed) return std::nullopt;
      return date;
    }
    date.first = a;
    date.second = b;
    date.year = year;
    if (!date.as(DateOrder::kDayFirst) && !date.as(DateOrder::kMonthFirst)) return std::nullopt;
    return date;
  }
  if (numbers != 2) return std::nullopt;
  // A month by name: "27 Oct 2016", "October 27, 2016", "27. Oktober 2016".
  std::optional<int> month;
  std::vector<std::string> values;
  for (const DateToken& token : tokens) {
    if (token.number) {
      values.push_back(token.text);
    } else {
      month = month_of_word(token.text);
    }
  }
  if (!month) return std::nullopt;
  const bool year_first = values[0].size() == 4;
  const std::string& year = year_first ? values[0] : values[1];
  const std::string& day = year_first ? values[1] : values[0];
  if (year.size() != 4 || day.size() > 2) return std::nullopt;
  date.fixed = valid({std::stoi(year), *month, std::stoi(day)});
  if (!date.fixed) return std::nullopt;
  return date;
}

std::optional<DateOrder> read_date_order(std::string_view hint) {
  const std::string text = lower_ascii(utf8::trimmed(hint));
  if (text.find("day first") != std::string::npos) return DateOrder::kDayFirst;
  if (text.find("month first") != std::string::npos) return DateOrder::kMonthFirst;
  // "TT.MM.JJJJ" is German for DD.MM.YYYY.
  const std::size_t day = text.find_first_of("dt");
  const std::size_t month = text.find('m');
  const std::size_t year = text.find_first_of("yj");
  if (day == std::string::npos || month == std::string::npos) return std::nullopt;
  if (year != std::string::npos && year < day && year < month) return std::nullopt;
  return day < month ? DateOrder::kDayFirst : DateOrder::kMonthFirst;
}

std::string_view date_order_example(DateOrder order) {
  return order == DateOrder::kDayFirst ? "DD/MM/YYYY" : "MM/DD/YYYY";
}

std::optional<int> read_time_of_day(std::string_view written) {
  std::string text;
  for (const char c : lower_ascii(utf8::trimmed(written))) {
    if (c != ' ') text += c;
  }
  const bool uhr = strip_suffix(text, "uhr");
  int meridiem = 0;  // 1 before noon, 2 after
  for (const std::string_view suffix : {"a.m.", "a.m", "am"}) {
    if (strip_suffix(text, suffix)) {
      meridiem = 1;
      break;
    }
  }
  for (const std::string_view suffix : {"p.m.", "p.m", "pm"}) {
    if (meridiem == 0 && strip_suffix(text, suffix)) {
      meridiem = 2;
      break;
    }
  }
  const bool hours_suffix = strip_suffix(text, "h");
  std::size_t offset = 0;
  const auto hour = read_number(text, offset, 2);
  if (!hour) return std::nullopt;
  int minute = 0;
  int second = 0;
  if (offset == text.size()) {
    if (meridiem == 0 && !uhr && !hours_suffix) return std::nullopt;  // "14" alone is no time
  } else {
    const char separator = text[offset];
    if (separator != ':' && separator != '.' && separator != 'h') return std::nullopt;
    ++offset;
    const std::size_t minute_begin = offset;
    const auto minutes = read_number(text, offset, 2);
    if (!minutes || offset - minute_begin != 2) return std::nullopt;
    minute = *minutes;
    if (offset < text.size() && text[offset] == ':') {
      ++offset;
      const std::size_t second_begin = offset;
      const auto seconds = read_number(text, offset, 2);
      if (!seconds || offset - second_begin != 2) return std::nullopt;
      second = *seconds;
    }
    if (offset != text.size()) return std::nullopt;
  }
  int hours = *hour;
  if (meridiem != 0) {
    if (hours < 1 || hours > 12) return std::nullopt;
    hours = hours % 12 + (meridiem == 2 ? 12 : 0);
  }
  if (hours > 23 || minute > 59 || second > 59) return std::nullopt;
  return hours * 3600 + minute * 60 + second;
}

std::optional<int> read_duration(std::string_view written) {
  const std::string text = lower_ascii(utf8::trimmed(written));
  if (text.empty()) return std::nullopt;
  if (text.find(':') != std::string::npos) return time::parse_duration(text);
  constexpr double kMaxSeconds = 7.0 * time::kSecondsPerDay;
  double seconds = 0;
  std::size_t i = 0;
  int parts = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ')
      ++i;
    if (i == text.size()) break;
    std::string number;
    while (i < text.size() && (is_digit(text[i]) || text[i] == '.' || text[i] == ',')) {
      number += text[i] == ',' ? '.' : text[i];
      ++i;
    }
    if (number.empty() || number.front() == '.' || number.back() == '.' ||
        number.find('.') != number.rfind('.') || number.size() > 8) {
      return std::nullopt;
    }
    while (i < text.size() && text[i] == ' ')
      ++i;
    std::string unit;
    while (i < text.size() && !is_digit(text[i]) && text[i] != ' ')
      unit += text[i++];
    if (!unit.empty() && unit.back() == '.') unit.pop_back();
    double scale = 0;
    if (unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" || unit == "hours" ||
        unit == "std" || unit == "stunde" || unit == "stunden") {
      scale = 3600;
    } else if (unit.empty() ||  // "45", and the minutes of "1h 30"
               unit == "m" || unit == "min" || unit == "mins" || unit == "minute" ||
               unit == "minutes" || unit == "minuten" || unit == "'") {
      scale = 60;
    } else {
      return std::nullopt;
    }
    seconds += std::stod(number) * scale;
    ++parts;
  }
  if (parts == 0 || seconds > kMaxSeconds) return std::nullopt;
  return static_cast<int>(std::lround(seconds));
}

std::optional<DateAndTime> split_date_and_time(std::string_view written) {
  const std::string text = utf8::trimmed(written);
  // ISO 8601: "2016-10-27T09:00:00".
  if (const std::size_t t = text.find('T'); t != std::string::npos && t > 0 &&
                                            t + 1 < text.size() && is_digit(text[t - 1]) &&
                                            is_digit(text[t + 1])) {
    DateAndTime parts{text.substr(0, t), text.substr(t + 1)};
    if (read_written_date(parts.date) && read_time_of_day(parts.time)) return parts;
  }
  // The time is the last one or two words: "27.10.2016 09:00", "10/27/2016 2:00 PM".
  std::size_t cut = text.size();
  for (int words = 1; words <= 2; ++words) {
    cut = text.rfind(' ', cut == 0 ? 0 : cut - 1);
    if (cut == std::string::npos || cut == 0) return std::nullopt;
    DateAndTime parts{utf8::trimmed(std::string_view(text).substr(0, cut)),
                      utf8::trimmed(std::string_view(text).substr(cut + 1))};
    if (read_written_date(parts.date) && read_time_of_day(parts.time)) return parts;
  }
  return std::nullopt;
}

std::optional<TimeRange> read_time_range(std::string_view written) {
  const std::string text = utf8::trimmed(written);
  for (const std::string_view separator :
       {"\xE2\x80\x93", "\xE2\x80\x94", "-", " to ", " bis ", " till "}) {
    const std::size_t at = text.find(separator);
    if (at == std::string::npos) continue;
    const auto start = read_time_of_day(std::string_view(text).substr(0, at));
    const auto end = read_time_of_day(std::string_view(text).substr(at + separator.size()));
    if (start && end) return TimeRange{*start, *end};
  }
  return std::nullopt;
}

}  // namespace ijlas::agenda
