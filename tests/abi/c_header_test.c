/* The public headers must compile as C99 (-std=c99 -pedantic). */
#include "charsiug2p/charsiug2p.h"
#include "chrt/runtime.h"

int main(void) {
  charsiug2p_options o;
  if (charsiug2p_options_init(&o, sizeof o) != CHARSIUG2P_OK) return 1;
  if (charsiug2p_language_count() < 100) return 2;
  return o.batch_size > 0 ? 0 : 3;
}
