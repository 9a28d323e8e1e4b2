// Tiny random-weight checkpoints of every CharsiuG2P configuration (and a
// ReLU one, a tied one, BF16, pytorch_model.bin), each with transformers'
// greedy token ids (tests/data/random/*/golden.tsv, made by
// tools/reference/make_random_checkpoints.py). Exact match required.
#include <gtest/gtest.h>

#include <filesystem>

#include "parity_support.h"

using namespace charsiug2p::detail;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> checkpoint_dirs() {
  std::vector<std::string> dirs;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parity::test_data_dir() + "/random", ec))
    if (e.is_directory()) dirs.push_back(e.path().string());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

class RandomCheckpoint : public ::testing::TestWithParam<std::string> {};

TEST_P(RandomCheckpoint, GreedyIdsEqualTransformers) {
  const auto engine = Engine::load_directory(GetParam());
  const auto rows = parity::read_tsv(GetParam() + "/golden.tsv");
  size_t checked = 0;
  for (const auto& r : rows) {
    if (r[0] == "input") continue;  // header
    std::vector<int32_t> want;
    std::istringstream ids(r[1]);
    for (int32_t id; ids >> id;) want.push_back(id);
    const bool ended = !want.empty() && want.back() == engine->model().config().eos_token_id;
    if (ended) want.pop_back();
    const int max_new = 40;  // max_new_tokens of the generator
    auto got = parity::decode_one(engine->model(), r[0], max_new, nullptr);
    EXPECT_EQ(got, want) << GetParam() << " input " << r[0];
    ++checked;
  }
  EXPECT_GE(checked, 10u);
}

INSTANTIATE_TEST_SUITE_P(All, RandomCheckpoint, ::testing::ValuesIn(checkpoint_dirs()),
                         [](const auto& info) {
                           std::string n = fs::path(info.param).filename().string();
                           for (char& c : n)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RandomCheckpoint);

}  // namespace

TEST(RandomCheckpoints, AllConfigurationsPresent) {
  EXPECT_GE(checkpoint_dirs().size(), 5u) << "tests/data/random should hold tiny8, tiny12, tiny16, "
                                             "small and relu checkpoints";
}
