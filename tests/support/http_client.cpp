#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace shequ::testing {
namespace {

// A blocking socket with a read buffer; reads give up after a timeout.
class Connection {
 public:
  Connection(const std::string& host, std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, host.c_str(), &address.sin_addr);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd_);
      throw std::runtime_error("connect failed: " + std::string(std::strerror(errno)));
    }
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~Connection() { ::close(fd_); }

  void Write(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("send failed");
      sent += static_cast<std::size_t>(n);
    }
  }

  // Reads more bytes into the buffer; false on timeout or end of stream.
  bool Fill(std::chrono::milliseconds timeout) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
    char chunk[16384];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) {
      closed_ = true;
      return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  std::optional<std::string> ReadUntil(const std::string& delimiter, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const auto pos = buffer_.find(delimiter);
      if (pos != std::string::npos) {
        std::string out = buffer_.substr(0, pos);
        buffer_.erase(0, pos + delimiter.size());
        return out;
      }
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !Fill(left)) return std::nullopt;
    }
  }

  std::optional<std::string> ReadExactly(std::size_t size, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (buffer_.size() < size) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !Fill(left)) return std::nullopt;
    }
    std::string out = buffer_.substr(0, size);
    buffer_.erase(0, size);
    return out;
  }

  bool closed() const { return closed_; }

 private:
  int fd_ = -1;
  std::string buffer_;
  bool closed_ = false;
};

constexpr auto kTimeout = std::chrono::seconds(30);

std::string Lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

HttpResponse ReadHead(Connection& connection, std::chrono::milliseconds timeout) {
  auto head = connection.ReadUntil("\r\n\r\n", timeout);
  if (!head) throw std::runtime_error("no response (timeout or connection closed)");
  HttpResponse response;
  std::size_t line_end = head->find("\r\n");
  const std::string status_line = head->substr(0, line_end);
  response.status = std::stoi(status_line.substr(9, 3));
  while (line_end != std::string::npos) {
    const auto start = line_end + 2;
    line_end = head->find("\r\n", start);
    const std::string line =
        head->substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    auto name = Lower(line.substr(0, colon));
    if (response.headers.contains(name)) {
      response.headers[name] += "\n" + value;
    } else {
      response.headers[name] = value;
    }
  }
  return response;
}

std::optional<std::string> ReadChunk(Connection& connection, std::chrono::milliseconds timeout) {
  auto size_line = connection.ReadUntil("\r\n", timeout);
  if (!size_line) return std::nullopt;
  const auto size = std::stoul(*size_line, nullptr, 16);
  auto data = connection.ReadExactly(size + 2, timeout);
  if (!data) return std::nullopt;
  return data->substr(0, size);
}

HttpResponse ReadResponse(Connection& connection, bool head_request) {
  HttpResponse response = ReadHead(connection, kTimeout);
  if (head_request || response.status == 204 || response.status == 304) return response;
  if (auto it = response.headers.find("transfer-encoding");
      it != response.headers.end() && Lower(it->second) == "chunked") {
    while (auto chunk = ReadChunk(connection, kTimeout)) {
      if (chunk->empty()) break;
      response.body += *chunk;
    }
    return response;
  }
  if (auto it = response.headers.find("content-length"); it != response.headers.end()) {
    auto body = connection.ReadExactly(std::stoul(it->second), kTimeout);
    if (!body) throw std::runtime_error("short body");
    response.body = *body;
  }
  return response;
}

}  // namespace

std::string HttpResponse::ErrorCode() const {
  const auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_object() && parsed.contains("error") && parsed["error"].contains("code")) {
    return parsed["error"]["code"].get<std::string>();
  }
  return "";
}

class HttpClient::Impl {
 public:
  Impl(std::string host, std::uint16_t port) : host_(std::move(host)), port_(port) {}
  Connection& connection() {
    if (!connection_ || connection_->closed()) connection_ = std::make_unique<Connection>(host_, port_);
    return *connection_;
  }
  void Reset() { connection_.reset(); }

  std::string host_;
  std::uint16_t port_;
  std::unique_ptr<Connection> connection_;
};

HttpClient::HttpClient(std::uint16_t port, std::string host)
    : impl_(std::make_unique<Impl>(std::move(host), port)) {}
HttpClient::~HttpClient() = default;

HttpResponse HttpClient::Send(const std::string& method, const std::string& target, const std::string& body,
                              const std::vector<std::pair<std::string, std::string>>& headers) {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: " + impl_->host_ + "\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  auto& connection = impl_->connection();
  connection.Write(request);
  auto response = ReadResponse(connection, method == "HEAD");
  if (auto it = response.headers.find("connection");
      it != response.headers.end() && Lower(it->second) == "close") {
    impl_->Reset();
  }
  return response;
}

HttpResponse HttpClient::Get(const std::string& target, const std::string& token) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return Send("GET", target, "", headers);
}

HttpResponse HttpClient::PostJson(const std::string& target, const nlohmann::json& body,
                                  const std::string& token) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", "application/json"}};
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return Send("POST", target, body.is_null() ? "" : body.dump(), headers);
}

HttpResponse HttpClient::PatchJson(const std::string& target, const nlohmann::json& body,
                                   const std::string& token) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", "application/json"}};
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return Send("PATCH", target, body.dump(), headers);
}

HttpResponse HttpClient::SendRaw(const std::string& bytes) {
  impl_->Reset();
  auto& connection = impl_->connection();
  connection.Write(bytes);
  auto response = ReadResponse(connection, false);
  impl_->Reset();
  return response;
}

class EventStreamReader::Impl {
 public:
  Impl(std::uint16_t port, const std::string& target, const std::string& token)
      : connection("127.0.0.1", port) {
    connection.Write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n" +
                     (token.empty() ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n");
    head = ReadHead(connection, kTimeout);
    if (head.headers["transfer-encoding"] != "chunked") {
      if (auto it = head.headers.find("content-length"); it != head.headers.end()) {
        head.body = connection.ReadExactly(std::stoul(it->second), kTimeout).value_or("");
      }
      ended = true;
    }
  }
  Connection connection;
  HttpResponse head;
  std::string pending;
  bool ended = false;
};

EventStreamReader::EventStreamReader(std::uint16_t port, const std::string& target, const std::string& token)
    : impl_(std::make_unique<Impl>(port, target, token)) {}
EventStreamReader::~EventStreamReader() = default;
int EventStreamReader::status() const { return impl_->head.status; }
bool EventStreamReader::Ended() const { return impl_->ended; }

std::optional<StreamEvent> EventStreamReader::Next(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto end = impl_->pending.find("\n\n");
    if (end != std::string::npos) {
      const std::string block = impl_->pending.substr(0, end);
      impl_->pending.erase(0, end + 2);
      StreamEvent event;
      std::size_t start = 0;
      while (start < block.size()) {
        auto line_end = block.find('\n', start);
        if (line_end == std::string::npos) line_end = block.size();
        const std::string line = block.substr(start, line_end - start);
        if (line.starts_with("event: ")) event.event = line.substr(7);
        if (line.starts_with("data: ")) event.data += line.substr(6);
        start = line_end + 1;
      }
      if (!event.event.empty() || !event.data.empty()) return event;
      continue;  // a comment block
    }
    if (impl_->ended) return std::nullopt;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    auto chunk = ReadChunk(impl_->connection, left);
    if (!chunk) {
      if (impl_->connection.closed()) impl_->ended = true;
      return std::nullopt;
    }
    if (chunk->empty()) {
      impl_->ended = true;
      continue;
    }
    impl_->pending += *chunk;
  }
}

}  // namespace shequ::testing
