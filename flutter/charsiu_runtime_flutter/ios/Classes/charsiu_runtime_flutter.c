#include "charsiu_runtime_flutter.h"

uint32_t chrt_version(void);

uint32_t charsiu_runtime_flutter_version(void) { return chrt_version(); }
