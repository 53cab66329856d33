#include "agenda/spreadsheet_table.hpp"

#include "agenda/spreadsheet_columns.hpp"

namespace ijlas::agenda {

bool names_a_programme(std::string_view sheet_name) {
  const std::string name = folded_header(sheet_name);
  for (const std::string_view word :
       {"program", "schedule", "agenda", "fahrplan", "zeitplan", "پروگرام"}) {
    if (name.find(word) != std::string::npos) return true;
  }
  return false;
}

std::size_t choose_programme_sheet(const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names_a_programme(names[i])) return i;
  }
  return 0;
}

std::optional<time::Date> date_of_serial(long long serial, bool date_1904) {
  constexpr long long kMaxSerial = 2'958'465;  // 9999-12-31
  const std::int64_t base_1899_12_30 = time::days_from_date({1899, 12, 30});
  std::int64_t days = 0;
  if (date_1904) {
    if (serial < 0 || serial > kMaxSerial - 1462) return std::nullopt;
    days = base_1899_12_30 + 1462 + serial;
  } else {
    if (serial < 1 || serial == 60 || serial > kMaxSerial) return std::nullopt;
    days = base_1899_12_30 + serial + (serial < 60 ? 1 : 0);
  }
  return time::date_from_days(days);
}

}  // namespace ijlas::agenda
