# Cross build for 64-bit Arm Linux with Debian's g++-aarch64-linux-gnu; test
# binaries run under qemu-aarch64-static (CMAKE_CROSSCOMPILING_EMULATOR).
set(CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CROSS_QEMU qemu-aarch64-static)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
