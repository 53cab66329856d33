// libFuzzer target: the native json agenda loader, and the member-by-member reading it is built
// on, which must read every input as json::parse does (the same values and places, the same
// error at the same place), whichever root members' items it asks for one by one.
#include <optional>
#include <string>

#include "../core/json_test_support.hpp"
#include "agenda_fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const ijlas::agenda::LoadResult result =
      ijlas::agenda::load_agenda_bytes("fuzz", bytes, ijlas::agenda::AgendaFormat::kNative);
  if (result.ok() != (result.agenda != nullptr)) __builtin_trap();
  // Keys of even length have their arrays' items handed one by one ("days", "sessions", …),
  // the others whole: both ways, and their mixture, in one document.
  const auto even = [](std::string_view key) { return key.size() % 2 == 0; };
  if (ijlas::json::testing::differs_from_parse(bytes, even)) __builtin_trap();
  return 0;
}
