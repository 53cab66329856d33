#include "agenda/spreadsheet_columns.hpp"

#include <unicode/unistr.h>

#include <array>
#include <cctype>

namespace ijlas::agenda {
namespace {

constexpr std::array<std::pair<std::string_view, TextLanguage>, 9> kLanguageTags = {{
    {"ur", TextLanguage::kUrdu},
    {"urdu", TextLanguage::kUrdu},
    {"urd", TextLanguage::kUrdu},
    {"اردو", TextLanguage::kUrdu},
    {"en", TextLanguage::kEnglish},
    {"eng", TextLanguage::kEnglish},
    {"english", TextLanguage::kEnglish},
    {"englisch", TextLanguage::kEnglish},
    {"انگریزی", TextLanguage::kEnglish},
}};

const ProgrammeColumnAliases* find_alias(std::string_view name) {
  for (const ProgrammeColumnAliases& column : kProgrammeColumns) {
    std::string_view rest = column.aliases;
    while (!rest.empty()) {
      const std::size_t bar = rest.find('|');
      if (rest.substr(0, bar) == name) return &column;
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  return nullptr;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::string folded_header(std::string_view header) {
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(header.data(), static_cast<int32_t>(header.size())))
      .foldCase()
      .toUTF8String(folded);
  std::string key;
  for (const char c : folded) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte)) {
      key += c;
    } else if (!key.empty() && key.back() != '_') {
      key += '_';
    }
  }
  while (!key.empty() && key.back() == '_')
    key.pop_back();
  return key;
}

std::optional<ProgrammeColumn> programme_column(std::string_view header) {
  const std::string name = folded_header(header);
  if (name.empty()) return std::nullopt;
  if (const ProgrammeColumnAliases* column = find_alias(name)) {
    return ProgrammeColumn{column->key, TextLanguage::kAny};
  }
  // A language tag at either end: title_ur, english_title.
  for (const auto& [tag, language] : kLanguageTags) {
    const std::string suffix = "_" + std::string(tag);
    const std::string prefix = std::string(tag) + "_";
    std::string base;
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      base = name.substr(0, name.size() - suffix.size());
    } else if (name.size() > prefix.size() && name.starts_with(prefix)) {
      base = name.substr(prefix.size());
    } else {
      continue;
    }
    const ProgrammeColumnAliases* column = find_alias(base);
    if (column && column->localized) return ProgrammeColumn{column->key, language};
  }
  // Numbered speaker columns: "Speaker 1", "Referent 2".
  const std::size_t underscore = name.rfind('_');
  if (underscore != std::string::npos && all_digits(name.substr(underscore + 1))) {
    const ProgrammeColumnAliases* column = find_alias(name.substr(0, underscore));
    if (column && column->key == "speakers")
      return ProgrammeColumn{column->key, TextLanguage::kAny};
  }
  return std::nullopt;
}

std::string column_label(const ProgrammeColumn& column) {
  switch (column.language) {
    case TextLanguage::kUrdu:
      return std::string(column.key) + "_ur";
    case TextLanguage::kEnglish:
      return std::string(column.key) + "_en";
    case TextLanguage::kAny:
      break;
  }
  return std::string(column.key);
}

}  // namespace ijlas::agenda
