#include <gtest/gtest.h>

#include "metrics.h"
#include "tsv.h"

using namespace charsiug2p::cli;

TEST(Tsv, EscapesEverythingThatCouldBreakALine) {
  EXPECT_EQ(escape_field("a\tb\nc\rd\\e"), "a\\tb\\nc\\rd\\\\e");
  EXPECT_EQ(escape_field(std::string("x\0y", 3)), "x\\x00y");
  EXPECT_EQ(escape_field("\x7f\x1b"), "\\x7F\\x1B");
  EXPECT_EQ(escape_field("\xff"
                         "a\xc3"),
            "\\xFFa\\xC3");
  EXPECT_EQ(escape_field("ˈhɛloʊ"), "ˈhɛloʊ");
  for (std::string s : {std::string("a\tb\n\\\x01\xff\xc3\xa9", 9), std::string("plain")}) {
    const std::string e = escape_field(s);
    EXPECT_EQ(e.find('\t'), std::string::npos);
    EXPECT_EQ(e.find('\n'), std::string::npos);
    EXPECT_EQ(unescape_field(e), s);
  }
}

TEST(Metrics, CodePointEditDistance) {
  EXPECT_EQ(code_point_edit_distance("ˈhɛloʊ", "ˈhɛloʊ"), 0u);
  EXPECT_EQ(code_point_edit_distance("ˈhɛloʊ", "hɛlo"), 2u);  // two code points, 4 bytes
  EXPECT_EQ(code_point_edit_distance("", "abc"), 3u);
  EXPECT_EQ(code_point_edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(code_point_length("ɛʊ"), 2u);
}

TEST(Metrics, CorpusLevelPerAndWer) {
  ErrorCounts c;
  c.add("abc", "abd");                   // 1 edit, ref 3
  c.add("x", "x");                       // 0 edits, ref 1
  EXPECT_DOUBLE_EQ(c.per(), 1.0 / 4.0);  // corpus level, not a mean of ratios
  EXPECT_DOUBLE_EQ(c.wer(), 0.5);
}
