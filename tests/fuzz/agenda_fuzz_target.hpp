// One libFuzzer entry point per agenda format: each target fixes the format so that the fuzzer
// explores that loader alone (detection is covered by the native target's JSON and the rest).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "agenda/agenda_loader.hpp"

#define IJLAS_AGENDA_FUZZ_TARGET(format)                                              \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);          \
    const ijlas::agenda::LoadResult result =                                          \
        ijlas::agenda::load_agenda_bytes("fuzz", bytes, format);                      \
    if (result.ok() != (result.agenda != nullptr)) __builtin_trap();                  \
    return 0;                                                                         \
  }
