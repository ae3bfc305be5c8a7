#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/graph_store.h"
#include "query/api/api_service.h"
#include "tests/test_support.h"

namespace presskg::query::testing {

// A real store in a temp dir holding curated statements and the seed press release (French),
// with an ApiService over it whose write token is kToken.
class ApiFixture : public ::testing::Test {
 protected:
  static constexpr const char* kToken = "s3cret-token";

  void SetUp() override;

  // Runs a request through the service and parses the JSON body.
  ApiResponse Call(const std::string& method, const std::string& path,
                   std::multimap<std::string, std::string> params = {}, std::string body = "",
                   std::string token = "");
  nlohmann::json CallJson(const std::string& path,
                          std::multimap<std::string, std::string> params = {},
                          int expected_status = 200);
  // The node id the search index gives `name` (fails the test when absent).
  std::uint64_t IdOf(const std::string& name);

  presskg::testing::TempDir dir_;
  std::unique_ptr<graph::GraphStore> store_;
  std::unique_ptr<ApiService> api_;
};

}  // namespace presskg::query::testing
