#pragma once

// Test support: a raw TCP connection to a local HTTP server, for requests no well-behaved client
// sends (byte by byte, half-open, malformed, oversized).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace presskg::query::testing {

class RawConnection {
 public:
  // Connects to `host`:`port`; connected() tells whether it worked.
  explicit RawConnection(int port, const std::string& host = "127.0.0.1");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  // Sends every byte; false when the peer closed or reset the connection.
  bool Send(std::string_view bytes);
  // Reads one response (headers, then a Content-Length body) or until the peer closes or
  // `timeout` passes; returns what was read.
  std::string ReadResponse(std::chrono::milliseconds timeout);
  // True when the peer closes (or resets) the connection within `timeout`; discards data.
  bool ClosedWithin(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
};

// The status code of a raw HTTP response ("HTTP/1.1 404 ..."), or nullopt.
std::optional<int> StatusOf(std::string_view response);

}  // namespace presskg::query::testing
