// Runs the real presskg binary: import-statements and stats.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/test_support.h"

namespace presskg::query {
namespace {

using presskg::testing::CommandResult;
using presskg::testing::PresskgBinary;
using presskg::testing::RunCommand;
using presskg::testing::TempDir;
using presskg::testing::WriteFile;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class CliImportStatsTest : public ::testing::Test {
 protected:
  std::string Quote(const std::string& s) { return "'" + s + "'"; }
  CommandResult Presskg(const std::string& args) {
    return RunCommand(Quote(PresskgBinary().string()) + " " + args);
  }
  // Writes `content` to a file named `name` and imports it into the test store.
  CommandResult Import(const std::string& name, const std::string& content) {
    WriteFile(dir_.path() / name, content);
    return Presskg("import-statements " + Quote(dir_.Sub(name)) + " --db " + Quote(db_));
  }
  nlohmann::json Stats() {
    CommandResult r = Presskg("stats --json --db " + Quote(db_));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  }
  static std::uint64_t Sum(const nlohmann::json& object) {
    std::uint64_t n = 0;
    for (const auto& item : object.items()) n += item.value().get<std::uint64_t>();
    return n;
  }

  TempDir dir_;
  std::string db_ = dir_.Sub("db");
};

constexpr char kAvl[] =
    "AVL Maroc\tsubsidiary_of\tAVL France\n"
    "AVL Maroc\thas_client\tStellantis\n";

TEST_F(CliImportStatsTest, ImportingTheSameStatementsTwiceAddsNoEntitiesOrEdges) {
  CommandResult first = Import("avl.tsv", kAvl);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Contains(first.out, "3 new entities, 2 new edges")) << first.out;
  CommandResult again = Import("avl.tsv", kAvl);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again.out, "already imported")) << again.out;
  // Another file with the same statements: a second source, no new node or edge.
  CommandResult copy = Import("copy.tsv", std::string("# a copy\n") + kAvl);
  ASSERT_EQ(copy.exit_code, 0) << copy.err;
  EXPECT_TRUE(Contains(copy.out, "0 new entities, 0 new edges")) << copy.out;

  nlohmann::json stats = Stats();
  ASSERT_FALSE(stats.is_discarded());
  EXPECT_EQ(stats["nodes_by_kind"]["organization"], 3);
  EXPECT_EQ(stats["nodes_by_kind"]["document"], 2);
  EXPECT_EQ(Sum(stats["edges_by_relation"]), 2U);
  EXPECT_EQ(stats["edges_by_relation"]["subsidiary_of"], 1);
  EXPECT_EQ(stats["edges_by_relation"]["has_client"], 1);
  EXPECT_EQ(stats["documents"], 2);
  EXPECT_EQ(stats["evidence"], 4);
  EXPECT_EQ(stats["literal_facts"], 0);

  CommandResult text = Presskg("stats --db " + Quote(db_));
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_TRUE(Contains(text.out, "documents")) << text.out;
}

TEST_F(CliImportStatsTest, UnknownRelationFailsWithItsLineAndChangesNothing) {
  ASSERT_EQ(Import("avl.tsv", kAvl).exit_code, 0);
  const nlohmann::json before = Stats();
  CommandResult bad = Import("bad.tsv",
                             "# header\n"
                             "AVL Maroc\tpartner_of\tRenault\n"
                             "AVL Maroc\tbest_friend_of\tRenault\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(Contains(bad.err, "bad.tsv:3")) << bad.err;
  EXPECT_TRUE(Contains(bad.err, "best_friend_of")) << bad.err;
  EXPECT_EQ(Stats(), before);

  // Nothing is created for a file that does not parse.
  CommandResult fresh = Presskg("import-statements " + Quote(dir_.Sub("bad.tsv")) + " --db " +
                                Quote(dir_.Sub("fresh")));
  EXPECT_EQ(fresh.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("fresh")));
}

TEST_F(CliImportStatsTest, WrongColumnCountFailsWithItsLine) {
  for (const std::string& line :
       {std::string("AVL Maroc\tsubsidiary_of"),
        std::string("a\tsubsidiary_of\tb\torganization\torganization\tx")}) {
    CommandResult r = Import("cols.tsv", "AVL Maroc\thas_client\tStellantis\n" + line + "\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(Contains(r.err, "cols.tsv:2")) << r.err;
    EXPECT_TRUE(Contains(r.err, "columns")) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(db_));
}

TEST_F(CliImportStatsTest, KindColumnsChooseTheEntityKinds) {
  CommandResult r = Import("people.tsv",
                           "Jean Dupont\thas_role_at\tAVL Maroc\tperson\torganization\n"
                           "Rabat Technopolis\tlocated_in\tMaroc\tplace\tplace\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json stats = Stats();
  EXPECT_EQ(stats["nodes_by_kind"]["person"], 1);
  EXPECT_EQ(stats["nodes_by_kind"]["organization"], 1);
  EXPECT_EQ(stats["nodes_by_kind"]["place"], 2);
  EXPECT_EQ(stats["edges_by_relation"]["has_role_at"], 1);
  EXPECT_EQ(stats["edges_by_relation"]["located_in"], 1);

  CommandResult wrong = Import("wrong.tsv", "AVL\thas_role_at\tStellantis\torganization\n");
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_TRUE(Contains(wrong.err, "wrong.tsv:1")) << wrong.err;
  CommandResult unknown = Import("unknown.tsv", "AVL\tpartner_of\tX\tcompany\n");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(Contains(unknown.err, "company")) << unknown.err;
}

TEST_F(CliImportStatsTest, StatsOfAMissingStoreFails) {
  CommandResult r = Presskg("stats --db " + Quote(dir_.Sub("nothing-here")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "presskg: error:")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("nothing-here")));
}

TEST_F(CliImportStatsTest, HelpOfEachSubcommandExitsZero) {
  for (const std::string command : {"", "import-statements ", "stats "}) {
    CommandResult r = Presskg(command + "--help");
    EXPECT_EQ(r.exit_code, 0) << command << r.err;
    EXPECT_TRUE(Contains(r.out, "--db") || command.empty()) << r.out;
    EXPECT_FALSE(r.out.empty()) << command;
  }
  EXPECT_EQ(Presskg("import-statements").exit_code, 2) << "a missing FILE is a usage error";
}

}  // namespace
}  // namespace presskg::query
