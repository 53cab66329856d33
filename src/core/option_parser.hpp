// Command-line options read against a table, so that every program of ijlas parses alike: each
// option names its spellings, whether a value follows it, and what to do with that value.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ijlas {

// What an option does with its value (empty for a flag): an error message, or empty when fine.
using OptionAction = std::function<std::string(const std::string& value)>;

struct Option {
  std::vector<std::string_view> names;  // every spelling, e.g. {"--help", "-h"}
  bool takes_value = false;             // the next word is its value
  std::string missing;  // said when no value follows; empty: the action judges the empty value
  OptionAction action;
};

// The two commonest options: a value kept as it is, and a flag that is set.
Option text_option(std::string_view name, std::string missing, std::string& out);
Option flag_option(std::vector<std::string_view> names, bool& out);

struct OptionTable {
  std::vector<Option> options;
  // Takes every word that is no option of the table (an operand, or an option it knows how to
  // refuse); without it each such word is an unknown option.
  OptionAction other;
  // False when a word starting with "--" is never a value: `--agenda --lang en` lacks its file.
  bool values_may_start_with_dashes = true;
};

struct OptionParse {
  std::string error;               // the first problem, empty when every word was understood
  std::vector<std::string> given;  // the options given, as spelled, in order
};

// Reads the words in order and stops at the first problem.
OptionParse parse_options(const OptionTable& table, std::span<const std::string> words);

}  // namespace ijlas
