#include "core/notify/notifier.hpp"

#include <vector>

namespace shequ::notify {

std::string Notifier::Format(std::uint64_t id, std::string_view event, const nlohmann::json& data) {
  return "id: " + std::to_string(id) + "\nevent: " + std::string(event) + "\ndata: " + data.dump() + "\n\n";
}

std::uint64_t Notifier::Subscribe(const auth::Principal& principal, Sender send, Closer close) {
  std::lock_guard lock(mutex_);
  const auto id = next_subscriber_++;
  subscribers_.emplace(id, Subscriber{principal, std::move(send), std::move(close)});
  return id;
}

void Notifier::Unsubscribe(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  subscribers_.erase(id);
}

std::size_t Notifier::Publish(const Audience& audience, std::string_view event, const nlohmann::json& data) {
  std::lock_guard lock(mutex_);
  const std::string chunk = Format(next_event_++, event, data);
  std::size_t delivered = 0;
  for (auto it = subscribers_.begin(); it != subscribers_.end();) {
    if (!audience(it->second.principal)) {
      ++it;
      continue;
    }
    if (it->second.send(chunk)) {
      ++delivered;
      ++it;
    } else {
      it = subscribers_.erase(it);
    }
  }
  return delivered;
}

std::size_t Notifier::PublishToUser(std::int64_t user_id, std::string_view event,
                                    const nlohmann::json& data) {
  return Publish([user_id](const auth::Principal& p) { return p.user_id == user_id; }, event, data);
}

void Notifier::CloseWhere(const std::function<bool(const Subscriber&)>& match, std::string_view reason) {
  std::vector<Subscriber> closing;
  {
    std::lock_guard lock(mutex_);
    const std::string chunk = Format(next_event_++, "session_ended", {{"reason", reason}});
    for (auto it = subscribers_.begin(); it != subscribers_.end();) {
      if (match(it->second)) {
        it->second.send(chunk);
        closing.push_back(std::move(it->second));
        it = subscribers_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& subscriber : closing) subscriber.close();
}

void Notifier::EndSession(std::string_view session_hash, std::string_view reason) {
  CloseWhere([&](const Subscriber& s) { return s.principal.session_hash == session_hash; }, reason);
}

void Notifier::EndUser(std::int64_t user_id, std::string_view reason) {
  CloseWhere([&](const Subscriber& s) { return s.principal.user_id == user_id; }, reason);
}

void Notifier::Heartbeat() {
  std::lock_guard lock(mutex_);
  for (auto it = subscribers_.begin(); it != subscribers_.end();) {
    it = it->second.send(": keep-alive\n\n") ? std::next(it) : subscribers_.erase(it);
  }
}

void Notifier::CloseAll() {
  CloseWhere([](const Subscriber&) { return true; }, "server_shutdown");
}

std::size_t Notifier::size() const {
  std::lock_guard lock(mutex_);
  return subscribers_.size();
}

}  // namespace shequ::notify
