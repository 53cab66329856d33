# Cross-compiling ijlas for a 64-bit ARM board (Raspberry Pi 4/5 class) on an x86-64 Debian 12
# machine, with Debian's own cross compiler and the arm64 -dev packages installed through multiarch
# (dpkg --add-architecture arm64). `tools/dev cross` installs all of it and uses this file through
# the `cross` preset. Test programs run under qemu-aarch64; binfmt is not needed for that.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Debian's cross pkg-config looks in /usr/lib/aarch64-linux-gnu/pkgconfig and /usr/share/pkgconfig.
find_program(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config REQUIRED)

# Headers and libraries come from the cross libc and the multiarch folders, programs from the host.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /usr/lib/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# Test programs (and gtest's discovery) run through qemu. The arm64 libc and every library the
# tests link are installed by multiarch, so the sysroot is the host's own "/": its
# /lib/ld-linux-aarch64.so.1 and /usr/lib/aarch64-linux-gnu. Not -L /usr/aarch64-linux-gnu: that
# loader is the cross toolchain's older glibc, and with the multiarch libraries it hangs at the
# first pthread_create.
find_program(IJLAS_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${IJLAS_QEMU_AARCH64};-L;/")
