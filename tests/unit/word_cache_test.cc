// The word cache: hits and misses, least-recently-used eviction within the
// byte bound, and many threads at once (run under TSan in CI).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "word_cache.h"

namespace {

using charsiug2p::detail::WordCache;

TEST(WordCache, FindInsertAndCounters) {
  WordCache c(1 << 20);
  EXPECT_FALSE(c.find("k1"));
  c.insert("k1", "v1");
  EXPECT_EQ(*c.find("k1"), "v1");
  c.insert("k1", "v1b");  // refresh: one entry, the new value
  EXPECT_EQ(*c.find("k1"), "v1b");
  EXPECT_EQ(c.hits(), 2u);
  EXPECT_EQ(c.misses(), 1u);
  EXPECT_EQ(c.entries(), 1u);
  EXPECT_EQ(c.bytes(), 2 + 3 + WordCache::kEntryOverhead);
  c.clear();
  EXPECT_EQ(c.entries(), 0u);
  EXPECT_EQ(c.bytes(), 0u);
  EXPECT_FALSE(c.find("k1"));
  EXPECT_EQ(c.misses(), 2u);  // counters survive clear()
}

TEST(WordCache, EvictsLeastRecentlyUsedWithinTheBound) {
  // Small enough for one shard: eviction order is global and exact.
  const size_t entry = 2 + 2 + WordCache::kEntryOverhead;
  WordCache c(3 * entry);
  c.insert("k1", "v1");
  c.insert("k2", "v2");
  c.insert("k3", "v3");
  ASSERT_TRUE(c.find("k1"));  // k1 is now the most recent
  c.insert("k4", "v4");       // evicts k2, the least recently used
  EXPECT_TRUE(c.find("k1"));
  EXPECT_FALSE(c.find("k2"));
  EXPECT_TRUE(c.find("k3"));
  EXPECT_TRUE(c.find("k4"));
  EXPECT_EQ(c.entries(), 3u);
  EXPECT_LE(c.bytes(), c.max_bytes());
  // An entry bigger than the whole bound is simply not kept.
  c.insert("huge", std::string(4 * entry, 'x'));
  EXPECT_FALSE(c.find("huge"));
  EXPECT_EQ(c.entries(), 3u);
}

TEST(WordCache, ManyThreadsStayCorrectAndBounded) {
  WordCache c(256 * 1024);  // several shards, far fewer bytes than the keys need
  const auto value_of = [](int k) { return "value-" + std::to_string(k * 7919); };
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 rng(t);
      std::uniform_int_distribution<int> pick(0, 5000);
      for (int i = 0; i < 20000; ++i) {
        const int k = pick(rng);
        const std::string key = "key-" + std::to_string(k);
        if (auto v = c.find(key)) {
          wrong[t] += *v != value_of(k);
        } else {
          c.insert(key, value_of(k));
        }
        if (i % 1000 == 0 && c.bytes() > c.max_bytes()) ++wrong[t];
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
  EXPECT_EQ(c.hits() + c.misses(), 8u * 20000u);
  EXPECT_GT(c.hits(), 0u);
  EXPECT_LE(c.bytes(), c.max_bytes());
  EXPECT_GT(c.entries(), 0u);
}

}  // namespace
