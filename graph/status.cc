#include "graph/status.h"

namespace presskg {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kInvalidArgument: name = "InvalidArgument"; break;
    case Code::kNotFound: name = "NotFound"; break;
    case Code::kAlreadyExists: name = "AlreadyExists"; break;
    case Code::kFailedPrecondition: name = "FailedPrecondition"; break;
    case Code::kBusy: name = "Busy"; break;
    case Code::kCorruption: name = "Corruption"; break;
    case Code::kIoError: name = "IoError"; break;
    case Code::kResourceExhausted: name = "ResourceExhausted"; break;
    case Code::kInternal: name = "Internal"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace presskg
