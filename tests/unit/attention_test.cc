#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "attention.h"

using charsiug2p::detail::relative_position_bucket;

// Buckets against tests/data/relative_buckets.tsv, made by PyTorch running
// transformers' own formula (tests/data/make_unit_references.py).
TEST(RelativePositionBucket, MatchesTransformersOverMinus300To300) {
  std::ifstream in(std::string(CHARSIUG2P_TEST_DATA_DIR) + "/relative_buckets.tsv");
  ASSERT_TRUE(in) << "missing relative_buckets.tsv";
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream f(line);
    int rp, bidi, nb, md, want;
    f >> rp >> bidi >> nb >> md >> want;
    ASSERT_EQ(relative_position_bucket(rp, bidi != 0, nb, md), want)
        << "rp=" << rp << " bidi=" << bidi << " buckets=" << nb << " max_distance=" << md;
    ++checked;
  }
  EXPECT_EQ(checked, 601 * 6);
}
