#include "support/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

namespace shequ::testing {
namespace {

std::vector<char*> Argv(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}

}  // namespace

ServerProcess::ServerProcess(const std::string& database_url, std::vector<std::string> extra_args) {
  std::vector<std::string> args = {SHEQU_BINARY, "serve",       "--db",         database_url,
                                   "--listen",   "127.0.0.1:0", "--access-log", "off"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    auto argv = Argv(args);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  // Read stdout until the "listening" line gives the port.
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (port_ == 0) {
    pollfd p{out[0], POLLIN, 0};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char buffer[4096];
    const auto n = ::read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    seen.append(buffer, static_cast<std::size_t>(n));
    for (auto end = seen.find('\n'); end != std::string::npos; end = seen.find('\n')) {
      const auto line = nlohmann::json::parse(seen.substr(0, end), nullptr, false);
      seen.erase(0, end + 1);
      if (line.is_object() && line.value("event", "") == "listening") {
        const auto address = line["address"].get<std::string>();
        port_ = static_cast<std::uint16_t>(std::stoi(address.substr(address.rfind(':') + 1)));
      }
    }
  }
  ::close(out[0]);  // the server's later stdout writes go to a closed pipe; it logs access "off"
  if (port_ == 0) {
    ::kill(pid_, SIGKILL);
    Wait();
    throw std::runtime_error("server did not start: " + seen);
  }
}

ServerProcess::~ServerProcess() {
  if (!reaped_) {
    ::kill(pid_, SIGKILL);
    Wait();
  }
}

void ServerProcess::Signal(int signal) { ::kill(pid_, signal); }

int ServerProcess::Wait() {
  if (reaped_) return status_;
  int status = 0;
  ::waitpid(pid_, &status, 0);
  reaped_ = true;
  status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return status_;
}

bool ServerProcess::Running() {
  if (reaped_) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    reaped_ = true;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

CommandResult RunShequ(const std::vector<std::string>& arguments, const std::string& input) {
  std::vector<std::string> args = {SHEQU_BINARY};
  args.insert(args.end(), arguments.begin(), arguments.end());
  int in[2], out[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(out[1], STDERR_FILENO);
    ::close(in[0]);
    ::close(in[1]);
    ::close(out[0]);
    ::close(out[1]);
    auto argv = Argv(args);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  if (!input.empty()) (void)!::write(in[1], input.data(), input.size());
  ::close(in[1]);
  CommandResult result;
  char buffer[4096];
  for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;)
    result.output.append(buffer, static_cast<std::size_t>(n));
  ::close(out[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

void AddUser(const std::string& database_url, const std::string& username, const std::string& role,
             const std::vector<std::string>& scopes, const std::string& password) {
  std::vector<std::string> args = {"user",   "add",    "--db", database_url,      "--username",
                                   username, "--role", role,   "--password-stdin"};
  for (const auto& scope : scopes) {
    args.emplace_back("--scope");
    args.push_back(scope);
  }
  const auto result = RunShequ(args, password + "\n");
  if (result.exit_code != 0) throw std::runtime_error("user add failed: " + result.output);
}

}  // namespace shequ::testing
