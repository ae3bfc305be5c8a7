#include <gtest/gtest.h>

#include <string>

#include "ingest/text/flat_string_map.h"

namespace presskg::ingest {
namespace {

TEST(TextFlatStringMap, InsertsOnceAndFindsByView) {
  FlatStringMap<int> map;
  EXPECT_EQ(map.Find("societe"), nullptr);
  EXPECT_EQ(map.Insert("societe", 1), 1);
  EXPECT_EQ(map.Insert("societe", 2), 1);  // the first value stays
  map.Insert("société", 3);
  map.Insert("", 4);
  ASSERT_NE(map.Find(std::string_view("societe groupe").substr(0, 7)), nullptr);
  EXPECT_EQ(*map.Find("societe"), 1);
  EXPECT_EQ(*map.Find("société"), 3);
  EXPECT_EQ(*map.Find(""), 4);
  EXPECT_FALSE(map.Contains("societ"));
  EXPECT_EQ(map.size(), 3U);
}

TEST(TextFlatStringMap, KeepsEveryEntryWhileGrowing) {
  FlatStringMap<std::size_t> map;
  for (std::size_t i = 0; i < 5000; ++i) map.Insert("w" + std::to_string(i), i);
  ASSERT_EQ(map.size(), 5000U);
  for (std::size_t i = 0; i < 5000; ++i) {
    const std::size_t* v = map.Find("w" + std::to_string(i));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, i);
  }
  EXPECT_FALSE(map.Contains("w5000"));
  map.Insert("w1", 0) += 10;  // the reference returned is the stored value
  EXPECT_EQ(*map.Find("w1"), 11U);
}

}  // namespace
}  // namespace presskg::ingest
