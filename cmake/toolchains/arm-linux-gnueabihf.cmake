# Cross build for 32-bit Arm Linux (armv7-a, hard float) with Debian's
# g++-arm-linux-gnueabihf: the closest Linux relative of Android's
# armeabi-v7a, to catch 32-bit problems (32-bit size_t, no __fp16 path).
# Test binaries run under qemu-arm-static (CMAKE_CROSSCOMPILING_EMULATOR).
set(CROSS_TRIPLE arm-linux-gnueabihf)
set(CMAKE_SYSTEM_PROCESSOR armv7-a)
set(CROSS_QEMU qemu-arm-static)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
