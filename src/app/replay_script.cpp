#include "app/replay_script.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <sstream>

#include "core/diagnostic.hpp"

namespace ijlas::app {
namespace {

constexpr std::array<std::string_view, 10> kKeys = {
    "left", "right", "up", "down", "enter", "escape", "pageup", "pagedown", "home", "language"};

bool parse_number(std::string_view word, double& out) {
  const char* end = word.data() + word.size();
  const auto result = std::from_chars(word.data(), end, out);
  return result.ec == std::errc() && result.ptr == end;
}

struct Word {
  std::string_view text;
  int column = 0;  // 1-based
};

std::vector<Word> words_of(std::string_view line) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t')
      ++i;
    if (i > start) words.push_back({line.substr(start, i - start), static_cast<int>(start) + 1});
  }
  return words;
}

}  // namespace

ReplayScript parse_replay_script(const std::string& file_name, std::string_view text) {
  ReplayScript script;
  int number = 0;
  std::size_t offset = 0;
  while (offset <= text.size()) {
    const std::size_t end = std::min(text.find('\n', offset), text.size());
    std::string_view line = text.substr(offset, end - offset);
    offset = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto words = words_of(line);
    if (words.empty() || words[0].text.front() == '#') {
      if (end == text.size()) break;
      continue;
    }
    auto error = [&](const Word& at, const std::string& message) {
      script.diagnostics.error({file_name, number, at.column}, message);
    };
    const std::string_view verb = words[0].text;
    ReplayStep step;
    step.line = number;
    step.text = std::string(line);
    auto need = [&](std::size_t count, const char* usage) {
      if (words.size() == count) return true;
      error(words.size() > count ? words[count] : words.back(),
            quoted(line) + ": expected " + usage);
      return false;
    };
    double a = 0, b = 0;
    if (verb == "tap") {
      if (words.size() == 3 && parse_number(words[1].text, a) && parse_number(words[2].text, b)) {
        step.kind = ReplayStep::Kind::kTapAt;
        step.x = static_cast<float>(a);
        step.y = static_cast<float>(b);
      } else if (need(2, "\"tap X Y\" or \"tap ACTION\" (e.g. tap session:opening)")) {
        const auto action = ui::parse_action(words[1].text);
        if (!action) {
          error(words[1], "tap " + quoted(words[1].text) +
                              ": use session:ID, speaker:ID, tab:now-next, tab:agenda, "
                              "tab:speakers, day:N, back, language or dismiss");
          continue;
        }
        step.kind = ReplayStep::Kind::kTapAction;
        step.action = *action;
      } else {
        continue;
      }
    } else if (verb == "swipe") {
      if (!need(2, "\"swipe left\" or \"swipe right\"")) continue;
      if (words[1].text != "left" && words[1].text != "right") {
        error(words[1], "swipe " + quoted(words[1].text) + ": use left or right");
        continue;
      }
      step.kind = ReplayStep::Kind::kSwipe;
      step.word = std::string(words[1].text);
    } else if (verb == "drag" || verb == "wheel") {
      if (!need(2, verb == "drag" ? "\"drag DY\" in pixels" : "\"wheel DY\" in clicks")) continue;
      if (!parse_number(words[1].text, a)) {
        error(words[1], quoted(words[1].text) + " is not a number");
        continue;
      }
      step.kind = verb == "drag" ? ReplayStep::Kind::kDrag : ReplayStep::Kind::kWheel;
      step.y = static_cast<float>(a);
    } else if (verb == "key") {
      if (!need(2, "\"key NAME\"")) continue;
      if (std::find(kKeys.begin(), kKeys.end(), words[1].text) == kKeys.end()) {
        error(words[1], "unknown key " + quoted(words[1].text) +
                            ": use left, right, up, down, enter, escape, pageup, pagedown, "
                            "home or language");
        continue;
      }
      step.kind = ReplayStep::Kind::kKey;
      step.word = std::string(words[1].text);
    } else if (verb == "wait") {
      if (!need(2, "\"wait SECONDS\"")) continue;
      if (!parse_number(words[1].text, a) || a < 0) {
        error(words[1], quoted(words[1].text) + " is not a number of seconds");
        continue;
      }
      step.kind = ReplayStep::Kind::kWait;
      step.seconds = a;
    } else if (verb == "clock") {
      if (!need(2, "\"clock 2025-11-26T11:00+05:00\"")) continue;
      step.kind = ReplayStep::Kind::kClock;
      step.word = std::string(words[1].text);
    } else {
      error(words[0],
            "unknown step " + quoted(verb) + ": use tap, swipe, drag, key, wheel, wait or clock");
      continue;
    }
    script.steps.push_back(std::move(step));
    if (end == text.size()) break;
  }
  return script;
}

}  // namespace ijlas::app
