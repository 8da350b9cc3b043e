// tiller-cli user / role / department: the people and access administration (SPEC §1.1, §1.2).
#include "../cli_context.hpp"

#include <tiller/errors.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/util/join.hpp>

#include <iostream>

namespace tiller::cli {
namespace {

using namespace identity;

Actor actor(Runtime& runtime) { return {runtime.host().actingUser()}; }

std::string readNewPassword(bool fromStdin) {
    if (!fromStdin) throw ValidationError("password", "give it with --password-stdin (the first line of standard input)");
    std::string line;
    if (!std::getline(std::cin, line) || line.empty()) throw ValidationError("password", "standard input held no password");
    if (line.back() == '\r') line.pop_back();
    return line;
}

// A department given by id or by name.
std::optional<long long> departmentId(Runtime& runtime, const std::string& text) {
    if (text.empty()) return std::nullopt;
    Organisation organisation(runtime.database(), runtime.clock(), actor(runtime));
    for (const auto& d : organisation.departments())
        if (d.name == text || std::to_string(d.id) == text) return d.id;
    throw ValidationError("department", "there is no department '" + text + "'");
}

std::string departmentName(Runtime& runtime, std::optional<long long> id) {
    if (!id) return "";
    for (const auto& d : Organisation(runtime.database(), runtime.clock(), {}).departments())
        if (d.id == *id) return d.name;
    return "";
}

}  // namespace

void addUserCommands(CLI::App& app, CliContext& context) {
    static NewUser added;
    static std::string login, department;
    static bool passwordStdin = false;
    auto* user = app.add_subcommand("user", "Add, list and manage the people who use Tiller");
    user->require_subcommand(1);

    auto* add = user->add_subcommand("add", "Add a user (the password is read from standard input)");
    add->add_option("LOGIN", added.login, "Sign-in name")->required();
    add->add_option("--name", added.name, "Full name")->required();
    add->add_option("--role", added.roles, "Role key (repeatable): administrator, sales, service, ...")->required();
    add->add_option("--department", department, "Department name or id");
    add->add_option("--phone", added.phone, "Phone");
    add->add_option("--mobile", added.mobile, "Mobile");
    add->add_option("--email", added.email, "Email");
    add->add_option("--extension", added.extension, "Phone extension (分机)");
    add->add_option("--agent-number", added.agentNumber, "Agent number (工号)");
    add->add_flag("--password-stdin", passwordStdin, "Read the new user's password from standard input "
                                                     "(after the signed-in user's, when both are read)");
    context.addJsonFlag(*add);
    add->callback([&context] {
        context.require("core.users");
        auto& runtime = context.signedInRuntime();
        added.departmentId = departmentId(runtime, department);
        added.password = readNewPassword(passwordStdin);
        auto id = UserDirectory(runtime.database(), runtime.clock(), actor(runtime)).add(added);
        context.answer({{"id", id}, {"login", added.login}}, "added user " + added.login);
    });

    auto* list = user->add_subcommand("list", "List users with department, roles and state");
    context.addJsonFlag(*list);
    list->callback([&context] {
        context.require("core.users");
        auto& runtime = context.signedInRuntime();
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& u : UserDirectory(runtime.database(), runtime.clock(), {}).users()) {
            std::string roles = util::join(u.roles, ",");
            auto dept = departmentName(runtime, u.departmentId);
            all.push_back({{"login", u.login}, {"name", u.name}, {"department", dept}, {"roles", u.roles},
                           {"active", u.active}, {"has_password", u.hasPassword}, {"extension", u.extension},
                           {"agent_number", u.agentNumber}});
            text += u.login + "\t" + u.name + "\t" + dept + "\t" + roles + (u.active ? "" : "\tdisabled") + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"users", all}}, text);
    });

    auto* passwd = user->add_subcommand("passwd", "Set a password (yours, or anyone's as an administrator)");
    passwd->add_option("LOGIN", login, "Whose password")->required();
    passwd->add_flag("--password-stdin", passwordStdin, "Read the new password from standard input");
    passwd->callback([&context] {
        auto& runtime = context.signedInRuntime();
        if (runtime.signedIn()->user().login != login) context.require("core.users");
        UserDirectory(runtime.database(), runtime.clock(), actor(runtime)).setPassword(login, readNewPassword(passwordStdin));
        context.answer({{"login", login}}, "password of " + login + " changed");
    });

    for (bool enable : {false, true}) {
        auto* toggle = user->add_subcommand(enable ? "enable" : "disable",
                                            enable ? "Let a user sign in again" : "Stop a user from signing in (kept for the records)");
        toggle->add_option("LOGIN", login, "Which user")->required();
        toggle->callback([&context, enable] {
            context.require("core.users");
            auto& runtime = context.signedInRuntime();
            UserDirectory(runtime.database(), runtime.clock(), actor(runtime)).setActive(login, enable);
            context.answer({{"login", login}, {"active", enable}}, login + (enable ? " enabled" : " disabled"));
        });
    }
}

void addRoleCommands(CLI::App& app, CliContext& context) {
    static std::string key, permission, entity, scope;
    auto* role = app.add_subcommand("role", "Roles: their permissions and data scopes");
    role->require_subcommand(1);

    auto* list = role->add_subcommand("list", "List roles with permissions and scopes");
    context.addJsonFlag(*list);
    list->callback([&context] {
        context.require("core.users");
        auto& runtime = context.signedInRuntime();
        RoleBook book(runtime.database(), runtime.clock(), {});
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& r : book.roles()) {
            auto perms = book.permissions(r.key);
            nlohmann::json scopes = nlohmann::json::object();
            for (const auto& [e, s] : book.scopes(r.key)) scopes[e] = std::string(scopeName(s));
            all.push_back({{"key", r.key}, {"name", r.name}, {"all_permissions", r.allPermissions},
                           {"default_scope", std::string(scopeName(r.defaultScope))},
                           {"permissions", perms}, {"scopes", scopes}});
            text += r.key + "\t" + r.name + "\t" + std::string(scopeName(r.defaultScope)) + "\t" +
                    (r.allPermissions ? "all permissions" : std::to_string(perms.size()) + " permission(s)") + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"roles", all}}, text);
    });

    for (bool grant : {true, false}) {
        auto* change = role->add_subcommand(grant ? "grant" : "revoke", grant ? "Give a role a permission" : "Take a permission from a role");
        change->add_option("ROLE", key, "Role key")->required();
        change->add_option("PERMISSION", permission, "Permission key, e.g. hello.greet")->required();
        change->callback([&context, grant] {
            context.require("core.users");
            auto& runtime = context.signedInRuntime();
            bool known = false;
            for (const auto& p : runtime.registry().permissions()) known = known || p.key == permission;
            if (!known) throw ValidationError("permission", "no installed plugin declares '" + permission + "'");
            RoleBook book(runtime.database(), runtime.clock(), actor(runtime));
            auto perms = book.permissions(key);
            if (grant) perms.insert(permission); else perms.erase(permission);
            book.setPermissions(key, perms);
            context.answer({{"role", key}, {"permission", permission}, {"granted", grant}},
                           std::string(grant ? "granted " : "revoked ") + permission + (grant ? " to " : " from ") + key);
        });
    }

    auto* setScope = role->add_subcommand("scope", "Which records of a kind a role sees: own, department or all");
    setScope->add_option("ROLE", key, "Role key")->required();
    setScope->add_option("ENTITY", entity, "Kind of record, e.g. hello.greeting")->required();
    setScope->add_option("SCOPE", scope, "own, department or all")->required()->check(CLI::IsMember({"own", "department", "all"}));
    setScope->callback([&context] {
        context.require("core.users");
        auto& runtime = context.signedInRuntime();
        RoleBook(runtime.database(), runtime.clock(), actor(runtime)).setScope(key, entity, *parseScope(scope));
        context.answer({{"role", key}, {"entity", entity}, {"scope", scope}}, key + " sees " + scope + " " + entity);
    });
}

void addDepartmentCommands(CLI::App& app, CliContext& context) {
    static Department added;
    static std::string parent;
    static long long removeId = 0;
    auto* department = app.add_subcommand("department", "The organisation: units and departments");
    department->require_subcommand(1);

    auto* add = department->add_subcommand("add", "Add a unit or department");
    add->add_option("NAME", added.name, "Its name")->required();
    add->add_option("--parent", parent, "The department it belongs to (name or id); none for the top unit");
    add->add_option("--phone", added.phone, "Phone (a unit needs one)");
    add->add_flag("--unit", added.isUnit, "It is a unit (company, branch) rather than a department");
    context.addJsonFlag(*add);
    add->callback([&context] {
        context.require("core.users");
        auto& runtime = context.signedInRuntime();
        added.parentId = departmentId(runtime, parent);
        auto id = Organisation(runtime.database(), runtime.clock(), actor(runtime)).addDepartment(added);
        context.answer({{"id", id}, {"name", added.name}}, "added " + added.name + " (" + std::to_string(id) + ")");
    });

    auto* list = department->add_subcommand("list", "The organisation tree");
    context.addJsonFlag(*list);
    list->callback([&context] {
        context.require("core.users");
        auto& runtime = context.signedInRuntime();
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& d : Organisation(runtime.database(), runtime.clock(), {}).departments()) {
            all.push_back({{"id", d.id}, {"name", d.name}, {"parent", d.parentId ? nlohmann::json(*d.parentId) : nlohmann::json()},
                           {"phone", d.phone}, {"unit", d.isUnit}});
            text += std::to_string(d.id) + "\t" + d.name + "\t" + (d.parentId ? std::to_string(*d.parentId) : "-") + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"departments", all}}, text);
    });

    auto* remove = department->add_subcommand("remove", "Remove a department without people or sub-departments");
    remove->add_option("ID", removeId, "Its id")->required();
    remove->callback([&context] {
        context.require("core.users");
        auto& runtime = context.signedInRuntime();
        Organisation(runtime.database(), runtime.clock(), actor(runtime)).removeDepartment(removeId);
        context.answer({{"removed", removeId}}, "removed department " + std::to_string(removeId));
    });
}

}  // namespace tiller::cli
