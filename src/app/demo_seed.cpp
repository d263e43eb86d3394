#include "app/demo_seed.hpp"

#include "core/crypto/crypto.hpp"

namespace shequ::app {

int LoadDemo(Application& app, std::ostream& out) {
  if (app.accounts().HasAdmin()) {
    out << "demo: an administrator exists already; nothing to do\n";
    return 0;
  }
  accounts::NewUser admin;
  admin.username = "admin";
  admin.display_name = "系统管理员";
  admin.role = "admin";
  admin.password = crypto::RandomPassword(16);
  app.accounts().Create(nullptr, admin);
  out << "demo: created administrator 'admin'\n"
      << "demo: password (shown once, keep it): " << admin.password << "\n";
  return 0;
}

}  // namespace shequ::app
