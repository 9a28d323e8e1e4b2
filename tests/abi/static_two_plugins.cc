// The iOS arrangement: one executable force-loads (whole-archive) the runtime
// archive and both plugin archives. It must link and both plugins must work.
#include "charsiug2p/charsiug2p.h"
#include "phonemap/phonemap.h"
#include "two_plugins.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  return exercise_two_plugins(DirectG2p{}, DirectMap{}, argv[1]);
}
