// A bounded, thread-safe cache of recent answers (see charsiug2p_cache in
// charsiug2p.h): sharded so that threads rarely wait on one another, least
// recently used entries evicted per shard to keep accounted bytes bounded.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace charsiug2p::detail {

class WordCache {
 public:
  // Accounted per entry on top of its key and value bytes: list and hash
  // nodes, string headers (kept equal to CHARSIUG2P_CACHE_ENTRY_OVERHEAD).
  static constexpr size_t kEntryOverhead = 128;

  explicit WordCache(size_t max_bytes);

  // The value, copied out, counting a hit or a miss.
  std::optional<std::string> find(std::string_view key);
  // Inserts or refreshes; evicts least recently used entries of the shard.
  // An entry larger than a shard's share of max_bytes is not kept.
  void insert(std::string_view key, std::string_view value);
  void clear();

  uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }
  uint64_t entries() const;
  uint64_t bytes() const;
  uint64_t max_bytes() const { return max_bytes_; }

 private:
  struct Entry {
    std::string key, value;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::list<Entry> lru;                                                    // most recent first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index;  // views into lru
    size_t bytes = 0;
  };
  Shard& shard(std::string_view key);
  static size_t cost(const Entry& e) { return e.key.size() + e.value.size() + kEntryOverhead; }

  const size_t max_bytes_;
  size_t shard_bytes_;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::atomic<uint64_t> hits_{0}, misses_{0};
};

}  // namespace charsiug2p::detail
