# cmake -DBUILD_DIR=… -DWORK_DIR=… -P install_tree_test.cmake (see CMakeLists.txt).
set(prefix "${WORK_DIR}/prefix")
set(shots "${WORK_DIR}/shots")
file(REMOVE_RECURSE "${WORK_DIR}")

function(run what)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=IJLAS_FONT_DIR --unset=IJLAS_ASSET_DIR
                          SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy ${ARGN}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${out}")
  endif()
endfunction()

run("cmake --install ${BUILD_DIR} --prefix ${prefix}"
    ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

foreach(path bin/ijlas bin/ijlas-fetch bin/ijlas-read bin/ijlas-agenda bin/ijlas-text
             share/ijlas/fonts/NotoNastaliqUrdu-Regular.ttf share/ijlas/fonts/NotoNastaliqUrdu-OFL.txt
             share/ijlas/fonts/NotoSans-Regular.ttf share/ijlas/fonts/NotoSans-OFL.txt
             share/ijlas/assets/agenda/islamabad-2025.json etc/ijlas/ijlas.toml)
  if(NOT EXISTS "${prefix}/${path}")
    message(FATAL_ERROR "the install has no ${path}")
  endif()
endforeach()

run("the installed ijlas-agenda check"
    "${prefix}/bin/ijlas-agenda" check "${prefix}/share/ijlas/assets/agenda/islamabad-2025.json")
run("the installed ijlas --shot" "${prefix}/bin/ijlas" --shot "${shots}")

file(GLOB pictures "${shots}/*.png")
list(LENGTH pictures count)
if(count EQUAL 0)
  message(FATAL_ERROR "the installed ijlas --shot wrote no PNG into ${shots}")
endif()
foreach(picture IN LISTS pictures)
  file(SIZE "${picture}" size)
  if(size EQUAL 0)
    message(FATAL_ERROR "${picture} is empty")
  endif()
endforeach()
message(STATUS "installed tree: ${count} pictures from ${prefix}/bin/ijlas")
file(REMOVE_RECURSE "${WORK_DIR}")
