// Runs the real presskg binary: merge, corrections, revert (unmerge) and split, and shows that a
// merge survives later ingests and re-ingests.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/test_support.h"

namespace presskg::query {
namespace {

using nlohmann::json;
using presskg::testing::CommandResult;
using presskg::testing::PresskgBinary;
using presskg::testing::RunCommand;
using presskg::testing::TempDir;
using presskg::testing::WriteFile;

class CliCorrectionsTest : public ::testing::Test {
 protected:
  static std::string Quote(const std::string& s) { return "'" + s + "'"; }
  CommandResult Presskg(const std::string& args) {
    return RunCommand(Quote(PresskgBinary().string()) + " " + args + " --db " + Quote(db_));
  }
  void Import(const std::string& name, const std::string& content) {
    WriteFile(dir_.path() / name, content);
    CommandResult r = Presskg("import-statements " + Quote(dir_.Sub(name)));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  json Json(const std::string& args) {
    CommandResult r = Presskg(args + " --json");
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.err;
    return json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  }
  // Labels of the neighbours of `name`.
  std::set<std::string> Neighbors(const std::string& name) {
    std::set<std::string> out;
    const json body = Json("neighbors " + Quote(name));
    for (const json& edge : body["edges"]) {
      out.insert(edge["neighbor"]["label"].get<std::string>());
    }
    return out;
  }

  TempDir dir_;
  std::string db_ = dir_.Sub("db");
};

TEST_F(CliCorrectionsTest, MergeSurvivesLaterIngestsAndCanBeUndone) {
  Import("a.tsv", "Acme Widgets\thas_client\tBeta Motors\n");
  Import("b.tsv", "AW Group\thas_client\tGamma Cars\n");
  const std::uint64_t acme = Json("entity 'Acme Widgets'")["id"];
  const std::uint64_t aw = Json("entity 'AW Group'")["id"];
  ASSERT_NE(acme, aw);

  CommandResult refused = Presskg("merge 'Acme Widgets' 'AW Group'");
  EXPECT_NE(refused.exit_code, 0);  // --why is required
  json merge = Json("merge 'Acme Widgets' 'AW Group' --why 'AW Group is the trading name of Acme'");
  EXPECT_EQ(merge["kind"], "merge");
  EXPECT_EQ(merge["to"]["id"], acme);
  EXPECT_EQ(Neighbors("Acme Widgets"), (std::set<std::string>{"Beta Motors", "Gamma Cars"}));

  // Later documents naming the absorbed entity land on the kept one; re-ingesting a document
  // already in the store changes nothing.
  Import("c.tsv", "AW Group\tpartner_of\tDelta Logistics\n");
  Import("b.tsv", "AW Group\thas_client\tGamma Cars\n");
  EXPECT_EQ(Json("entity 'AW Group'")["id"], acme);
  EXPECT_EQ(Neighbors("Acme Widgets"),
            (std::set<std::string>{"Beta Motors", "Gamma Cars", "Delta Logistics"}));
  json stats = Json("stats");
  EXPECT_EQ(stats["nodes_by_kind"]["organization"], 4);
  EXPECT_EQ(stats["corrections"], 1);

  json log = Json("corrections --entity " + std::to_string(acme));
  ASSERT_EQ(log.size(), 1U);
  EXPECT_EQ(log[0]["why"], "AW Group is the trading name of Acme");

  // Unmerge: the absorbed entity comes back with exactly what the merge moved; the fact read
  // after the merge stays where it was resolved.
  json revert = Json("unmerge " + std::to_string(merge["id"].get<int>()) + " --why 'two firms'");
  EXPECT_EQ(revert["kind"], "revert");
  // Both entities now carry the name "AW Group" (the later document used it for Acme).
  EXPECT_EQ(Json("entity " + std::to_string(aw))["id"], aw);
  EXPECT_EQ(Neighbors(std::to_string(aw)), std::set<std::string>{"Gamma Cars"});
  EXPECT_EQ(Neighbors("Acme Widgets"), (std::set<std::string>{"Beta Motors", "Delta Logistics"}));
  CommandResult twice = Presskg("revert " + std::to_string(merge["id"].get<int>()) + " --why x");
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("already reverted"), std::string::npos) << twice.err;
}

TEST_F(CliCorrectionsTest, SplitNeedsAKnownAliasAndLeavesTheRest) {
  Import("a.tsv", "Acme Widgets\thas_client\tBeta Motors\n");
  CommandResult bad = Presskg("split 'Acme Widgets' --alias 'Nope' --why test");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("is not a name of entity"), std::string::npos) << bad.err;
  CommandResult all = Presskg("split 'Acme Widgets' --alias 'Acme Widgets' --why test");
  EXPECT_EQ(all.exit_code, 1);
  EXPECT_NE(all.err.find("at least one name"), std::string::npos) << all.err;
  EXPECT_EQ(Json("corrections").size(), 0U);
}

}  // namespace
}  // namespace presskg::query
