# Runs one fuzzer for SECONDS on a fresh copy of its seeds (files or folders in SEEDS), so that
# the corpus the fuzzer grows never lands in the source tree. Fails when the fuzzer finds a crash.
file(REMOVE_RECURSE "${CORPUS}")
file(MAKE_DIRECTORY "${CORPUS}")
foreach(seed IN LISTS SEEDS)
  if(IS_DIRECTORY "${seed}")
    file(GLOB files "${seed}/*")
    file(COPY ${files} DESTINATION "${CORPUS}")
  elseif(EXISTS "${seed}")
    file(COPY "${seed}" DESTINATION "${CORPUS}")
  endif()
endforeach()
execute_process(
  COMMAND "${FUZZER}" -max_total_time=${SECONDS} -rss_limit_mb=512 -timeout=10 -max_len=65536
          -artifact_prefix=${CORPUS}/../ "${CORPUS}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the fuzzer found a failing input (exit ${result}); see the crash-* file")
endif()
