#include "core/http/http_server.hpp"

#include <restinio/all.hpp>

#include <fmt/format.h>

#include "core/json/json_writer.hpp"

#include <atomic>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace shequ::http {
namespace {

using Traits = restinio::default_traits_t;
using Clock = std::chrono::steady_clock;

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(ServerOptions options, const Dispatcher& dispatcher, Metrics& metrics, AccessLog& access_log,
       notify::Notifier& notifier)
      : options_(std::move(options)),
        dispatcher_(dispatcher),
        metrics_(metrics),
        access_log_(access_log),
        notifier_(notifier) {}

  void Run(const std::function<void(std::uint16_t)>& on_listening) {
    std::uint16_t bound_port = 0;
    auto settings =
        restinio::server_settings_t<Traits>{}
            .address(options_.host)
            .port(options_.port)
            .request_handler([this](const restinio::request_handle_t& request) { return OnRequest(request); })
            .read_next_http_message_timelimit(options_.idle_timeout)
            .handle_request_timeout(options_.handle_timeout)
            .write_http_response_timelimit(options_.write_timeout)
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                          .max_url_size(options_.max_url_bytes)
                                          .max_field_name_size(256)
                                          .max_field_value_size(options_.max_header_value_bytes)
                                          .max_field_count(options_.max_header_count)
                                          .max_body_size(options_.hard_body_limit))
            .acceptor_post_bind_hook([&bound_port](asio::ip::tcp::acceptor& acceptor) {
              bound_port = acceptor.local_endpoint().port();
            })
            .cleanup_func([this] { notifier_.CloseAll(); });

    server_ = std::make_unique<restinio::http_server_t<Traits>>(restinio::external_io_context(io_),
                                                                std::move(settings));
    server_->open_sync();
    on_listening(bound_port);

    asio::signal_set signals(io_, SIGINT, SIGTERM);
    signals.async_wait([this](const asio::error_code& error, int) {
      if (!error) BeginDrain();
    });
    ScheduleHeartbeat();

    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < options_.threads; ++i) pool.emplace_back([this] { io_.run(); });
    io_.run();
    for (auto& thread : pool) thread.join();
    access_log_.Flush();
  }

 private:
  restinio::request_handling_status_t OnRequest(const restinio::request_handle_t& request) {
    const auto started = Clock::now();
    Request parsed;
    const auto& header = request->header();
    parsed.method = ParseMethod(header.method().c_str());
    parsed.path = std::string(header.path());
    parsed.query_string = std::string(header.query());
    parsed.body = request->body();
    parsed.remote_ip = request->remote_endpoint().address().to_string();
    header.for_each_field([&parsed](const restinio::http_header_field_t& field) {
      std::string name = field.name();
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      parsed.headers.emplace_back(std::move(name), field.value());
    });

    ++metrics_.in_flight;  // until the response is written, so draining waits for it
    if (draining_.load()) {
      Respond(request, parsed, RenderError(Error(ErrorCode::kShuttingDown)), "shutting_down", "", started,
              true);
      return restinio::request_accepted();
    }
    auto outcome = dispatcher_.Handle(parsed);
    const std::string route = outcome.route != nullptr ? outcome.route->pattern : "unmatched";
    const std::string user = outcome.principal ? outcome.principal->username : "";
    if (outcome.response.event_stream && outcome.principal) {
      OpenStream(request, *outcome.principal);
      Log(parsed, route, user, 200, started);
      --metrics_.in_flight;
      return restinio::request_accepted();
    }
    Respond(request, parsed, std::move(outcome.response), route, user, started, false);
    return restinio::request_accepted();
  }

  void Respond(const restinio::request_handle_t& request, const Request& parsed, Response response,
               const std::string& route, const std::string& user, Clock::time_point started, bool closing) {
    auto builder = request->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        std::string(ReasonPhrase(response.status))});
    if (!response.content_type.empty()) {
      builder.append_header(restinio::http_field::content_type, response.content_type);
    }
    for (auto& [name, value] : response.headers) builder.append_header(name, value);
    builder.append_header("X-Content-Type-Options", "nosniff");
    if (closing) builder.connection_close();
    const int status = response.status;
    if (parsed.method != Method::kHead) builder.set_body(std::move(response.body));
    builder.done([this](const asio::error_code&) { --metrics_.in_flight; });
    metrics_.Record(route, MethodName(parsed.method), status,
                    std::chrono::duration<double>(Clock::now() - started).count());
    Log(parsed, route, user, status, started);
  }

  void OpenStream(const restinio::request_handle_t& request, const auth::Principal& principal) {
    using Builder = restinio::response_builder_t<restinio::chunked_output_t>;
    struct Stream {
      std::mutex mutex;
      Builder builder;
      bool open = true;
      explicit Stream(Builder b) : builder(std::move(b)) {}
    };
    auto stream = std::make_shared<Stream>(request->create_response<restinio::chunked_output_t>());
    stream->builder.append_header(restinio::http_field::content_type, "text/event-stream; charset=utf-8")
        .append_header(restinio::http_field::cache_control, "no-cache")
        .append_header("X-Accel-Buffering", "no");
    stream->builder.append_chunk(std::string(": connected\n\n"));
    stream->builder.flush();
    ++metrics_.stream_clients;
    auto sender = [stream](const std::string& chunk) {
      std::lock_guard lock(stream->mutex);
      if (!stream->open) return false;
      stream->builder.append_chunk(chunk);
      std::weak_ptr<Stream> weak = stream;
      stream->builder.flush([weak](const asio::error_code& error) {
        if (!error) return;
        if (auto s = weak.lock()) {
          std::lock_guard inner(s->mutex);
          s->open = false;
        }
      });
      return true;
    };
    auto closer = [stream, this] {
      std::lock_guard lock(stream->mutex);
      if (!stream->open) return;
      stream->open = false;
      stream->builder.done();
      --metrics_.stream_clients;
    };
    notifier_.Subscribe(principal, sender, closer);
  }

  // Formatted by hand rather than through a JSON tree: this runs for every request.
  void Log(const Request& request, const std::string& route, const std::string& user, int status,
           Clock::time_point started) {
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    std::string line = fmt::format(R"({{"ts":{},"method":"{}","path":)", now, MethodName(request.method));
    json::AppendJsonString(line, request.path);
    line += fmt::format(R"(,"route":"{}","status":{},"ms":{:.3f},"ip":"{}")", route, status, ms,
                        request.remote_ip);
    if (!user.empty()) {
      line += ",\"user\":";
      json::AppendJsonString(line, user);
    }
    line += '}';
    access_log_.Write(line);
  }

  void ScheduleHeartbeat() {
    heartbeat_.expires_after(options_.heartbeat_interval);
    heartbeat_.async_wait([this](const asio::error_code& error) {
      if (error || draining_.load()) return;
      notifier_.Heartbeat();
      metrics_.stream_clients = static_cast<std::int64_t>(notifier_.size());
      ScheduleHeartbeat();
    });
  }

  void BeginDrain() {
    if (draining_.exchange(true)) return;
    std::cerr << "{\"level\":\"info\",\"event\":\"draining\",\"in_flight\":" << metrics_.in_flight.load()
              << "}\n";
    heartbeat_.cancel();
    drain_deadline_ = Clock::now() + options_.shutdown_grace;
    server_->close_async([] {}, [](const std::exception_ptr&) {});
    WaitForInFlight();
  }

  void WaitForInFlight() {
    drain_timer_.expires_after(std::chrono::milliseconds(10));
    drain_timer_.async_wait([this](const asio::error_code&) {
      if (metrics_.in_flight.load() > 0 && Clock::now() < drain_deadline_) {
        WaitForInFlight();
        return;
      }
      notifier_.CloseAll();
      std::cerr << "{\"level\":\"info\",\"event\":\"stopped\",\"in_flight\":" << metrics_.in_flight.load()
                << "}\n";
      // Give the final stream chunks a moment to leave before the io_context stops.
      drain_timer_.expires_after(std::chrono::milliseconds(50));
      drain_timer_.async_wait([this](const asio::error_code&) { io_.stop(); });
    });
  }

  ServerOptions options_;
  const Dispatcher& dispatcher_;
  Metrics& metrics_;
  AccessLog& access_log_;
  notify::Notifier& notifier_;
  asio::io_context io_;
  asio::steady_timer heartbeat_{io_};
  asio::steady_timer drain_timer_{io_};
  std::unique_ptr<restinio::http_server_t<Traits>> server_;
  std::atomic<bool> draining_{false};
  Clock::time_point drain_deadline_;
};

HttpServer::HttpServer(ServerOptions options, const Dispatcher& dispatcher, Metrics& metrics,
                       AccessLog& access_log, notify::Notifier& notifier)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher, metrics, access_log, notifier)) {}

HttpServer::~HttpServer() = default;

void HttpServer::Run(const std::function<void(std::uint16_t)>& on_listening) { impl_->Run(on_listening); }

}  // namespace shequ::http
