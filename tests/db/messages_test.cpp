// The message box, reminders and announcements (SPEC §1.6) on both engines: reminders fire
// exactly once (also when two programs race), late reminders fire at the next check,
// announcements reach only their audience within their window, read state is per person.
#include "test_database.hpp"

#include <tiller/errors.hpp>
#include <tiller/identity/access.hpp>
#include <tiller/messages/announcements.hpp>
#include <tiller/messages/message_box.hpp>
#include <tiller/messages/reminders.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

#include <latch>
#include <thread>

using namespace tiller;
using namespace tiller::identity;
using namespace tiller::messages;

namespace {

const long long kStart = 1'800'000'000'000LL;
const long long kMinute = 60'000;

struct Office {
    test::TestDatabase t;
    std::shared_ptr<db::Database> database = startup::openAndMigrate(t.url()).database;
    ManualClock clock{kStart};
    plugin::Registry registry;
    plugin::Host host{database, registry};
    long long company = 0, sales = 0, east = 0, service = 0;
    std::map<std::string, long long> ids;

    Office() {
        UserDirectory users(*database, clock, {});
        users.ensureAdministrator();
        users.setPassword("admin", "admin-password");
        ids["admin"] = users.find("admin")->id;
        Organisation org(*database, clock, {});
        company = org.addDepartment({0, {}, "Company", "010-1", true, 1});
        sales = org.addDepartment({0, company, "Sales", "", false, 1});
        east = org.addDepartment({0, sales, "Sales East", "", false, 1});
        service = org.addDepartment({0, company, "Service", "", false, 1});
        add("mei", "sales", east);     // in a sub-department of Sales
        add("li", "service", service);
    }
    void add(const std::string& login, const std::string& role, long long department) {
        NewUser u;
        u.login = login;
        u.name = login + " name";
        u.roles = {role};
        u.departmentId = department;
        u.password = login + "-password";
        ids[login] = UserDirectory(*database, clock, {}).add(u);
    }
    // Signs `login` in on the host; the services below then act for them.
    void as(const std::string& login) {
        host.setPermissions(Authenticator(*database, clock).signIn(login, login + "-password"));
    }
    Reminders reminders() { return Reminders(host, clock); }
    MessageBox box() { return MessageBox(host, clock); }
    Announcements announcements() { return Announcements(host, clock); }
    long long count(const std::string& table) {
        return database->withSession([&](soci::session& s) {
            long long n = 0;
            s << "SELECT COUNT(*) FROM " + table, soci::into(n);
            return n;
        });
    }
};

}  // namespace

TEST_CASE("a due reminder fires exactly once into its person's message box", "[messages][reminders]") {
    Office o;
    o.as("admin");
    long long id = o.reminders().add({"hello.greeting", 7, o.ids["mei"], kStart + 10 * kMinute, "Call 张三 back\nabout the quote"});
    CHECK(o.reminders().fireDue().empty());  // not due yet
    o.clock.advanceMinutes(10);
    auto fired = o.reminders().fireDue();
    REQUIRE(fired.size() == 1);
    CHECK(fired[0].reminder.id == id);
    CHECK(fired[0].reminder.userId == o.ids["mei"]);
    CHECK(o.reminders().fireDue().empty());  // never twice
    o.clock.advanceMinutes(5);
    CHECK(o.reminders().fireDue().empty());

    o.as("mei");
    auto messages = o.box().messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].id == fired[0].messageId);
    CHECK(messages[0].kind == Kind::reminder);
    CHECK(messages[0].title == "Call 张三 back");
    CHECK(messages[0].body == "Call 张三 back\nabout the quote");
    CHECK(messages[0].entity == "hello.greeting");
    CHECK(messages[0].recordId == 7);
    CHECK(messages[0].createdAt == kStart + 10 * kMinute);
    CHECK(messages[0].unread());
    CHECK(o.reminders().mine().empty());           // fired ones are no longer pending
    CHECK(o.reminders().mine(true).size() == 1);
    o.as("admin");
    CHECK(o.box().messages().empty());  // it went to mei only
}

TEST_CASE("a reminder that fell due while the app was closed fires at the next start", "[messages][reminders]") {
    Office o;
    o.as("mei");
    o.reminders().add({"hello.greeting", 1, std::nullopt, kStart + 60 * kMinute, "Send the contract"});
    o.reminders().add({"hello.greeting", 2, std::nullopt, kStart + 90 * kMinute, "Ask about payment"});
    o.reminders().add({"hello.greeting", 3, std::nullopt, kStart + 600 * kMinute, "Later"});
    // Nothing ran for three hours; then the app starts and checks once.
    o.clock.advanceMinutes(180);
    auto fired = o.reminders().fireDue(o.ids["mei"]);
    REQUIRE(fired.size() == 2);
    CHECK(fired[0].reminder.note == "Send the contract");
    CHECK(fired[1].reminder.note == "Ask about payment");
    auto messages = o.box().messages();
    REQUIRE(messages.size() == 2);
    CHECK(o.box().unreadCount() == 2);
    CHECK(o.reminders().mine().size() == 1);
}

TEST_CASE("a person's reminders fire only for that person when asked so", "[messages][reminders]") {
    Office o;
    o.as("admin");
    o.reminders().add({"hello.greeting", 1, o.ids["mei"], kStart, "for mei"});
    o.reminders().add({"hello.greeting", 2, o.ids["li"], kStart, "for li"});
    auto fired = o.reminders().fireDue(o.ids["li"]);
    REQUIRE(fired.size() == 1);
    CHECK(fired[0].reminder.note == "for li");
    CHECK(o.reminders().fireDue().size() == 1);  // mei's, by a check for everyone
}

TEST_CASE("two programs firing reminders at the same moment create one message per reminder", "[messages][reminders]") {
    Office o;
    o.as("admin");
    const int reminders = 40;
    for (int i = 1; i <= reminders; ++i)
        o.reminders().add({"hello.greeting", i, i % 2 ? o.ids["mei"] : o.ids["li"], kStart + i, "call " + std::to_string(i)});
    o.clock.advanceMinutes(1);
    // Two programs: two Database objects (own connections) on the same database.
    auto first = o.t.open(), second = o.t.open();
    plugin::Host hostA{first, o.registry}, hostB{second, o.registry};
    std::latch start(2);
    std::vector<FiredReminder> firedA, firedB;
    std::thread a([&] {
        start.arrive_and_wait();
        firedA = Reminders(hostA, o.clock).fireDue();
    });
    std::thread b([&] {
        start.arrive_and_wait();
        firedB = Reminders(hostB, o.clock).fireDue();
    });
    a.join();
    b.join();
    CHECK(firedA.size() + firedB.size() == reminders);
    CHECK(o.count("core_message") == reminders);
    CHECK(o.reminders().fireDue().empty());
}

TEST_CASE("a reminder for an unknown or disabled person, without a note or a time is refused and nothing is stored",
          "[messages][reminders]") {
    Office o;
    o.as("admin");
    CHECK_THROWS_WITH(o.reminders().add({"hello.greeting", 1, 9999, kStart, "note"}), Catch::Contains("there is no user 9999"));
    CHECK_THROWS_WITH(o.reminders().add({"hello.greeting", 1, o.ids["mei"], kStart, "  \n"}),
                      Catch::Contains("note") && Catch::Contains("needs a note"));
    CHECK_THROWS_WITH(o.reminders().add({"hello.greeting", 1, o.ids["mei"], 0, "note"}), Catch::Contains("say when"));
    CHECK_THROWS_WITH(o.reminders().add({"", 1, o.ids["mei"], kStart, "note"}), Catch::Contains("which kind of record"));
    CHECK_THROWS_AS(o.reminders().add({"hello.greeting", 0, o.ids["mei"], kStart, "note"}), ValidationError);
    UserDirectory(*o.database, o.clock, {}).setActive("li", false);
    CHECK_THROWS_WITH(o.reminders().add({"hello.greeting", 1, o.ids["li"], kStart, "note"}), Catch::Contains("'li' is disabled"));
    CHECK(o.count("core_reminder") == 0);
    CHECK(o.count("core_message") == 0);
}

TEST_CASE("a reminder is cancelled only by its people and only before it fires", "[messages][reminders]") {
    Office o;
    o.as("admin");
    long long forMei = o.reminders().add({"hello.greeting", 1, o.ids["mei"], kStart + kMinute, "first"});
    long long other = o.reminders().add({"hello.greeting", 2, o.ids["mei"], kStart + 2 * kMinute, "second"});
    o.as("li");
    CHECK_THROWS_AS(o.reminders().cancel(forMei), PermissionDenied);
    o.as("mei");
    o.reminders().cancel(forMei);
    CHECK_THROWS_AS(o.reminders().cancel(forMei), NotFound);
    o.clock.advanceMinutes(5);
    REQUIRE(o.reminders().fireDue().size() == 1);
    CHECK_THROWS_WITH(o.reminders().cancel(other), Catch::Contains("already fired"));
}

TEST_CASE("an announcement reaches only its audience and only within its time window", "[messages][announcements]") {
    Office o;
    o.as("admin");
    auto publish = [&](const std::string& title, Audience audience, std::string role, std::optional<long long> department,
                       long long from, long long until) {
        return o.announcements().publish({title, "正文", audience, std::move(role), department, from, until});
    };
    publish("everyone now", Audience::everyone, "", {}, kStart - kMinute, kStart + 60 * kMinute);
    publish("sales department", Audience::department, "", o.sales, kStart, kStart + 60 * kMinute);
    publish("service role", Audience::role, "service", {}, kStart, kStart + 60 * kMinute);
    publish("tomorrow", Audience::everyone, "", {}, kStart + 24 * 60 * kMinute, kStart + 48 * 60 * kMinute);
    publish("yesterday", Audience::everyone, "", {}, kStart - 48 * 60 * kMinute, kStart - 24 * 60 * kMinute);
    auto titles = [&](const std::string& login) {
        o.as(login);
        std::vector<std::string> out;
        for (const auto& a : o.announcements().visible()) out.push_back(a.title);
        return out;
    };
    // mei is in Sales East, below Sales; li has the service role.
    CHECK(titles("mei") == std::vector<std::string>{"sales department", "everyone now"});
    CHECK(titles("li") == std::vector<std::string>{"service role", "everyone now"});
    CHECK(titles("admin") == std::vector<std::string>{"everyone now"});
    o.clock.advanceMinutes(60);  // the window ends: shown while start <= now < end
    CHECK(titles("mei").empty());
    o.clock.advanceMinutes(24 * 60);
    CHECK(titles("mei") == std::vector<std::string>{"tomorrow"});
    o.as("mei");
    auto shown = o.announcements().visible();
    CHECK_FALSE(shown[0].createdByName.empty());
    CHECK(shown[0].body == "正文");
}

TEST_CASE("an announcement ending before it starts, or for an unknown role or department, is refused and nothing is stored",
          "[messages][announcements]") {
    Office o;
    o.as("admin");
    CHECK_THROWS_WITH(o.announcements().publish({"t", "b", Audience::everyone, "", {}, kStart, kStart - kMinute}),
                      Catch::Contains("end of the announcement must come after its start"));
    CHECK_THROWS_WITH(o.announcements().publish({"t", "b", Audience::everyone, "", {}, kStart, kStart}),
                      Catch::Contains("after its start"));
    CHECK_THROWS_WITH(o.announcements().publish({" ", "b", Audience::everyone, "", {}, {}, {}}), Catch::Contains("needs a title"));
    CHECK_THROWS_WITH(o.announcements().publish({"t", "b", Audience::role, "nobody", {}, {}, {}}),
                      Catch::Contains("there is no role 'nobody'"));
    CHECK_THROWS_WITH(o.announcements().publish({"t", "b", Audience::department, "", 9999, {}, {}}),
                      Catch::Contains("there is no department 9999"));
    o.as("mei");  // sales may not publish
    CHECK_THROWS_AS(o.announcements().publish({"t", "b", Audience::everyone, "", {}, {}, {}}), PermissionDenied);
    CHECK(o.count("core_announcement") == 0);
    o.as("admin");
    long long id = o.announcements().publish({"t", "b", Audience::everyone, "", {}, {}, {}});
    auto shown = o.announcements().visible();
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].id == id);
    CHECK(shown[0].endsAt - shown[0].startsAt == Announcements::kDefaultDays * 24 * 60 * kMinute);
}

TEST_CASE("read state of messages and announcements is kept per person", "[messages][announcements]") {
    Office o;
    o.as("admin");
    long long notice = o.announcements().publish({"Holiday", "Closed on Friday", Audience::everyone, "", {}, {}, {}});
    o.reminders().add({"hello.greeting", 1, o.ids["mei"], kStart, "one"});
    o.reminders().add({"hello.greeting", 2, o.ids["mei"], kStart, "two"});
    o.reminders().fireDue();

    o.as("mei");
    CHECK(o.box().unreadCount() == 2);
    CHECK(o.announcements().unreadCount() == 1);
    auto messages = o.box().messages();
    REQUIRE(messages.size() == 2);
    CHECK(messages[0].title == "two");  // newest first (same time: the later one)
    o.clock.advanceMinutes(1);
    o.box().markRead(messages[1].id);
    o.box().markRead(messages[1].id);  // twice is harmless
    CHECK(o.box().unreadCount() == 1);
    CHECK(o.box().messages(true).size() == 1);
    CHECK(o.box().messages()[1].readAt == kStart + kMinute);
    o.announcements().markRead(notice);
    CHECK(o.announcements().unreadCount() == 0);
    CHECK(o.box().markAllRead() == 1);
    CHECK(o.box().unreadCount() == 0);

    o.as("li");  // someone else's read state is their own
    CHECK(o.announcements().unreadCount() == 1);
    CHECK_THROWS_AS(o.box().markRead(messages[0].id), NotFound);  // not li's message
    CHECK(o.announcements().markAllRead() == 1);
    CHECK(o.announcements().visible()[0].readAt.has_value());
    o.as("mei");
    CHECK(o.box().messages()[0].readAt.has_value());
}
