#pragma once

#include <string>
#include <utility>
#include <variant>

namespace presskg {

// The outcome of an operation that can fail. Errors are values at module boundaries; third-party
// exceptions are caught where presskg calls the library and turned into a Status.
class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad input from the caller or a user file
    kNotFound,
    kAlreadyExists,
    kFailedPrecondition,  // e.g. a store written with another schema version
    kBusy,                // e.g. a store locked by another process
    kCorruption,
    kIoError,
    kResourceExhausted,  // a size or count limit was hit
    kInternal,
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, msg); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status AlreadyExists(std::string msg) { return Status(Code::kAlreadyExists, msg); }
  static Status FailedPrecondition(std::string msg) {
    return Status(Code::kFailedPrecondition, std::move(msg));
  }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status ResourceExhausted(std::string msg) {
    return Status(Code::kResourceExhausted, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "NotFound: no node 42", or "OK".
  std::string ToString() const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  // `status` must not be OK.
  Result(Status status) : data_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  // OK when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }
  // Precondition: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace presskg

// Returns from the enclosing function when `expr` (a Status) is not OK.
#define PRESSKG_RETURN_IF_ERROR(expr)        \
  do {                                       \
    ::presskg::Status _pk_status = (expr);   \
    if (!_pk_status.ok()) return _pk_status; \
  } while (0)

#define PRESSKG_CONCAT_INNER(a, b) a##b
#define PRESSKG_CONCAT(a, b) PRESSKG_CONCAT_INNER(a, b)
// Declares `lhs` from a Result<T> expression, or returns its Status.
#define PRESSKG_ASSIGN_OR_RETURN(lhs, expr) \
  PRESSKG_ASSIGN_OR_RETURN_IMPL(PRESSKG_CONCAT(_pk_result_, __LINE__), lhs, expr)
#define PRESSKG_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
