# The .deb of ijlas for an existing Debian 12 or Raspberry Pi OS board (`tools/dev deb`, CPack's
# DEB generator): everything `cmake --install` puts under /usr and /etc — the program and tools,
# fonts, assets, units, udev rule, sysusers and tmpfiles entries, the default configuration — with
# the runtime libraries found by dpkg-shlibdeps and maintainer scripts that make the user and the
# state folder and switch the kiosk on for the next boot.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ijlas)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "ijlas maintainers <ijlas@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "conference agenda kiosk in Urdu (Nastaliq) and English")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The configuration goes to /etc/ijlas (firmware/CMakeLists.txt): installed under DESTDIR.
set(CPACK_SET_DESTDIR ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Without the debugging information of the RelWithDebInfo build: a board has no debugger.
set(CPACK_STRIP_FILES ON)
# What the unit and the maintainer scripts run, besides the linked libraries: Mesa's GL drivers
# (dlopened by SDL), systemd, the USB stick's tools.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd, udev, libegl-mesa0, libgl1-mesa-dri, libgles2, libgbm1")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "v4l-utils")
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|amd64)$")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/firmware/deb/conffiles;${PROJECT_SOURCE_DIR}/firmware/deb/postinst;${PROJECT_SOURCE_DIR}/firmware/deb/prerm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
