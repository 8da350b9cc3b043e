// Email through a real SMTP server on 127.0.0.1 (aiosmtpd), and the queue that keeps messages
// while the server is down; on SQLite and PostgreSQL.
#include "smtp_sink.hpp"
#include "test_database.hpp"

#include <tiller/mail/mail.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

#include <sodium.h>

using namespace tiller;
using tiller::test::SmtpSink;

namespace {

const long long kStart = 1'800'000'000'000LL;

mail::SmtpSettings settingsFor(int port) {
    mail::SmtpSettings s;
    s.host = "127.0.0.1";
    s.port = port;
    s.from = "shop@example.invalid";
    s.timeoutMs = 5000;
    return s;
}

std::string decodeBase64(const std::string& text) {
    std::string clean;
    for (char c : text)
        if (c != '\r' && c != '\n') clean += c;
    std::string out(clean.size(), '\0');
    size_t length = 0;
    sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), clean.c_str(), clean.size(), nullptr,
                      &length, nullptr, sodium_base64_VARIANT_ORIGINAL);
    out.resize(length);
    return out;
}

// Subject and body of a received message, decoded.
std::pair<std::string, std::string> decode(const std::string& raw) {
    auto subjectStart = raw.find("Subject: =?UTF-8?B?") + 19;
    auto subject = decodeBase64(raw.substr(subjectStart, raw.find("?=", subjectStart) - subjectStart));
    auto bodyStart = raw.find("\n\n");
    return {subject, decodeBase64(raw.substr(bodyStart + 2))};
}

}  // namespace

TEST_CASE("a Chinese subject and body arrive intact at a real SMTP server", "[mail]") {
    SmtpSink sink;
    mail::send(settingsFor(sink.port()), {{"zhangsan@example.invalid"}, "订单已发货 – order shipped", "您好，张三：\n\n您的订单已发货。\n"}, kStart);
    auto received = sink.messages();
    REQUIRE(received.size() == 1);
    auto [subject, body] = decode(received[0]);
    CHECK(subject == "订单已发货 – order shipped");
    CHECK(body == "您好，张三：\n\n您的订单已发货。\n");
    CHECK_THAT(received[0], Catch::Contains("From: shop@example.invalid"));
    CHECK_THAT(received[0], Catch::Contains("To: zhangsan@example.invalid"));
}

TEST_CASE("a header cannot be smuggled in through the subject", "[mail][security]") {
    SmtpSink sink;
    mail::send(settingsFor(sink.port()), {{"a@example.invalid"}, "Hi\r\nBcc: victim@example.invalid", "x"}, kStart);
    auto received = sink.messages();
    REQUIRE(received.size() == 1);
    CHECK_THAT(received[0], !Catch::Contains("\nBcc:"));
}

TEST_CASE("bad addresses are refused before anything is sent", "[mail]") {
    auto settings = settingsFor(1);
    CHECK_THROWS_WITH(mail::send(settings, {{"not an address"}, "s", "b"}, kStart), Catch::Contains("to: 'not an address'"));
    settings.from = "nobody";
    CHECK_THROWS_WITH(mail::send(settings, {{"a@example.invalid"}, "s", "b"}, kStart), Catch::Contains("from"));
}

TEST_CASE("a queued message waits while the server is down and goes when it is back", "[mail]") {
    test::TestDatabase t;
    auto database = startup::openAndMigrate(t.url()).database;
    ManualClock clock(kStart);
    mail::Queue queue(*database, clock);
    int port = test::freeLoopbackPort();  // nothing listens there yet
    long long id = queue.enqueue({{"lisi@example.invalid"}, "提醒：明天回访", "请记得回访客户。"}, std::nullopt);
    auto first = queue.deliverDue(settingsFor(port));
    CHECK(first.postponed == 1);
    auto waiting = queue.list();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].id == id);
    CHECK(waiting[0].state == "queued");
    CHECK(waiting[0].attempts == 1);
    CHECK_THAT(waiting[0].lastError, Catch::Contains("127.0.0.1:" + std::to_string(port)));
    CHECK(waiting[0].nextAttemptAt == kStart + 1 * 60'000);  // then 2, 4, ... 60 minutes

    SmtpSink sink;  // the server comes back (on another port: update the settings)
    CHECK(queue.deliverDue(settingsFor(sink.port())).sent == 0);  // not due yet
    clock.advanceMinutes(1);
    CHECK(queue.deliverDue(settingsFor(sink.port())).sent == 1);
    REQUIRE(sink.messages().size() == 1);
    CHECK(decode(sink.messages()[0]).first == "提醒：明天回访");
    CHECK(queue.list()[0].state == "sent");
    clock.advanceMinutes(60);
    CHECK(queue.deliverDue(settingsFor(sink.port())).sent == 0);  // sent once only
}

TEST_CASE("a server that refuses is reported and the message is kept", "[mail]") {
    test::TestDatabase t;
    auto database = startup::openAndMigrate(t.url()).database;
    ManualClock clock(kStart);
    SmtpSink refusing(true);
    CHECK_THROWS_AS(mail::send(settingsFor(refusing.port()), {{"x@example.invalid"}, "s", "b"}, kStart), mail::MailRefused);
    mail::Queue queue(*database, clock);
    queue.enqueue({{"x@example.invalid"}, "s", "b"}, std::nullopt);
    CHECK(queue.deliverDue(settingsFor(refusing.port())).refused == 1);
    auto kept = queue.list();
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].state == "refused");
    CHECK_THAT(kept[0].lastError, Catch::Contains("550"));
}

TEST_CASE("mail settings are kept in the company database and checked", "[mail]") {
    test::TestDatabase t;
    auto database = startup::openAndMigrate(t.url()).database;
    auto settings = settingsFor(2525);
    settings.security = mail::Security::starttls;
    mail::saveSettings(*database, settings);
    auto back = mail::loadSettings(*database);
    CHECK(back.host == "127.0.0.1");
    CHECK(back.port == 2525);
    CHECK(back.security == mail::Security::starttls);
    settings.from = "no address";
    CHECK_THROWS_AS(mail::saveSettings(*database, settings), ValidationError);
}
