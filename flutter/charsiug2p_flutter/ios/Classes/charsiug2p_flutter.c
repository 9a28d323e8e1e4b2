#include "charsiug2p_flutter.h"

uint32_t charsiug2p_version(void);

uint32_t charsiug2p_flutter_version(void) { return charsiug2p_version(); }
