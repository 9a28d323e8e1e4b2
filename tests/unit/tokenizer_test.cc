#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tokenizer.h"

using namespace charsiug2p::detail;

namespace {
std::string from_hex(const std::string& h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    out += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
  return out;
}
}  // namespace

TEST(Tokenizer, PrefixAndBytes) {
  EXPECT_EQ(prefixed_input("eng-us", "hi", false), "<eng-us>:hi");
  EXPECT_EQ(prefixed_input("eng-us", "hi", true), "<eng-us>: hi");
  const auto ids = encode_bytes("<a>:é");
  const std::vector<int32_t> want = {'<' + 3, 'a' + 3, '>' + 3, ':' + 3, 0xC3 + 3, 0xA9 + 3};
  EXPECT_EQ(ids, want);  // no EOS appended
}

TEST(Tokenizer, RoundTripOfValidText) {
  for (std::string s : {"hello", "ˈhɛloʊ", "пэтырэ", "ภาษาไทย", "漢字かな", "😀 x", ""}) {
    const auto ids = encode_bytes(s);
    EXPECT_EQ(decode_ids(ids), s);
    EXPECT_TRUE(is_valid_utf8(s));
  }
}

TEST(Tokenizer, DecodeDropsSpecialAndOutOfRangeIds) {
  const std::vector<int32_t> ids = {0, 'a' + 3, 1, 2, 259, 383, 'b' + 3};
  EXPECT_EQ(decode_ids(ids), "ab");
}

// Invalid UTF-8 is dropped exactly as CPython's decode(errors="ignore"),
// per tests/data/utf8_ignore.tsv (made by CPython itself).
TEST(Tokenizer, InvalidUtf8DroppedLikePython) {
  std::ifstream in(std::string(CHARSIUG2P_TEST_DATA_DIR) + "/utf8_ignore.tsv");
  ASSERT_TRUE(in);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string input = from_hex(line.substr(0, tab)), want = from_hex(line.substr(tab + 1));
    EXPECT_EQ(drop_invalid_utf8(input), want) << line;
    EXPECT_EQ(is_valid_utf8(input), input == want) << line;
    ++n;
  }
  EXPECT_GE(n, 20);
}
