// Lexicon TSV parsing (errors naming file:line), duplicate policies, the
// compiled format's round trip and case rule, and its refusal of truncated,
// corrupted or lying files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <unistd.h>

#include "errors.h"
#include "lexicon.h"
#include "lexicon_builder.h"
#include "lexicon_format.h"
#include "lexicon_tsv.h"

namespace {

using namespace charsiug2p::detail;

std::string error_of(const std::function<void()>& f, int* code = nullptr) {
  try {
    f();
  } catch (const ModelError& e) {
    if (code) *code = e.code();
    return e.what();
  }
  return "";
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

std::vector<unsigned char> compiled(const std::string& tsv) {
  LexiconBuilder b(CHARSIUG2P_DUPLICATES_ERROR);
  b.add_tsv(tsv, "t.tsv", "");
  return b.serialize();
}

std::unique_ptr<Lexicon> load(const std::vector<unsigned char>& bytes) {
  return Lexicon::load_memory(bytes.data(), bytes.size(), "test");
}

TEST(LexiconTsv, ThreeOrTwoColumnsCommentsBomCrlfTrimVariants) {
  const std::string text =
      "\xEF\xBB\xBF# a comment\n"
      "eng-us\thello\thəˈloʊ\r\n"
      "\n"
      "ger\t Haus \t haʊs , haus\n";
  const TsvParse p = parse_lexicon_tsv(text, "x.tsv", "");
  ASSERT_TRUE(p.errors.empty()) << p.errors[0];
  ASSERT_EQ(p.entries.size(), 2u);
  EXPECT_EQ(p.entries[0].lang, "eng-us");
  EXPECT_EQ(p.entries[0].pronunciation, "həˈloʊ");
  EXPECT_EQ(p.entries[0].line, 2u);
  EXPECT_EQ(p.entries[1].word, "Haus");
  EXPECT_EQ(p.entries[1].pronunciation, "haʊs");
  EXPECT_EQ(p.entries[1].line, 4u);

  const TsvParse two = parse_lexicon_tsv("a\tb\n", "y.tsv", "fra");
  ASSERT_EQ(two.entries.size(), 1u);
  EXPECT_EQ(two.entries[0].lang, "fra");
}

TEST(LexiconTsv, EveryBadLineIsNamedWithFileAndLine) {
  const std::string text =
      "eng-us\tok\tok\n"        // 1
      "eng-us\tonly two\n"      // 2
      "xx-nope\tword\tpron\n"   // 3
      "eng-us\t\tpron\n"        // 4
      "eng-us\tword\t\n"        // 5
      "eng-us\tba\xff\tpron\n"  // 6
      "eng-us\ta\x01b\tpron\n"  // 7
      "eng-us\t" +
      std::string(1025, 'a') +
      "\tp\n"               // 8
      "eng-us\ta\tb\tc\n";  // 9
  const TsvParse p = parse_lexicon_tsv(text, "bad.tsv", "");
  EXPECT_EQ(p.entries.size(), 1u);
  ASSERT_EQ(p.errors.size(), 8u);
  EXPECT_TRUE(contains(p.errors[0], "bad.tsv:2: expected lang<TAB>word<TAB>pronunciation"));
  EXPECT_TRUE(contains(p.errors[1], "bad.tsv:3: unknown language code 'xx-nope'"));
  EXPECT_TRUE(contains(p.errors[2], "bad.tsv:4: empty word"));
  EXPECT_TRUE(contains(p.errors[3], "bad.tsv:5: empty pronunciation"));
  EXPECT_TRUE(contains(p.errors[4], "bad.tsv:6: word is not valid UTF-8"));
  EXPECT_TRUE(contains(p.errors[5], "bad.tsv:7: word holds a control character"));
  EXPECT_TRUE(contains(p.errors[6], "bad.tsv:8: word is 1025 bytes; the limit is 1024"));
  EXPECT_TRUE(contains(p.errors[7], "bad.tsv:9: expected"));
  EXPECT_TRUE(contains(parse_lexicon_tsv("a\tb\tc\n", "z", "eng-us").errors.at(0),
                       "z:1: expected word<TAB>pronunciation"));
}

TEST(LexiconBuilder, BadTextAddsNothing) {
  LexiconBuilder b(CHARSIUG2P_DUPLICATES_ERROR);
  int code = 0;
  const std::string e = error_of([&] { b.add_tsv("eng-us\ta\tb\neng-us\tc\n", "f", ""); }, &code);
  EXPECT_EQ(code, CHARSIUG2P_ERR_LEXICON_FORMAT);
  EXPECT_TRUE(contains(e, "1 bad lexicon entry:\nf:2: expected")) << e;
  EXPECT_EQ(b.size(), 0u);
  // Many bad lines: 20 listed, the rest counted.
  std::string many;
  for (int i = 0; i < 25; ++i) many += "bad line\n";
  const std::string m = error_of([&] { b.add_tsv(many, "m", ""); });
  EXPECT_TRUE(contains(m, "25 bad lexicon entries")) << m;
  EXPECT_TRUE(contains(m, "m:20:"));
  EXPECT_FALSE(contains(m, "m:21:"));
  EXPECT_TRUE(contains(m, "... and 5 more"));
}

TEST(LexiconBuilder, DuplicatePolicies) {
  const std::string first = "eng-us\tread\tɹid\neng-us\tsame\tx\n";
  const std::string second = "eng-us\tsame\tx\neng-us\tread\tɹɛd\n";
  {
    LexiconBuilder b(CHARSIUG2P_DUPLICATES_ERROR);
    b.add_tsv(first, "a.tsv", "");
    const std::string e = error_of([&] { b.add_tsv(second, "b.tsv", ""); });
    EXPECT_TRUE(contains(e, "b.tsv:2: duplicate entry for eng-us 'read' (first at a.tsv:1)")) << e;
    EXPECT_EQ(b.size(), 2u);
    // Within one text as well.
    LexiconBuilder c(CHARSIUG2P_DUPLICATES_ERROR);
    EXPECT_TRUE(contains(error_of([&] { c.add_tsv("eng-us\tw\ta\neng-us\tw\tb\n", "c", ""); }),
                         "c:2: duplicate entry for eng-us 'w' (first at c:1)"));
    EXPECT_EQ(c.size(), 0u);
  }
  for (auto [policy, want] : {std::pair{CHARSIUG2P_DUPLICATES_FIRST, "ɹid"},
                              std::pair{CHARSIUG2P_DUPLICATES_LAST, "ɹɛd"}}) {
    LexiconBuilder b(policy);
    b.add_tsv(first, "a.tsv", "");
    b.add_tsv(second, "b.tsv", "");
    b.add("eng-us", "read", policy == CHARSIUG2P_DUPLICATES_LAST ? "ɹɛd" : "zzz");
    const auto lex = load(b.serialize());
    EXPECT_EQ(lex->size(), 2u);
    EXPECT_EQ(*lex->find("eng-us", "read"), want);
  }
}

TEST(Lexicon, RoundTripAndCaseRule) {
  const auto lex =
      load(compiled("eng-us\thello\thəˈloʊ\n"
                    "eng-us\tUS\tjuˈɛs\n"
                    "eng-us\tus\tʌs\n"
                    "eng-us\tNASA\tˈnæsə\n"
                    "ger\täpfel\tˈʔɛpfəl\n"
                    "rus\tдом\tdom\n"
                    "eng-uk\thello\thəˈləʊ\n"));
  EXPECT_EQ(lex->size(), 7u);
  EXPECT_EQ(*lex->lookup("eng-us", "hello"), "həˈloʊ");
  EXPECT_EQ(*lex->lookup("eng-us", "Hello"), "həˈloʊ");
  EXPECT_EQ(*lex->lookup("eng-us", "HELLO"), "həˈloʊ");
  EXPECT_EQ(*lex->lookup("eng-uk", "Hello"), "həˈləʊ");
  EXPECT_EQ(*lex->lookup("eng-us", "US"), "juˈɛs");
  EXPECT_EQ(*lex->lookup("eng-us", "Us"), "ʌs");
  EXPECT_EQ(*lex->lookup("eng-us", "NASA"), "ˈnæsə");
  EXPECT_FALSE(lex->lookup("eng-us", "nasa"));  // capitals in an entry: exact only
  EXPECT_EQ(*lex->lookup("ger", "Äpfel"), "ˈʔɛpfəl");
  EXPECT_EQ(*lex->lookup("rus", "ДОМ"), "dom");
  EXPECT_FALSE(lex->lookup("ger", "hello"));
  EXPECT_FALSE(lex->lookup("eng-us", "hell"));
  EXPECT_FALSE(lex->lookup("eng-us", "helloo"));
  EXPECT_FALSE(lex->lookup("eng-us", "\xff"));
  // The view ends in a NUL (the C API hands it out as a C string).
  const auto p = lex->lookup("eng-us", "hello");
  EXPECT_EQ(p->data()[p->size()], '\0');

  const auto empty = load(compiled(""));
  EXPECT_EQ(empty->size(), 0u);
  EXPECT_FALSE(empty->lookup("eng-us", "hello"));
}

TEST(Lexicon, MappedFileMatchesMemory) {
  const auto bytes = compiled("eng-us\thello\th\nfra\tchat\tʃa\n");
  const std::string path = ::testing::TempDir() + "lex_" + std::to_string(::getpid()) + ".g2plex";
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  const auto lex = Lexicon::load_file(path);
  EXPECT_EQ(lex->size(), 2u);
  EXPECT_EQ(*lex->lookup("fra", "Chat"), "ʃa");
  std::filesystem::remove(path);
  try {
    Lexicon::load_file(path);
    FAIL();
  } catch (const chrt::Failure& e) {
    EXPECT_EQ(e.status(), CHRT_ERR_IO);
    EXPECT_TRUE(contains(e.what(), path));
  }
}

TEST(Lexicon, EveryTruncationAndEveryByteFlipIsRefused) {
  const auto good = compiled("eng-us\thello\th\nfra\tchat\tʃa\nger\tHaus\thaʊs\n");
  for (size_t n = 0; n < good.size(); ++n) {
    int code = 0;
    const std::string e = error_of([&] { Lexicon::load_memory(good.data(), n, "cut"); }, &code);
    EXPECT_EQ(code, CHARSIUG2P_ERR_LEXICON_FORMAT) << n;
    EXPECT_TRUE(contains(e, "cut: ")) << e;
  }
  for (size_t i = 0; i < good.size(); ++i) {
    auto bad = good;
    bad[i] ^= 0x20;
    int code = 0;
    error_of([&] { load(bad); }, &code);
    EXPECT_NE(code, 0) << "flip at byte " << i << " accepted";
  }
}

// A file that lies consistently: its checksum is recomputed after the edit,
// so only the structural checks can catch it.
std::string lying(std::vector<unsigned char> bytes,
                  std::initializer_list<std::pair<size_t, uint32_t>> edits) {
  using namespace lexfmt;
  for (const auto& [at, value] : edits) store32(&bytes[at], value);
  store64(&bytes[kOffChecksum], checksum(bytes.data(), bytes.size()));
  int code = 0;
  std::string e = error_of([&] { load(bytes); }, &code);
  return e.empty() ? "accepted" : std::to_string(code) + " " + e;
}

TEST(Lexicon, LyingFilesFailWithTheProblemNamed) {
  using namespace lexfmt;
  const auto good = compiled("eng-us\tb\tx\neng-us\ta\ty\n");
  const size_t e0 = kHeaderSize, e1 = kHeaderSize + kEntrySize;
  const uint32_t key0 = load32(&good[e0]);
  EXPECT_TRUE(contains(lying(good, {{kOffVersion, 2}}), "4 test: lexicon format version 2"));
  EXPECT_TRUE(contains(lying(good, {{kOffCount, 3}}), "section offsets"));
  EXPECT_TRUE(contains(lying(good, {{kOffCount, 0xFFFFFFFF}}), "section offsets"));
  EXPECT_TRUE(contains(lying(good, {{kOffFlags, 1}}), "unknown flags"));
  EXPECT_TRUE(contains(lying(good, {{kOffFileSize, 9999}}), "header says 9999 bytes"));
  EXPECT_TRUE(contains(lying(good, {{kOffStrings, 1}}), "section offsets"));
  EXPECT_TRUE(contains(lying(good, {{e0, 0xFFFFFFF0}}), "entry 0 points outside"));
  EXPECT_TRUE(contains(lying(good, {{e0 + 4, 0xFFFFFFFF}}), "entry 0 points outside"));
  EXPECT_TRUE(contains(lying(good, {{e0 + 4, 2}}), "entry 0 points outside"));  // no NUL there
  EXPECT_TRUE(contains(lying(good, {{e1, key0}}), "not strictly sorted at entry 1"));
  const uint32_t pron0 = load32(&good[e0 + 8]);  // "y": a key without a tab
  EXPECT_TRUE(contains(lying(good, {{e0, pron0}, {e0 + 4, 1}}), "entry 0 has no language"));
  auto bad_lang = good;
  bad_lang[load64(&good[kOffStrings]) + key0] = 'x';  // "xng-us"
  store64(&bad_lang[kOffChecksum], checksum(bad_lang.data(), bad_lang.size()));
  EXPECT_TRUE(contains(error_of([&] { load(bad_lang); }), "unknown language code 'xng-us'"));
  EXPECT_TRUE(
      contains(error_of([&] { Lexicon::load_memory("CG2PLEX", 8, "m"); }), "truncated: 8 bytes"));
  EXPECT_TRUE(contains(error_of([&] { Lexicon::load_memory("CG2PLEY", 8, "m"); }), "bad magic"));
  EXPECT_TRUE(contains(error_of([&] { Lexicon::load_memory("", 0, "m"); }), "bad magic"));
  std::vector<unsigned char> junk(100, 'a');
  EXPECT_TRUE(contains(error_of([&] { load(junk); }), "bad magic"));
}

}  // namespace
