#include "core/http/access_log.hpp"

#include <chrono>

namespace shequ::http {

AccessLog::AccessLog(std::FILE* out) : out_(out) {
  if (out_ != nullptr) writer_ = std::thread([this] { Run(); });
}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (writer_.joinable()) writer_.join();
}

void AccessLog::Write(const std::string& line) {
  if (out_ == nullptr) return;
  std::lock_guard lock(mutex_);
  pending_ += line;
  pending_ += '\n';
}

void AccessLog::Flush() {
  if (out_ == nullptr) return;
  std::string batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(pending_);
  }
  if (!batch.empty()) {
    std::fwrite(batch.data(), 1, batch.size(), out_);
    std::fflush(out_);
  }
}

void AccessLog::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::milliseconds(100));
    lock.unlock();
    Flush();
    lock.lock();
  }
  lock.unlock();
  Flush();
}

}  // namespace shequ::http
