// Sending email from Tiller (SPEC §11.1): ticket replies, approval and order notices. Messages
// go through a queue in the company database; an SMTP server that is down only delays them.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/db/database.hpp>
#include <tiller/errors.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tiller::mail {

struct Message {
    std::vector<std::string> to;
    std::string subject;  // UTF-8
    std::string body;     // UTF-8 plain text
};

enum class Security { none, starttls, tls };

struct SmtpSettings {
    std::string host;
    int port = 25;
    Security security = Security::none;
    std::string user;
    std::string password;
    std::string from;  // the sender address
    int timeoutMs = 15000;
};

// The server could not be reached or dropped the connection: try again later.
class MailUnavailable : public Error {
public:
    using Error::Error;
};
// The server answered with a refusal (a bad address, authentication refused): retrying the
// same message will not help.
class MailRefused : public Error {
public:
    using Error::Error;
};

// RFC 5322 text of the message: UTF-8 subject in RFC 2047 encoding, body in base64.
std::string renderMime(const Message& message, const std::string& from, long long nowMs);

// Sends at once (libcurl). Throws ValidationError for a malformed address, MailUnavailable,
// MailRefused.
void send(const SmtpSettings& settings, const Message& message, long long nowMs);

// Settings kept in the company database (owner "mail").
SmtpSettings loadSettings(db::Database& database);
void saveSettings(db::Database& database, const SmtpSettings& settings);
std::optional<Security> parseSecurity(const std::string& text);
std::string securityName(Security security);

struct Queued {
    long long id = 0;
    std::vector<std::string> to;
    std::string subject;
    std::string state;  // queued, sent, refused
    int attempts = 0;
    std::string lastError;
    long long nextAttemptAt = 0;
};

struct Delivery {
    int sent = 0;
    int postponed = 0;  // server unavailable: tried again later
    int refused = 0;
};

class Queue {
public:
    Queue(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}
    // Checks the addresses and keeps the message; returns its id.
    long long enqueue(const Message& message, std::optional<long long> createdBy);
    // Sends every message that is due. Failures stay queued (retried after 1, 2, 4 ... up to
    // 60 minutes) or are marked refused with the server's answer; nothing is ever deleted.
    // `evenIfNotDue`: try every queued message now (an administrator's "retry now").
    Delivery deliverDue(const SmtpSettings& settings, bool evenIfNotDue = false);
    std::vector<Queued> list() const;

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace tiller::mail
