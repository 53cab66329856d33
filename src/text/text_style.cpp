#include "text/text_style.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace ijlas::text {
namespace {

// The primary language subtag: "ur-PK" -> "ur".
std::string_view primary_subtag(const std::string& language) {
  std::string_view view = language;
  return view.substr(0, view.find_first_of("-_"));
}

bool one_of(std::string_view subtag, const auto& list) {
  return std::find(list.begin(), list.end(), subtag) != list.end();
}

}  // namespace

bool is_rtl_language(const std::string& language) {
  static constexpr std::array<std::string_view, 10> kRtl = {"ur", "ar", "fa", "ps", "sd",
                                                            "ug", "he", "yi", "dv", "ckb"};
  return one_of(primary_subtag(language), kRtl);
}

bool is_arabic_script_language(const std::string& language) {
  static constexpr std::array<std::string_view, 7> kArabic = {"ur", "ar", "fa", "ps",
                                                              "sd", "ug", "ckb"};
  return one_of(primary_subtag(language), kArabic);
}

}  // namespace ijlas::text
