#include "ingest/reader/document_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "ingest/reader/html_reader.h"
#include "ingest/reader/jsonl_reader.h"
#include "ingest/reader/text_reader.h"

namespace presskg::ingest {
namespace {

namespace fs = std::filesystem;

struct ExtensionFormat {
  std::string_view extension;
  DocumentFormat format;
};
constexpr ExtensionFormat kExtensions[] = {
    {".txt", DocumentFormat::kText},         {".text", DocumentFormat::kText},
    {".md", DocumentFormat::kText},          {".html", DocumentFormat::kHtml},
    {".htm", DocumentFormat::kHtml},         {".jsonl", DocumentFormat::kJsonLines},
    {".ndjson", DocumentFormat::kJsonLines},
};

// The format of a file with an unknown extension, from its first non-blank byte.
DocumentFormat SniffFormat(std::string_view bytes) {
  const std::size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos) return DocumentFormat::kText;
  if (bytes[first] == '<') return DocumentFormat::kHtml;
  if (bytes[first] == '{') return DocumentFormat::kJsonLines;
  return DocumentFormat::kText;
}

// `message` without the leading file name that the parsers put there: ReadError.path has it.
std::string WithoutName(const std::string& message, const std::string& name) {
  if (message.starts_with(name + ": ")) return message.substr(name.size() + 2);
  if (message.starts_with(name + " ")) return message.substr(name.size() + 1);
  return message;
}

void ReadFile(const std::string& path, bool by_content, const ReaderOptions& options,
              ReadBatch* batch) {
  Result<std::string> bytes = ReadFileBytes(path, options.max_file_bytes);
  if (!bytes.ok()) {
    batch->errors.push_back({path, WithoutName(bytes.status().message(), path), 0});
    return;
  }
  DocumentFormat format = FormatForPath(path);
  if (format == DocumentFormat::kUnknown && by_content) format = SniffFormat(*bytes);
  const std::string name = fs::path(path).filename().string();
  if (format == DocumentFormat::kJsonLines) {
    JsonLinesResult result = ParseJsonLines(name, *bytes);
    for (RawDocument& document : result.documents) {
      document.source = path;
      batch->documents.push_back(std::move(document));
    }
    for (ReadError& error : result.errors) {
      error.path = path;
      error.reason = WithoutName(error.reason, name);
      batch->errors.push_back(std::move(error));
    }
    return;
  }
  Result<RawDocument> document = format == DocumentFormat::kHtml ? ParseHtmlDocument(name, *bytes)
                                                                 : ParseTextDocument(name, *bytes);
  if (!document.ok()) {
    batch->errors.push_back({path, WithoutName(document.status().message(), name), 0});
    return;
  }
  document->source = path;
  batch->documents.push_back(std::move(document).value());
}

bool IsHidden(const fs::path& path) { return path.filename().string().starts_with('.'); }

// A folder's own documentation (README, LICENSE, ...: any extension, any case): it describes the
// folder, it is not a press release. Only skipped when walking a folder; named files are read.
bool IsFolderDocumentation(const fs::path& path) {
  std::string stem = path.stem().string();
  std::transform(stem.begin(), stem.end(), stem.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (std::string_view name : {"README", "LICENSE", "LICENCE", "NOTICE", "COPYING", "AUTHORS",
                                "CHANGELOG", "CONTRIBUTING"}) {
    if (stem == name) return true;
  }
  return false;
}

void ReadFolder(const std::string& folder, const ReaderOptions& options, ReadBatch* batch) {
  std::vector<std::string> files;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::error_code entry_error;  // e.g. a dangling link: not a file, and not fatal to the walk
    if (IsHidden(it->path())) {
      if (it->is_directory(entry_error)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(entry_error)) files.push_back(it->path().string());
  }
  if (error) batch->errors.push_back({folder, "cannot list folder: " + error.message(), 0});
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    if (IsFolderDocumentation(file)) {
      batch->skipped.push_back({file, "the folder's documentation, not a press release", 0});
      continue;
    }
    if (FormatForPath(file) == DocumentFormat::kUnknown) {
      const std::string extension = fs::path(file).extension().string();
      batch->skipped.push_back(
          {file,
           extension.empty() ? "no file extension" : "unsupported extension '" + extension + "'",
           0});
      continue;
    }
    ReadFile(file, /*by_content=*/false, options, batch);
  }
}

}  // namespace

DocumentFormat FormatForPath(std::string_view path) {
  std::string extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  for (const ExtensionFormat& entry : kExtensions) {
    if (entry.extension == extension) return entry.format;
  }
  return DocumentFormat::kUnknown;
}

Result<std::string> ReadFileBytes(const std::string& path, std::uint64_t max_bytes) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  if (!error && size > max_bytes) {
    return Status::ResourceExhausted(path + ": file too large (" + std::to_string(size) +
                                     " bytes, limit " + std::to_string(max_bytes) + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open file");
  std::string bytes;
  // Read in chunks so that a file growing past the limit (or a pipe) is still cut off.
  constexpr std::size_t kChunk = 1 << 16;
  std::string chunk(kChunk, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(kChunk));
    bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      return Status::ResourceExhausted(path + ": file too large (over " +
                                       std::to_string(max_bytes) + " bytes)");
    }
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  return bytes;
}

ReadBatch ReadPaths(const std::vector<std::string>& paths, const ReaderOptions& options) {
  ReadBatch batch;
  for (const std::string& path : paths) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      batch.errors.push_back({path, "no such file or folder", 0});
    } else if (fs::is_directory(status)) {
      ReadFolder(path, options, &batch);
    } else if (fs::is_regular_file(status)) {
      ReadFile(path, /*by_content=*/true, options, &batch);
    } else {
      batch.errors.push_back({path, "not a regular file or folder", 0});
    }
  }
  return batch;
}

}  // namespace presskg::ingest
