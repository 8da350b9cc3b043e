// A sales department for the approval tests: the administrator, a salesperson (mei) and her
// manager (boss), signed in by login; finished approvals are collected.
#pragma once

#include "test_database.hpp"

#include <tiller/approval/engine.hpp>
#include <tiller/identity/access.hpp>
#include <tiller/startup.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tiller::test {

struct SalesOffice {
    TestDatabase t;
    std::shared_ptr<db::Database> database = startup::openAndMigrate(t.url()).database;
    ManualClock clock{1'800'000'000'000LL};
    plugin::Registry registry;
    plugin::Host host{database, registry};
    std::vector<approval::ApprovalFinished> finished;
    plugin::EventBus::Subscription subscription;
    long long sales = 0;

    SalesOffice() {
        identity::UserDirectory users(*database, clock, {});
        users.ensureAdministrator();
        users.setPassword("admin", "admin-password");
        identity::Organisation org(*database, clock, {});
        long long top = org.addDepartment({0, {}, "Company", "010-1", true, 1});
        sales = org.addDepartment({0, top, "Sales", "", false, 1});
        long long manager = 0;
        for (const auto& p : org.positions())
            if (p.name == "Manager") manager = p.id;
        add("mei", "sales", sales, {});        // a salesperson
        add("boss", "sales", sales, manager);  // her department head
        subscription = host.events().subscribe<approval::ApprovalFinished>(
            [this](const approval::ApprovalFinished& e) { finished.push_back(e); });
    }
    void add(const std::string& login, const std::string& role, long long department, std::optional<long long> position) {
        identity::NewUser u;
        u.login = login;
        u.name = login;
        u.roles = {role};
        u.departmentId = department;
        u.positionId = position;
        u.password = login + "-password";
        identity::UserDirectory(*database, clock, {}).add(u);
    }
    void signIn(const std::string& login) {
        host.setPermissions(identity::Authenticator(*database, clock).signIn(login, login + "-password"));
    }
    approval::Engine as(const std::string& login) {
        signIn(login);
        return approval::Engine(host, clock);
    }
};

}  // namespace tiller::test
