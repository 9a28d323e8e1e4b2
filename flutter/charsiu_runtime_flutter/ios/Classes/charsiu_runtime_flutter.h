// CocoaPods builds a pod target only when it has sources: this file and its
// .c give the runtime pod one, so -force_load in its podspec applies to the
// framework that carries the runtime (with use_frameworks!, Flutter's default).
#include <stdint.h>

// Version of the runtime linked into this pod (same as chrt_version()).
uint32_t charsiu_runtime_flutter_version(void);
