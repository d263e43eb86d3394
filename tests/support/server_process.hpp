#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace shequ::testing {

// The real `shequ` binary as a child process, for black-box tests.
class ServerProcess {
 public:
  // Runs `shequ serve --db URL --listen 127.0.0.1:0` plus `extra_args`, and waits until it listens.
  ServerProcess(const std::string& database_url, std::vector<std::string> extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  void Signal(int signal);
  // Waits for the process to exit; returns its exit status (or 128+signal).
  int Wait();
  bool Running();

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  bool reaped_ = false;
  int status_ = 0;
};

// Runs `shequ ARGS...` to completion, feeding `input` on standard input; returns exit code and output.
struct CommandResult {
  int exit_code = 0;
  std::string output;  // stdout and stderr together
};
CommandResult RunShequ(const std::vector<std::string>& args, const std::string& input = "");

// Creates an account directly through the CLI and returns nothing; throws when it fails.
void AddUser(const std::string& database_url, const std::string& username, const std::string& role,
             const std::vector<std::string>& scopes, const std::string& password);

}  // namespace shequ::testing
