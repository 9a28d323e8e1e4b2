// CocoaPods builds a pod target only when it has sources: this file and its
// .c give the G2P pod one, so -force_load in its podspec applies to the
// framework that carries charsiug2p (with use_frameworks!, Flutter's default).
#include <stdint.h>

// Version of the charsiug2p library linked into this pod (charsiug2p_version()).
uint32_t charsiug2p_flutter_version(void);
