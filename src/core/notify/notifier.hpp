// Live notifications to signed-in users. The HTTP server attaches each server-sent-events stream
// as a subscriber; services publish after their transaction commits, never before, so a client
// is never told of a change that was rolled back.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/auth/principal.hpp"

namespace shequ::notify {

class Notifier {
 public:
  // Writes one chunk to the client; returns false once the client has gone.
  using Sender = std::function<bool(const std::string& chunk)>;
  // Ends the stream from the server side.
  using Closer = std::function<void()>;
  using Audience = std::function<bool(const auth::Principal&)>;

  std::uint64_t Subscribe(const auth::Principal& principal, Sender send, Closer close);
  void Unsubscribe(std::uint64_t id);

  // Sends the event to every open stream whose user is in `audience`. Returns how many got it.
  std::size_t Publish(const Audience& audience, std::string_view event, const nlohmann::json& data);
  std::size_t PublishToUser(std::int64_t user_id, std::string_view event, const nlohmann::json& data);
  // Sends the event, then closes the streams of one session (sign-out) or every session of a user.
  void EndSession(std::string_view session_hash, std::string_view reason);
  void EndUser(std::int64_t user_id, std::string_view reason);

  // Keeps idle streams open through proxies and finds clients that went away.
  void Heartbeat();
  void CloseAll();
  std::size_t size() const;

  static std::string Format(std::uint64_t id, std::string_view event, const nlohmann::json& data);

 private:
  struct Subscriber {
    auth::Principal principal;
    Sender send;
    Closer close;
  };
  void CloseWhere(const std::function<bool(const Subscriber&)>& match, std::string_view reason);

  mutable std::mutex mutex_;
  std::uint64_t next_subscriber_ = 1;
  std::uint64_t next_event_ = 1;
  std::map<std::uint64_t, Subscriber> subscribers_;
};

}  // namespace shequ::notify
