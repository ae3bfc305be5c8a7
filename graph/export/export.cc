#include "graph/export/export.h"

#include <filesystem>
#include <fstream>

#include "graph/export/export_selection.h"
#include "graph/export/export_writers.h"

namespace presskg::graph {
namespace {

constexpr ExportFormat kAllFormats[] = {ExportFormat::kGraphml, ExportFormat::kGexf,
                                        ExportFormat::kCsv};

Status OpenForWrite(const std::filesystem::path& path, std::ofstream* out) {
  out->open(path, std::ios::binary | std::ios::trunc);
  if (!*out) return Status::IoError("cannot open " + path.string() + " for writing");
  return Status::Ok();
}

}  // namespace

std::string_view ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphml:
      return "graphml";
    case ExportFormat::kGexf:
      return "gexf";
    case ExportFormat::kCsv:
      return "csv";
  }
  return "unknown";
}

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  for (ExportFormat format : kAllFormats) {
    if (ExportFormatName(format) == name) return format;
  }
  return std::nullopt;
}

Status CheckStream(const std::ostream& out, const char* what) {
  if (out.fail()) return Status::IoError(std::string("cannot write ") + what);
  return Status::Ok();
}

Status ExportGraph(const GraphSnapshot& snapshot, ExportFormat format, const ExportFilter& filter,
                   std::ostream& out) {
  if (format == ExportFormat::kCsv) {
    return Status::InvalidArgument(
        "CSV export writes two files (nodes.csv, relationships.csv): give a directory");
  }
  PRESSKG_ASSIGN_OR_RETURN(ExportSelection selection, ExportSelection::Create(snapshot, filter));
  return format == ExportFormat::kGraphml ? WriteGraphml(selection, out)
                                          : WriteGexf(selection, out);
}

Status ExportCsv(const GraphSnapshot& snapshot, const ExportFilter& filter, std::ostream& nodes,
                 std::ostream& relationships) {
  PRESSKG_ASSIGN_OR_RETURN(ExportSelection selection, ExportSelection::Create(snapshot, filter));
  return WriteCsv(selection, nodes, relationships);
}

Status ExportGraphToPath(const GraphSnapshot& snapshot, ExportFormat format,
                         const ExportFilter& filter, const std::string& path) {
  std::filesystem::path target(path);
  if (format != ExportFormat::kCsv) {
    std::ofstream out;
    PRESSKG_RETURN_IF_ERROR(OpenForWrite(target, &out));
    Status status = ExportGraph(snapshot, format, filter, out);
    if (out.fail()) return Status::IoError("cannot write " + target.string());
    return status;
  }
  std::error_code ec;
  std::filesystem::create_directories(target, ec);
  if (ec) return Status::IoError("cannot create directory " + path + ": " + ec.message());
  std::ofstream nodes;
  std::ofstream relationships;
  PRESSKG_RETURN_IF_ERROR(OpenForWrite(target / "nodes.csv", &nodes));
  PRESSKG_RETURN_IF_ERROR(OpenForWrite(target / "relationships.csv", &relationships));
  Status status = ExportCsv(snapshot, filter, nodes, relationships);
  if (nodes.fail()) return Status::IoError("cannot write " + (target / "nodes.csv").string());
  if (relationships.fail()) {
    return Status::IoError("cannot write " + (target / "relationships.csv").string());
  }
  return status;
}

}  // namespace presskg::graph
