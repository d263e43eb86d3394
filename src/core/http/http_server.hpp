#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/http/access_log.hpp"
#include "core/http/dispatcher.hpp"
#include "core/http/metrics.hpp"
#include "core/notify/notifier.hpp"

namespace shequ::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (tests)
  std::size_t threads = 2;
  // Bodies past this are cut off by the parser; routes set their own, smaller limits (413).
  std::size_t hard_body_limit = std::size_t{16} * 1024 * 1024;
  std::size_t max_url_bytes = std::size_t{8} * 1024;
  std::size_t max_header_value_bytes = std::size_t{8} * 1024;
  std::size_t max_header_count = 100;
  std::chrono::seconds idle_timeout{60};        // keep-alive connection with no next request
  std::chrono::seconds handle_timeout{60};      // request accepted, no response yet
  std::chrono::seconds write_timeout{30};       // response being written
  std::chrono::seconds shutdown_grace{20};      // longest wait for in-flight requests on SIGTERM
  std::chrono::seconds heartbeat_interval{15};  // comment line on idle event streams
};

// The HTTP front: RESTinio on a pool of threads, turning its requests into http::Request for the
// Dispatcher and writing the one response back, plus server-sent event streams.
//
// Shutdown (SIGTERM or SIGINT): stop accepting, answer requests that arrive on open keep-alive
// connections with 503 and Connection: close, wait until every in-flight response has been
// written (at most shutdown_grace), end the event streams, then return from Run().
class HttpServer {
 public:
  HttpServer(ServerOptions options, const Dispatcher& dispatcher, Metrics& metrics, AccessLog& access_log,
             notify::Notifier& notifier);
  ~HttpServer();

  // Binds, then calls `on_listening` with the bound port, serves until a stop signal, drains.
  void Run(const std::function<void(std::uint16_t)>& on_listening);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shequ::http
