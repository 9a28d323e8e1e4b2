// Text mode in a build without the text front end (ICU was not found when
// the build was configured): say so clearly instead of guessing.
#include <cstdio>

#include "commands.h"

namespace charsiug2p::cli {

namespace {

int unavailable() {
  std::fputs(
      "charsiug2p: this build has no text front end (--text, --text-file, text-languages): ICU "
      "was not found when it was configured. Install libicu-dev and configure with "
      "-DCHARSIUG2P_TEXT=ON.\n",
      stderr);
  return 1;
}

}  // namespace

int run_text(const Options&) { return unavailable(); }
int run_text_languages() { return unavailable(); }

}  // namespace charsiug2p::cli
