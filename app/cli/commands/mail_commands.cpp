// tiller-cli mail: the mail server settings, sending, and the outgoing queue (SPEC §11.1).
#include "../cli_context.hpp"

#include <tiller/mail/mail.hpp>

#include <iostream>

namespace tiller::cli {
namespace {

nlohmann::json describe(const mail::Queued& q) {
    return {{"id", q.id},         {"to", q.to},           {"subject", q.subject},
            {"state", q.state},   {"attempts", q.attempts}, {"last_error", q.lastError}};
}

std::string readLine(const char* what) {
    std::string line;
    if (!std::getline(std::cin, line)) throw ValidationError(what, "standard input held nothing");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

nlohmann::json deliveryJson(const mail::Delivery& d) {
    return {{"sent", d.sent}, {"postponed", d.postponed}, {"refused", d.refused}};
}

}  // namespace

void addMailCommands(CLI::App& app, CliContext& context) {
    static mail::SmtpSettings changed;
    static std::string host, security, user, from, subject, body;
    static int port = 0;
    static bool passwordStdin = false, bodyStdin = false, now = false;
    static std::vector<std::string> to;
    auto* mailCommand = app.add_subcommand("mail", "Email: the mail server, sending, and the outgoing queue");
    mailCommand->require_subcommand(1);

    auto* settings = mailCommand->add_subcommand("settings", "Show or change the mail server settings");
    settings->add_option("--host", host, "Mail server name or address");
    settings->add_option("--port", port, "Port (25, 465 for TLS, 587 for STARTTLS)");
    settings->add_option("--security", security, "none, starttls or tls")->check(CLI::IsMember({"none", "starttls", "tls"}));
    settings->add_option("--user", user, "Account name on the server");
    settings->add_flag("--password-stdin", passwordStdin, "Read the account's password from standard input");
    settings->add_option("--from", from, "Sender address");
    context.addJsonFlag(*settings);
    settings->callback([&context] {
        context.require("core.settings");
        auto& runtime = context.signedInRuntime();
        auto s = mail::loadSettings(runtime.database());
        bool change = !host.empty() || port || !security.empty() || !user.empty() || passwordStdin || !from.empty();
        if (change) {
            if (!host.empty()) s.host = host;
            if (port) s.port = port;
            if (!security.empty()) s.security = *mail::parseSecurity(security);
            if (!user.empty()) s.user = user;
            if (passwordStdin) s.password = readLine("password");
            if (!from.empty()) s.from = from;
            mail::saveSettings(runtime.database(), s);
        }
        // The password is never shown.
        context.answer({{"host", s.host}, {"port", s.port}, {"security", mail::securityName(s.security)},
                        {"user", s.user}, {"password_set", !s.password.empty()}, {"from", s.from}},
                       s.host + ":" + std::to_string(s.port) + " (" + mail::securityName(s.security) + "), from " + s.from);
    });

    auto* test = mailCommand->add_subcommand("test", "Send a test message now, to check the settings");
    test->add_option("TO", to, "Recipient")->required();
    test->callback([&context] {
        context.require("core.settings");
        auto& runtime = context.signedInRuntime();
        mail::send(mail::loadSettings(runtime.database()),
                   {to, "Tiller 舵手: test message", "This message from Tiller shows that email works.\n这是一封测试邮件。\n"},
                   runtime.clock().nowMs());
        context.answer({{"sent", true}}, "test message sent to " + to.front());
    });

    auto* sendCommand = mailCommand->add_subcommand("send", "Queue a message and deliver what is due");
    sendCommand->add_option("TO", to, "Recipients")->required();
    sendCommand->add_option("--subject", subject, "Subject")->required();
    sendCommand->add_option("--body", body, "Text of the message");
    sendCommand->add_flag("--body-stdin", bodyStdin, "Read the text from standard input (after any password)");
    context.addJsonFlag(*sendCommand);
    sendCommand->callback([&context] {
        context.require("core.mail");
        auto& runtime = context.signedInRuntime();
        std::string text = body;
        if (bodyStdin) text = std::string(std::istreambuf_iterator<char>(std::cin), {});
        mail::Queue queue(runtime.database(), runtime.clock());
        long long id = queue.enqueue({to, subject, text}, runtime.host().actingUser());
        auto delivered = queue.deliverDue(mail::loadSettings(runtime.database()));
        auto json = deliveryJson(delivered);
        json["id"] = id;
        context.answer(json, delivered.sent ? "sent" : "queued: the mail server is not reachable now; it will be retried");
    });

    auto* list = mailCommand->add_subcommand("queue", "The outgoing messages and their state");
    context.addJsonFlag(*list);
    list->callback([&context] {
        context.require("core.settings");
        auto& runtime = context.signedInRuntime();
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& q : mail::Queue(runtime.database(), runtime.clock()).list()) {
            all.push_back(describe(q));
            text += std::to_string(q.id) + "\t" + q.state + "\t" + q.subject + (q.lastError.empty() ? "" : "\t" + q.lastError) + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"messages", all}}, text.empty() ? "the queue is empty" : text);
    });

    auto* deliver = mailCommand->add_subcommand("deliver", "Send every queued message that is due");
    deliver->add_flag("--now", now, "Also those whose next attempt is later (retry now)");
    context.addJsonFlag(*deliver);
    deliver->callback([&context] {
        context.require("core.settings");
        auto& runtime = context.signedInRuntime();
        auto d = mail::Queue(runtime.database(), runtime.clock()).deliverDue(mail::loadSettings(runtime.database()), now);
        context.answer(deliveryJson(d), std::to_string(d.sent) + " sent, " + std::to_string(d.postponed) +
                                            " postponed, " + std::to_string(d.refused) + " refused");
    });
}

}  // namespace tiller::cli
