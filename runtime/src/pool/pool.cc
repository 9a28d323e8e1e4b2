// A small fork-join pool: the caller and n-1 workers claim task indices from
// an atomic counter. Runs on one pool are serialized by a mutex so a pool
// can be shared, though each model call usually owns its own.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "chrt/runtime.h"
#include "common/errors.h"

using namespace chrt::detail;

struct chrt_pool {
  std::vector<std::thread> workers;
  std::mutex run_mutex;  // one job at a time

  std::mutex m;
  std::condition_variable start_cv, done_cv;
  uint64_t generation = 0;
  bool stop = false;

  // Current job.
  chrt_task_fn fn = nullptr;
  void* ctx = nullptr;
  int64_t n_tasks = 0;
  std::atomic<int64_t> next{0};
  int32_t busy = 0;
  std::atomic<bool> failed{false};

  void work(int32_t worker) {
    for (;;) {
      const int64_t t = next.fetch_add(1, std::memory_order_relaxed);
      if (t >= n_tasks) return;
      try {
        fn(ctx, t, worker);
      } catch (...) {  // a C++ caller's task threw: report it, never terminate
        failed.store(true);
      }
    }
  }

  void loop(int32_t worker) {
    uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock lock(m);
        start_cv.wait(lock, [&] { return stop || generation != seen; });
        if (stop) return;
        seen = generation;
      }
      work(worker);
      std::lock_guard lock(m);
      if (--busy == 0) done_cv.notify_all();
    }
  }
};

extern "C" {

CHRT_API int chrt_pool_create(int32_t n_threads, chrt_pool** out) {
  return guard([&] {
    if (!out) throw InvalidArgument("chrt_pool_create: out is NULL");
    *out = nullptr;
    if (n_threads < 1 || n_threads > 1024)
      throw InvalidArgument("chrt_pool_create: n_threads must be in 1..1024, got " +
                            std::to_string(n_threads));
    auto pool = std::make_unique<chrt_pool>();
    for (int32_t i = 1; i < n_threads; ++i)
      pool->workers.emplace_back([p = pool.get(), i] { p->loop(i); });
    *out = pool.release();
  });
}

CHRT_API void chrt_pool_free(chrt_pool* pool) {
  if (!pool) return;
  {
    std::lock_guard lock(pool->m);
    pool->stop = true;
  }
  pool->start_cv.notify_all();
  for (auto& t : pool->workers) t.join();
  delete pool;
}

CHRT_API int32_t chrt_pool_size(const chrt_pool* pool) {
  return pool ? static_cast<int32_t>(pool->workers.size()) + 1 : 0;
}

CHRT_API int chrt_pool_run(chrt_pool* pool, int64_t n_tasks, chrt_task_fn fn, void* ctx) {
  if (!pool || !fn) return set_error(CHRT_ERR_INVALID_ARGUMENT, "chrt_pool_run: NULL pool or fn");
  if (n_tasks <= 0) return CHRT_OK;
  std::lock_guard run(pool->run_mutex);
  {
    std::lock_guard lock(pool->m);
    pool->fn = fn;
    pool->ctx = ctx;
    pool->n_tasks = n_tasks;
    pool->next.store(0);
    pool->failed.store(false);
    pool->busy = static_cast<int32_t>(pool->workers.size());
    ++pool->generation;
  }
  pool->start_cv.notify_all();
  pool->work(0);
  std::unique_lock lock(pool->m);
  pool->done_cv.wait(lock, [&] { return pool->busy == 0; });
  if (pool->failed.load())
    return set_error(CHRT_ERR_INTERNAL, "chrt_pool_run: a task threw an exception");
  return CHRT_OK;
}

}  // extern "C"
