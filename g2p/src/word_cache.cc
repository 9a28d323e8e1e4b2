#include "word_cache.h"

#include <algorithm>
#include <functional>

namespace charsiug2p::detail {

namespace {
// Enough shards that two to a few dozen threads seldom meet on one lock;
// small caches get fewer so that each shard still holds a useful share.
constexpr size_t kMaxShards = 16, kMinShardBytes = 64 * 1024;
}  // namespace

WordCache::WordCache(size_t max_bytes) : max_bytes_(max_bytes) {
  const size_t n = std::clamp<size_t>(max_bytes / kMinShardBytes, 1, kMaxShards);
  shard_bytes_ = max_bytes / n;
  for (size_t i = 0; i < n; ++i) shards_.push_back(std::make_unique<Shard>());
}

WordCache::Shard& WordCache::shard(std::string_view key) {
  // The top bits: the hash table inside a shard uses the low ones.
  const size_t h = std::hash<std::string_view>{}(key);
  return *shards_[(h >> 7) % shards_.size()];
}

std::optional<std::string> WordCache::find(std::string_view key) {
  Shard& s = shard(key);
  {
    std::lock_guard lock(s.mutex);
    if (auto it = s.index.find(key); it != s.index.end()) {
      s.lru.splice(s.lru.begin(), s.lru, it->second);
      hits_.fetch_add(1, std::memory_order_relaxed);
      return it->second->value;
    }
  }
  misses_.fetch_add(1, std::memory_order_relaxed);
  return std::nullopt;
}

void WordCache::insert(std::string_view key, std::string_view value) {
  Entry fresh{std::string(key), std::string(value)};
  const size_t need = cost(fresh);
  if (need > shard_bytes_) return;
  Shard& s = shard(key);
  std::lock_guard lock(s.mutex);
  if (auto it = s.index.find(key); it != s.index.end()) {
    // Another thread computed the same word meanwhile: keep one copy.
    const auto old = it->second;
    s.bytes -= cost(*old);
    s.index.erase(it);
    s.lru.erase(old);
  }
  while (!s.lru.empty() && s.bytes + need > shard_bytes_) {
    s.bytes -= cost(s.lru.back());
    s.index.erase(s.lru.back().key);
    s.lru.pop_back();
  }
  s.lru.push_front(std::move(fresh));
  s.index.emplace(s.lru.front().key, s.lru.begin());
  s.bytes += need;
}

void WordCache::clear() {
  for (auto& s : shards_) {
    std::lock_guard lock(s->mutex);
    s->index.clear();
    s->lru.clear();
    s->bytes = 0;
  }
}

uint64_t WordCache::entries() const {
  uint64_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s->mutex);
    n += s->lru.size();
  }
  return n;
}

uint64_t WordCache::bytes() const {
  uint64_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s->mutex);
    n += s->bytes;
  }
  return n;
}

}  // namespace charsiug2p::detail
