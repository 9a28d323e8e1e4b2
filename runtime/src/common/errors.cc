#include "errors.h"

#include <string>

namespace chrt::detail {

namespace {
// Thread-local so concurrent callers never see each other's messages.
thread_local std::string t_last_error;
}  // namespace

int set_error(int status, const std::string& message) {
  t_last_error = message;
  return status;
}

}  // namespace chrt::detail

extern "C" {

CHRT_API const char* chrt_last_error(void) { return chrt::detail::t_last_error.c_str(); }

CHRT_API const char* chrt_status_name(int status) {
  switch (status) {
    case CHRT_OK:
      return "CHRT_OK";
    case CHRT_ERR_INVALID_ARGUMENT:
      return "CHRT_ERR_INVALID_ARGUMENT";
    case CHRT_ERR_IO:
      return "CHRT_ERR_IO";
    case CHRT_ERR_FORMAT:
      return "CHRT_ERR_FORMAT";
    case CHRT_ERR_UNSUPPORTED:
      return "CHRT_ERR_UNSUPPORTED";
    case CHRT_ERR_OUT_OF_MEMORY:
      return "CHRT_ERR_OUT_OF_MEMORY";
    case CHRT_ERR_NOT_FOUND:
      return "CHRT_ERR_NOT_FOUND";
    case CHRT_ERR_VERSION:
      return "CHRT_ERR_VERSION";
    case CHRT_ERR_INTERNAL:
      return "CHRT_ERR_INTERNAL";
    default:
      return "CHRT_ERR_UNKNOWN";
  }
}

}  // extern "C"
