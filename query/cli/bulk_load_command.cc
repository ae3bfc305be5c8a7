// presskg bulk-load: a new store from nodes.csv and edges.csv (the format bench/load_bench writes
// and bench/peers reads), through graph::BulkLoad.

#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/bulk_loader.h"
#include "graph/relation_schema.h"
#include "ingest/resolve/name_key.h"
#include "query/cli/command.h"

namespace presskg::query {
namespace {

struct BulkLoadOptions {
  std::string db;
  std::string nodes;
  std::string edges;
  std::string date;
};

// Splits one CSV line (RFC 4180 quoting, no line breaks inside fields); nullopt when a quote is
// left open.
std::optional<std::vector<std::string>> SplitCsv(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  return fields;
}

std::optional<std::uint64_t> ParseId(const std::string& text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

// Reads one CSV file with `header`, calling `row(fields, line_number)` for each data line.
Status ReadCsv(const std::string& path, std::string_view header,
               const std::function<Status(const std::vector<std::string>&, std::size_t)>& row) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path);
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1) {
      if (line != header) {
        return Status::InvalidArgument(path + ": the first line must be '" + std::string(header) +
                                       "'");
      }
      continue;
    }
    if (line.empty()) continue;
    std::optional<std::vector<std::string>> fields = SplitCsv(line);
    if (!fields || fields->size() != 3) {
      return Status::InvalidArgument(path + ":" + std::to_string(number) +
                                     ": expected 3 comma-separated fields");
    }
    PRESSKG_RETURN_IF_ERROR(row(*fields, number));
  }
  if (in.bad()) return Status::IoError("cannot read " + path);
  return Status::Ok();
}

Result<graph::BulkGraph> ReadGraph(const BulkLoadOptions& options) {
  graph::BulkGraph graph;
  PRESSKG_RETURN_IF_ERROR(ReadCsv(
      options.nodes, "id,name,kind", [&](const std::vector<std::string>& f, std::size_t line) {
        const std::string where = options.nodes + ":" + std::to_string(line) + ": ";
        std::optional<std::uint64_t> id = ParseId(f[0]);
        if (!id || *id != graph.nodes.size()) {
          return Status::InvalidArgument(where + "ids must be 0, 1, 2, ... in order");
        }
        std::optional<graph::NodeKind> kind = graph::ParseNodeKind(f[2]);
        if (!kind || *kind == graph::NodeKind::kDocument) {
          return Status::InvalidArgument(where + "unknown kind '" + f[2] + "'");
        }
        graph::BulkNode node;
        node.kind = *kind;
        node.name = f[1];
        node.name_keys = ingest::MatchKeys(node.name, node.kind);
        if (node.name_keys.empty()) {
          return Status::InvalidArgument(where + "the name has no letter or digit");
        }
        graph.nodes.push_back(std::move(node));
        return Status::Ok();
      }));
  const graph::RelationSchema& schema = graph::RelationSchema::Builtin();
  PRESSKG_RETURN_IF_ERROR(ReadCsv(
      options.edges, "src,dst,relation", [&](const std::vector<std::string>& f, std::size_t line) {
        const std::string where = options.edges + ":" + std::to_string(line) + ": ";
        std::optional<std::uint64_t> src = ParseId(f[0]);
        std::optional<std::uint64_t> dst = ParseId(f[1]);
        if (!src || !dst || *src >= graph.nodes.size() || *dst >= graph.nodes.size()) {
          return Status::InvalidArgument(where + "src and dst must be ids of nodes.csv");
        }
        const graph::RelationType* relation = schema.Find(f[2]);
        if (relation == nullptr) {
          return Status::InvalidArgument(where + "unknown relation '" + f[2] + "'");
        }
        graph.edges.push_back({*src, *dst, relation->id, graph::FactStatus::kStated, 1.0F});
        return Status::Ok();
      }));
  return graph;
}

int RunBulkLoad(const BulkLoadOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Result<graph::BulkGraph> graph = ReadGraph(options);
  if (!graph.ok()) {
    ReportError(graph.status().message());
    return kExitError;
  }
  const auto read = std::chrono::steady_clock::now();
  graph::BulkLoadOptions load_options;
  load_options.document_date = options.date;
  Result<graph::BulkLoadResult> loaded = graph::BulkLoad(options.db, *graph, load_options);
  if (!loaded.ok()) {
    ReportError(loaded.status().message());
    return kExitError;
  }
  const auto done = std::chrono::steady_clock::now();
  auto seconds = [](auto from, auto to) {
    return std::chrono::duration<double>(to - from).count();
  };
  std::cout << "loaded " << graph->nodes.size() << " nodes and " << loaded->edges << " edges into "
            << options.db << " (read " << seconds(start, read) << " s, load " << seconds(read, done)
            << " s); node id = CSV id + " << loaded->first_node << ", the import document is node "
            << loaded->document << "\n";
  return kExitOk;
}

}  // namespace

void AddBulkLoadCommand(CLI::App& root, CommandContext* ctx) {
  auto options = std::make_shared<BulkLoadOptions>();
  CLI::App* cmd = root.add_subcommand(
      "bulk-load",
      "Create a new store from nodes.csv (id,name,kind) and edges.csv (src,dst,relation), fast");
  AddDbOption(cmd, &options->db);
  cmd->add_option("--nodes", options->nodes, "nodes.csv: id,name,kind with ids 0..N-1")->required();
  cmd->add_option("--edges", options->edges, "edges.csv: src,dst,relation (relation name)")
      ->required();
  cmd->add_option("--date", options->date, "ISO date given to every edge's evidence");
  cmd->callback([options, ctx] { ctx->exit_code = RunBulkLoad(*options); });
}

}  // namespace presskg::query
