#include <unistd.h>

#include <iostream>

#include "ingest/pipeline.h"
#include "ingest/reader/document_reader.h"
#include "ingest/resolve/person_resolver.h"
#include "graph/text_util.h"
#include "query/cli/command.h"

namespace presskg::query {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  std::string db;
  bool quiet = false;
};

// A one-line progress bar on a terminal; silent otherwise.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), tty_(isatty(STDERR_FILENO) == 1) {}
  void Step(const std::string& name) {
    ++done_;
    if (!tty_) return;
    constexpr int kWidth = 30;
    int filled = total_ == 0 ? kWidth : static_cast<int>(kWidth * done_ / total_);
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
              << done_ << "/" << total_ << " " << name.substr(0, 40) << "\033[K" << std::flush;
  }
  void Finish() {
    if (tty_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  std::size_t total_;
  std::size_t done_ = 0;
  bool tty_;
};

int RunIngest(const IngestOptions& options) {
  auto store = OpenStoreOrReport(options.db, /*read_only=*/false);
  if (!store.ok()) return kExitError;
  ingest::ReadBatch batch = ingest::ReadPaths(options.paths);
  std::vector<std::string> problems;
  for (const ingest::ReadError& error : batch.errors) problems.push_back(error.ToString());
  std::size_t committed = 0, unchanged = 0, facts = 0, literals = 0, entities = 0, edges = 0;
  Progress progress(batch.documents.size());
  for (const ingest::RawDocument& doc : batch.documents) {
    progress.Step(doc.name);
    // A body already in the store is skipped before extraction (the costly part), so a re-run
    // after an interruption only reads what is missing.
    Result<std::optional<graph::NodeId>> known =
        (*store)->Snapshot()->FindDocumentByHash(Sha256Hex(doc.text));
    if (known.ok() && known->has_value()) {
      ++unchanged;
      continue;
    }
    Result<graph::DocumentGraph> graph = ingest::BuildDocumentGraph(doc);
    if (!graph.ok()) {
      problems.push_back(doc.source + ": " + graph.status().message());
      continue;
    }
    // Persons named differently ("R Mezzour", "Ryad Mezzour") join when names and context agree.
    Status resolved = ingest::ResolvePersonsAgainstStore(*(*store)->Snapshot(), &*graph);
    if (!resolved.ok()) {
      problems.push_back(doc.source + ": " + resolved.message());
      continue;
    }
    Result<graph::CommitResult> result = (*store)->CommitDocument(*graph);
    if (!result.ok()) {
      problems.push_back(doc.source + ": " + result.status().message());
      continue;
    }
    if (result->already_present) {
      ++unchanged;
      continue;
    }
    ++committed;
    facts += graph->facts.size();
    literals += graph->literals.size();
    entities += result->nodes_created;
    edges += result->edges_created;
  }
  progress.Finish();
  for (const std::string& problem : problems) ReportError("skipped " + problem);
  if (!options.quiet) {
    for (const ingest::ReadError& skipped : batch.skipped) {
      std::cerr << "presskg: ignored " << skipped.ToString() << "\n";
    }
  }
  std::cout << "documents: " << committed << " ingested, " << unchanged
            << " already in the store, " << problems.size() << " skipped with errors\n"
            << "facts: " << facts << " relations, " << literals << " literal facts; "
            << entities << " new entities, " << edges << " new edges\n";
  return problems.empty() ? kExitOk : kExitError;
}

}  // namespace

void AddIngestCommand(CLI::App& root, CommandContext* ctx) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* cmd = root.add_subcommand(
      "ingest", "Extract facts from documents and commit each document atomically to the store");
  cmd->add_option("PATH", options->paths, "Files or folders (.txt, .html, .jsonl)")->required();
  AddDbOption(cmd, &options->db);
  cmd->add_flag("--quiet", options->quiet, "Do not list ignored files");
  cmd->callback([options, ctx] { ctx->exit_code = RunIngest(*options); });
}

}  // namespace presskg::query
