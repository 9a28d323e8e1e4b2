#include <string>

#include "chrt/runtime.h"
#include "errors.h"
#include "kernels/kernel_table.h"

namespace {
// Its address identifies this copy of the runtime in a process.
const char g_instance_tag = 0;
}  // namespace

extern "C" {

CHRT_API uint32_t chrt_version(void) { return CHRT_VERSION_NUMBER; }

CHRT_API const char* chrt_version_string(void) {
#define CHRT_STR2(x) #x
#define CHRT_STR(x) CHRT_STR2(x)
  return CHRT_STR(CHRT_VERSION_MAJOR) "." CHRT_STR(CHRT_VERSION_MINOR) "." CHRT_STR(
      CHRT_VERSION_PATCH);
}

CHRT_API int chrt_check_version(uint32_t required_major, uint32_t required_minor) {
  if (required_major == CHRT_VERSION_MAJOR && required_minor <= CHRT_VERSION_MINOR) return CHRT_OK;
  return chrt::detail::set_error(
      CHRT_ERR_VERSION, "incompatible chrt runtime: loaded " + std::string(chrt_version_string()) +
                            ", library needs " + std::to_string(required_major) + "." +
                            std::to_string(required_minor) + " or a later " +
                            std::to_string(required_major) + ".x");
}

CHRT_API const void* chrt_instance(void) { return &g_instance_tag; }

CHRT_API const char* chrt_kernel_isa(void) { return chrt::detail::kernels().isa; }

}  // extern "C"
