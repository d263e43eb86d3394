#pragma once

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

namespace shequ::http {

// One JSON line per request. Lines are buffered and written by a background thread, so the
// request path never waits on the terminal or disk.
class AccessLog {
 public:
  explicit AccessLog(std::FILE* out);  // nullptr disables the log
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void Write(const std::string& line);
  void Flush();

 private:
  void Run();

  std::FILE* out_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace shequ::http
