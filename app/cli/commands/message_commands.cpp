// tiller-cli messages / remind / reminders / announce: the message box, reminders and
// announcements (SPEC §1.6). Reading the message box fires the person's due reminders first,
// so a reminder that fell due while nothing ran shows up here.
#include "../cli_context.hpp"

#include <tiller/errors.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/messages/announcements.hpp>
#include <tiller/messages/message_box.hpp>
#include <tiller/messages/reminders.hpp>
#include <tiller/util/time_text.hpp>

#include <cstdio>
#include <ctime>

namespace tiller::cli {
namespace {

using namespace messages;

// A time as people type it ("2026-11-30 17:00" or "2026-11-30T17:00", local time); a wrong
// one is a usage error.
long long parseTime(const std::string& option, const std::string& text) {
    // A reminder needs a time of day, not just a date.
    auto at = text.find(':') == std::string::npos ? std::nullopt : util::parseLocalDateTime(text);
    if (!at) throw CLI::ValidationError(option, "'" + text + "' is not a time like \"2026-11-30 17:00\"");
    return *at;
}

std::string recordText(const std::string& entity, std::optional<long long> record) {
    if (entity.empty()) return "";
    return entity + (record ? " " + std::to_string(*record) : "");
}

nlohmann::json describe(const Message& m) {
    return {{"id", m.id},
            {"kind", std::string(kindName(m.kind))},
            {"title", m.title},
            {"body", m.body},
            {"entity", m.entity},
            {"record", m.recordId ? nlohmann::json(*m.recordId) : nlohmann::json()},
            {"created_at", m.createdAt},
            {"unread", m.unread()}};
}

nlohmann::json describe(const Announcement& a) {
    return {{"id", a.id},
            {"title", a.title},
            {"body", a.body},
            {"audience", std::string(audienceName(a.audience))},
            {"role", a.roleKey},
            {"department", a.departmentId ? nlohmann::json(*a.departmentId) : nlohmann::json()},
            {"starts_at", a.startsAt},
            {"ends_at", a.endsAt},
            {"by", a.createdByName},
            {"unread", a.unread()}};
}

nlohmann::json describe(const Reminder& r) {
    return {{"id", r.id},           {"entity", r.entity}, {"record", r.recordId},
            {"user", r.userName},   {"due_at", r.dueAt},  {"due", util::localDateTime(r.dueAt)},
            {"note", r.note},       {"fired", r.firedAt.has_value()}};
}

std::string unreadMark(bool unread) { return unread ? "unread" : "read"; }

// A department given by id or by name.
long long departmentId(Runtime& runtime, const std::string& text) {
    for (const auto& d : identity::Organisation(runtime.database(), runtime.clock(), {}).departments())
        if (d.name == text || std::to_string(d.id) == text) return d.id;
    throw ValidationError("department", "there is no department '" + text + "'");
}

void addMessagesCommand(CLI::App& app, CliContext& context) {
    static bool unreadOnly = false, all = false;
    static long long id = 0;
    auto* list = app.add_subcommand("messages", "Your message box: announcements and messages, newest first");
    list->add_flag("--unread", unreadOnly, "Only what you have not read yet");
    context.addJsonFlag(*list);
    auto* read = list->add_subcommand("read", "Mark a message (or with --all, everything) as read");
    read->add_option("ID", id, "The message's id (see 'tiller-cli messages')");
    read->add_flag("--all", all, "Every message and current announcement");

    list->callback([&context, read] {
        if (read->parsed()) return;
        auto& runtime = context.signedInRuntime();
        auto& host = runtime.host();
        auto fired = Reminders(host, runtime.clock()).fireDue(host.actingUser());
        nlohmann::json firedIds = nlohmann::json::array(), announcements = nlohmann::json::array(),
                       messages = nlohmann::json::array();
        for (const auto& f : fired) firedIds.push_back(f.messageId);
        std::string text;
        long long unread = 0;
        for (const auto& a : Announcements(host, runtime.clock()).visible()) {
            unread += a.unread() ? 1 : 0;
            if (unreadOnly && !a.unread()) continue;
            announcements.push_back(describe(a));
            text += "A" + std::to_string(a.id) + "\tannouncement\t" + unreadMark(a.unread()) + "\t" +
                    util::localDateTime(a.startsAt) + "\t" + a.title + "\n";
        }
        for (const auto& m : MessageBox(host, runtime.clock()).messages(unreadOnly)) {
            unread += m.unread() ? 1 : 0;
            messages.push_back(describe(m));
            text += std::to_string(m.id) + "\t" + std::string(kindName(m.kind)) + "\t" + unreadMark(m.unread()) + "\t" +
                    util::localDateTime(m.createdAt) + "\t" + m.title;
            if (!m.entity.empty()) text += "\t" + recordText(m.entity, m.recordId);
            text += "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"fired", firedIds}, {"unread", unread}, {"announcements", announcements}, {"messages", messages}},
                       text.empty() ? "your message box is empty" : text);
    });

    read->callback([&context, read] {
        if (all == (read->count("ID") > 0))
            throw CLI::ValidationError("read", "give either a message ID or --all");
        auto& runtime = context.signedInRuntime();
        if (all) {
            long long n = MessageBox(runtime.host(), runtime.clock()).markAllRead() +
                          Announcements(runtime.host(), runtime.clock()).markAllRead();
            context.answer({{"marked", n}}, "marked " + std::to_string(n) + " as read");
        } else {
            MessageBox(runtime.host(), runtime.clock()).markRead(id);
            context.answer({{"marked", 1}, {"id", id}}, "message " + std::to_string(id) + " marked as read");
        }
    });
}

void addRemindCommand(CLI::App& app, CliContext& context) {
    static std::string entity, at, forLogin, note;
    static long long record = 0;
    auto* remind = app.add_subcommand("remind", "Set a reminder about a record for yourself or a colleague");
    remind->add_option("ENTITY", entity, "Kind of record, e.g. hello.greeting")->required();
    remind->add_option("RECORD_ID", record, "The record's id")->required();
    remind->add_option("--at", at, "When, local time: \"2026-11-30 17:00\"")->required();
    // (--user is the global sign-in option, so the person reminded is --for.)
    remind->add_option("--for", forLogin, "Login of the person to remind (default: you)")->type_name("LOGIN");
    remind->add_option("--note", note, "What to do")->required();
    context.addJsonFlag(*remind);
    remind->callback([&context] {
        NewReminder r;
        r.entity = entity;
        r.recordId = record;
        r.dueAt = parseTime("--at", at);
        r.note = note;
        auto& runtime = context.signedInRuntime();
        if (!forLogin.empty()) {
            auto user = identity::UserDirectory(runtime.database(), runtime.clock(), {}).find(forLogin);
            if (!user) throw ValidationError("person", "there is no user '" + forLogin + "'");
            r.userId = user->id;
        }
        long long reminderId = Reminders(runtime.host(), runtime.clock()).add(r);
        context.answer({{"id", reminderId}, {"due_at", r.dueAt}},
                       "reminder " + std::to_string(reminderId) + " set for " + util::localDateTime(r.dueAt));
    });
}

void addRemindersCommand(CLI::App& app, CliContext& context) {
    static bool withFired = false;
    static long long id = 0;
    auto* list = app.add_subcommand("reminders", "Your reminders that have not fired yet, soonest first");
    list->add_flag("--fired", withFired, "Also those that already fired");
    context.addJsonFlag(*list);
    auto* cancel = list->add_subcommand("cancel", "Cancel a reminder before it fires");
    cancel->add_option("ID", id, "The reminder's id")->required();
    list->callback([&context, cancel] {
        if (cancel->parsed()) return;
        auto& runtime = context.signedInRuntime();
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& r : Reminders(runtime.host(), runtime.clock()).mine(withFired)) {
            all.push_back(describe(r));
            text += std::to_string(r.id) + "\t" + util::localDateTime(r.dueAt) + "\t" + r.entity + " " +
                    std::to_string(r.recordId) + "\t" + r.note + (r.firedAt ? "\tfired" : "") + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"reminders", all}}, text.empty() ? "you have no reminders" : text);
    });
    cancel->callback([&context] {
        auto& runtime = context.signedInRuntime();
        Reminders(runtime.host(), runtime.clock()).cancel(id);
        context.answer({{"cancelled", id}}, "reminder " + std::to_string(id) + " cancelled");
    });
}

void addAnnounceCommand(CLI::App& app, CliContext& context) {
    static std::string title, body, role, department, from, until;
    auto* announce = app.add_subcommand("announce", "Publish an announcement (公告) for everyone, a role or a department");
    announce->add_option("--title", title, "Title")->required();
    announce->add_option("--body", body, "Text");
    auto* roleOption = announce->add_option("--role", role, "Only for this role (key, e.g. sales)");
    announce->add_option("--department", department, "Only for this department (name or id) and those below it")
        ->excludes(roleOption);
    announce->add_option("--from", from, "Shown from, local time (default: now)");
    announce->add_option("--until", until,
                         "Shown until, local time (default: " + std::to_string(Announcements::kDefaultDays) +
                             " days after the start)");
    context.addJsonFlag(*announce);
    announce->callback([&context] {
        NewAnnouncement a;
        a.title = title;
        a.body = body;
        if (!from.empty()) a.startsAt = parseTime("--from", from);
        if (!until.empty()) a.endsAt = parseTime("--until", until);
        auto& runtime = context.signedInRuntime();
        if (!role.empty()) {
            a.audience = Audience::role;
            a.roleKey = role;
        } else if (!department.empty()) {
            a.audience = Audience::department;
            a.departmentId = departmentId(runtime, department);
        }
        long long id = Announcements(runtime.host(), runtime.clock()).publish(a);
        context.answer({{"id", id}}, "announcement " + std::to_string(id) + " published");
    });
}

}  // namespace

void addMessageCommands(CLI::App& app, CliContext& context) {
    addMessagesCommand(app, context);
    addRemindCommand(app, context);
    addRemindersCommand(app, context);
    addAnnounceCommand(app, context);
}

}  // namespace tiller::cli
