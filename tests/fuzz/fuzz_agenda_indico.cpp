// libFuzzer target: the indico agenda loader.
#include "agenda_fuzz_target.hpp"

IJLAS_AGENDA_FUZZ_TARGET(ijlas::agenda::AgendaFormat::kIndico)
