#include <iostream>

#include "query/api/api_service.h"
#include "query/api/entity_lookup.h"
#include "query/cli/command.h"

// search, entity, neighbors and path: the command-line face of the JSON API. Each runs the same
// handler as the server, in process, and prints its JSON (--json) or a readable summary.
namespace presskg::query {
namespace {

using nlohmann::json;

struct QueryOptions {
  std::string db;
  bool json = false;
  std::string lang = "en";
  std::vector<std::string> args;  // positional: TEXT / NAME / FROM TO
  std::map<std::string, std::string> params;
};

std::string Label(const json& edge, const std::string& lang, bool inverse) {
  std::string key = std::string(inverse ? "inverse_label_" : "label_") + lang;
  return edge.value(key, edge.value("relation", std::string("?")));
}

void PrintSearch(const json& body) {
  for (const json& hit : body["results"]) {
    std::cout << hit["id"].get<std::uint64_t>() << "\t" << hit["kind"].get<std::string>() << "\t"
              << hit["label"].get<std::string>() << "\t(" << hit["match"].get<std::string>()
              << ", " << hit["documents"].get<std::uint64_t>() << " documents)\n";
  }
  if (body["results"].empty()) std::cout << "no entity matches\n";
}

void PrintEntity(const json& body, const std::string& lang) {
  std::cout << body["label"].get<std::string>() << "  [" << body["kind"].get<std::string>()
            << ", id " << body["id"].get<std::uint64_t>() << "]\n";
  if (!body["label_fr"].get<std::string>().empty()) {
    std::cout << "  fr: " << body["label_fr"].get<std::string>() << "\n";
  }
  if (!body["label_en"].get<std::string>().empty()) {
    std::cout << "  en: " << body["label_en"].get<std::string>() << "\n";
  }
  for (const json& alias : body["aliases"]) {
    std::cout << "  alias: " << alias["name"].get<std::string>() << " ("
              << alias["documents"].size() << " documents)\n";
  }
  for (const json& fact : body["facts"]) {
    std::cout << "  " << fact["type"].get<std::string>() << ": " << fact["value"].dump();
    if (fact["properties"].contains("text")) {
      std::cout << " (" << fact["properties"]["text"].get<std::string>() << ")";
    }
    std::cout << "  <- " << fact["evidence"]["sentence"].get<std::string>() << "\n";
  }
  std::cout << "  " << body["degree"].get<std::uint64_t>() << " adjacent edges; relation labels in "
            << lang << "\n";
}

void PrintNeighbors(const json& body, const std::string& lang) {
  for (const json& edge : body["edges"]) {
    const bool out = edge["direction"] == "out";
    std::cout << std::string(2 * edge["depth"].get<int>(), ' ')
              << (out ? "-[" : "<-[") << Label(edge, lang, false) << (out ? "]-> " : "]- ")
              << edge["neighbor"]["label"].get<std::string>() << "  ("
              << edge["neighbor"]["kind"].get<std::string>() << ", "
              << edge["sources"].get<std::uint64_t>() << " sources, "
              << edge["status"].get<std::string>() << ")\n";
  }
  std::cout << body["total"].get<std::uint64_t>() << " neighbours\n";
}

void PrintPaths(const json& body, const std::string& lang) {
  if (body["paths"].empty()) std::cout << "no path\n";
  int n = 0;
  for (const json& path : body["paths"]) {
    std::cout << "path " << ++n << " (" << path["hops"].size() << " hops)\n";
    for (std::size_t i = 0; i < path["hops"].size(); ++i) {
      const json& hop = path["hops"][i];
      std::cout << "  " << path["nodes"][i]["label"].get<std::string>() << " "
                << (hop["forward"].get<bool>() ? "-[" : "<-[") << Label(hop["edge"], lang, false)
                << (hop["forward"].get<bool>() ? "]-> " : "]- ")
                << path["nodes"][i + 1]["label"].get<std::string>() << "\n";
      for (const json& e : hop["evidence"]) {
        std::cout << "      \"" << e["sentence"].get<std::string>() << "\" ("
                  << e.value("document_title", std::string()) << ", " << e["date"].get<std::string>()
                  << ")\n";
      }
    }
  }
}

int RunQuery(const std::string& what, const QueryOptions& options) {
  auto store = OpenStoreOrReport(options.db, /*read_only=*/true);
  if (!store.ok()) return kExitError;
  Result<std::unique_ptr<ApiService>> api = ApiService::Create(store->get(), "");
  if (!api.ok()) {
    ReportError(api.status().message());
    return kExitError;
  }
  ApiRequest request;
  request.method = "GET";
  for (const auto& [key, value] : options.params) {
    if (!value.empty()) request.params.emplace(key, value);
  }
  // Names may hold any character: resolve them to an id before building the path.
  auto resolve = [&](const std::string& ref) -> Result<std::string> {
    PRESSKG_ASSIGN_OR_RETURN(graph::NodeId id, ResolveEntityRef(*(*store)->Snapshot(), ref));
    return std::to_string(id);
  };
  Result<std::string> ref = std::string();
  if (what == "entity" || what == "neighbors") ref = resolve(options.args.at(0));
  if (!ref.ok()) {
    ReportError(ref.status().message());
    return kExitError;
  }
  if (what == "search") {
    request.path = "/api/v1/search";
    request.params.emplace("q", options.args.at(0));
  } else if (what == "entity") {
    request.path = "/api/v1/entities/" + *ref;
  } else if (what == "neighbors") {
    request.path = "/api/v1/entities/" + *ref + "/neighbors";
  } else {
    request.path = "/api/v1/path";
    request.params.emplace("from", options.args.at(0));
    request.params.emplace("to", options.args.at(1));
  }
  ApiResponse response = (*api)->Handle(request);
  json body = json::parse(response.body, nullptr, false);
  if (response.status != 200) {
    ReportError(body.is_object() && body.contains("error")
                    ? body["error"]["message"].get<std::string>()
                    : response.body);
    return kExitError;
  }
  if (options.json) {
    std::cout << body.dump(2) << "\n";
  } else if (what == "search") {
    PrintSearch(body);
  } else if (what == "entity") {
    PrintEntity(body, options.lang);
  } else if (what == "neighbors") {
    PrintNeighbors(body, options.lang);
  } else {
    PrintPaths(body, options.lang);
  }
  return kExitOk;
}

CLI::App* AddQueryCommand(CLI::App& root, CommandContext* ctx, const std::string& name,
                          const std::string& help, std::shared_ptr<QueryOptions> options) {
  CLI::App* cmd = root.add_subcommand(name, help);
  AddDbOption(cmd, &options->db);
  cmd->add_flag("--json", options->json, "Print the JSON the HTTP API returns");
  cmd->add_option("--lang", options->lang, "Language of relation labels (fr or en)")
      ->check(CLI::IsMember({"fr", "en"}))
      ->capture_default_str();
  cmd->callback([options, ctx, name] { ctx->exit_code = RunQuery(name, *options); });
  return cmd;
}

void AddFilterOptions(CLI::App* cmd, QueryOptions* options) {
  cmd->add_option("--relation", options->params["relation"], "Only these relations (a,b)");
  cmd->add_option("--kind", options->params["kind"], "Only these entity kinds (a,b)");
  cmd->add_option("--status", options->params["status"], "Only these statuses (stated,planned,denied)");
  cmd->add_option("--min-sources", options->params["min_sources"], "Only edges with this many sources");
  cmd->add_option("--since", options->params["since"], "Only edges with evidence on or after DATE");
  cmd->add_option("--until", options->params["until"], "Only edges with evidence on or before DATE");
}

}  // namespace

void AddQueryCommands(CLI::App& root, CommandContext* ctx) {
  auto search = std::make_shared<QueryOptions>();
  CLI::App* cmd = AddQueryCommand(root, ctx, "search",
                                  "Find entities by any name or alias (accent/case-insensitive)", search);
  cmd->add_option("TEXT", search->args, "Text to look for")->required()->expected(1);
  cmd->add_option("--limit", search->params["limit"], "Most results");

  auto entity = std::make_shared<QueryOptions>();
  cmd = AddQueryCommand(root, ctx, "entity", "Show an entity: names, aliases, literal facts", entity);
  cmd->add_option("NAME", entity->args, "Entity id or name")->required()->expected(1);

  auto neighbors = std::make_shared<QueryOptions>();
  cmd = AddQueryCommand(root, ctx, "neighbors", "What an entity is tied to", neighbors);
  cmd->add_option("NAME", neighbors->args, "Entity id or name")->required()->expected(1);
  cmd->add_option("--depth", neighbors->params["depth"], "Hops, 1 to 3 (default 1)");
  cmd->add_option("--direction", neighbors->params["direction"], "out, in or both (default both)");
  cmd->add_option("--limit", neighbors->params["limit"], "Page size (default 100)");
  cmd->add_option("--offset", neighbors->params["offset"], "Page start");
  AddFilterOptions(cmd, neighbors.get());

  auto path = std::make_shared<QueryOptions>();
  cmd = AddQueryCommand(root, ctx, "path", "How two entities are connected, hop by hop with evidence", path);
  cmd->add_option("FROM TO", path->args, "Two entity ids or names")->required()->expected(2);
  cmd->add_option("-k", path->params["k"], "Number of shortest simple paths, 1 to 10 (default 1)");
  cmd->add_option("--max-hops", path->params["max_hops"], "Longest path (default 6)");
  cmd->add_option("--directed", path->params["directed"], "true: follow edges in their direction only");
  cmd->add_option("--all", path->params["all"], "true: every shortest path (bounded)");
  cmd->add_option("--max-degree", path->params["max_degree"], "Avoid hubs with more edges than this");
  cmd->add_option("--as-of", path->params["as_of"], "Only edges first seen on or before DATE");
  AddFilterOptions(cmd, path.get());
}

}  // namespace presskg::query
