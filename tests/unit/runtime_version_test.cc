// The runtime's version contract that model libraries rely on at load.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chrt/runtime.h"

TEST(RuntimeVersion, CompatibleOnlyWithSameMajorAndOlderMinor) {
  EXPECT_EQ(chrt_version(), static_cast<uint32_t>(CHRT_VERSION_NUMBER));
  EXPECT_EQ(chrt_check_version(CHRT_VERSION_MAJOR, 0), CHRT_OK);
  EXPECT_EQ(chrt_check_version(CHRT_VERSION_MAJOR, CHRT_VERSION_MINOR), CHRT_OK);
  // A library built against a newer minor or another major must be refused
  // with a message naming both versions.
  EXPECT_EQ(chrt_check_version(CHRT_VERSION_MAJOR, CHRT_VERSION_MINOR + 1), CHRT_ERR_VERSION);
  EXPECT_NE(std::string(chrt_last_error()).find(chrt_version_string()), std::string::npos);
  EXPECT_EQ(chrt_check_version(CHRT_VERSION_MAJOR + 1, 0), CHRT_ERR_VERSION);
  EXPECT_NE(std::string(chrt_last_error()).find(std::to_string(CHRT_VERSION_MAJOR + 1) + ".0"),
            std::string::npos);
  EXPECT_STREQ(chrt_status_name(CHRT_ERR_VERSION), "CHRT_ERR_VERSION");
}

TEST(RuntimeVersion, PoolRunsEveryTaskOnce) {
  chrt_pool* pool = nullptr;
  ASSERT_EQ(chrt_pool_create(3, &pool), CHRT_OK);
  EXPECT_EQ(chrt_pool_size(pool), 3);
  std::vector<int> hits(1000, 0);
  ASSERT_EQ(chrt_pool_run(
                pool, 1000,
                [](void* ctx, int64_t t, int32_t) { ++(*static_cast<std::vector<int>*>(ctx))[t]; },
                &hits),
            CHRT_OK);
  for (int h : hits) EXPECT_EQ(h, 1);
  chrt_pool_free(pool);
  EXPECT_EQ(chrt_pool_create(0, &pool), CHRT_ERR_INVALID_ARGUMENT);
  chrt_pool_free(nullptr);
}
