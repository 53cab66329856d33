#include "core/option_parser.hpp"

#include <algorithm>

#include "core/diagnostic.hpp"

namespace ijlas {
namespace {

const Option* find_option(const OptionTable& table, std::string_view word) {
  for (const Option& option : table.options) {
    if (std::find(option.names.begin(), option.names.end(), word) != option.names.end()) {
      return &option;
    }
  }
  return nullptr;
}

}  // namespace

Option text_option(std::string_view name, std::string missing, std::string& out) {
  return {{name}, true, std::move(missing), [&out](const std::string& value) {
            out = value;
            return std::string();
          }};
}

Option flag_option(std::vector<std::string_view> names, bool& out) {
  return {std::move(names), false, "", [&out](const std::string&) {
            out = true;
            return std::string();
          }};
}

OptionParse parse_options(const OptionTable& table, std::span<const std::string> words) {
  OptionParse parse;
  for (std::size_t i = 0; i < words.size() && parse.error.empty(); ++i) {
    const std::string& word = words[i];
    const Option* option = find_option(table, word);
    if (option == nullptr) {
      parse.error = table.other ? table.other(word) : "unknown option " + quoted(word);
      continue;
    }
    parse.given.push_back(word);
    if (!option->takes_value) {
      parse.error = option->action(std::string());
      continue;
    }
    const bool has_value = i + 1 < words.size() &&
                           (table.values_may_start_with_dashes || !words[i + 1].starts_with("--"));
    if (!has_value && !option->missing.empty()) {
      parse.error = option->missing;
    } else {
      parse.error = option->action(has_value ? words[++i] : std::string());
    }
  }
  return parse;
}

}  // namespace ijlas
