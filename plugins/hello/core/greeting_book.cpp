#include "greeting_book.hpp"

#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/settings_store.hpp>

#include <array>
#include <chrono>
#include <cstdio>

namespace hello {
namespace {
long long nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}
}  // namespace

std::string GreetingBook::salutation() const {
    return tiller::SettingsStore(database_, "hello").get("salutation", "Hello");
}

void GreetingBook::setSalutation(const std::string& salutation) {
    if (salutation.empty()) throw tiller::ValidationError("salutation", "must not be empty");
    tiller::SettingsStore(database_, "hello").set("salutation", salutation);
}

Greeting GreetingBook::greet(const std::string& name) {
    host_.require("hello.greet");
    if (name.find_first_not_of(" \t") == std::string::npos)
        throw tiller::ValidationError("name", "say whom to greet");
    Greeting g{0, name, salutation() + ", " + name + "!"};
    long long at = nowMs();
    long long owner = host_.actingUser().value_or(0);
    soci::indicator ownerInd = host_.actingUser() ? soci::i_ok : soci::i_null;
    database_.withSession([&](soci::session& s) {
        s << "INSERT INTO hello_greeting (name, greeting, created_at, updated_at, owner_id) VALUES (:n, :g, :t, :t2, :o) "
             "RETURNING id",
            soci::use(g.name), soci::use(g.greeting), soci::use(at), soci::use(at), soci::use(owner, ownerInd),
            soci::into(g.id);
    });
    return g;
}

long long GreetingBook::count() const {
    std::string scope = host_.scopeCondition("hello_greeting");
    return database_.withSession([&](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM hello_greeting" + (scope.empty() ? std::string() : " WHERE " + scope), soci::into(n);
        return n;
    });
}

std::vector<Greeting> GreetingBook::find(const std::string& fragment, int limit) const {
    // Engines limit LIKE patterns (SQLite: 50,000 bytes); no name is longer than this anyway.
    if (fragment.size() > 1000) throw tiller::ValidationError("search", "the text is too long (at most 1000 characters)");
    return database_.withSession([&](soci::session& s) {
        std::vector<Greeting> out;
        // The typed text only ever travels as a bound value; % and _ in it are taken literally.
        std::string escaped;
        for (char c : fragment) {
            if (c == '\0') continue;  // cannot be in stored text; PostgreSQL would cut the pattern
            if (c == '%' || c == '_' || c == '!') escaped += '!';
            escaped += c;
        }
        std::string pattern = "%" + escaped + "%";
        std::string scope = host_.scopeCondition("hello_greeting");
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT id, name, greeting FROM hello_greeting WHERE name LIKE :p ESCAPE '!'" +
                              (scope.empty() ? "" : " AND " + scope) + " ORDER BY id LIMIT :l",
             soci::use(pattern), soci::use(limit));
        for (const auto& r : rows)
            out.push_back({tiller::db::integerAt(r, 0), tiller::db::textAt(r, 1),
                           tiller::db::textAt(r, 2)});
        return out;
    });
}

void GreetingBook::addSamples(int count, tiller::jobs::Progress& progress) {
    long long owner = host_.actingUser().value_or(0);
    soci::indicator ownerInd = host_.actingUser() ? soci::i_ok : soci::i_null;
    static const std::array<const char*, 8> names = {"张三", "李四", "王芳", "Alice Chen",
                                                     "赵敏", "Bob Li", "陈静", "刘洋"};
    static const std::array<const char*, 4> salutations = {"你好", "Hello", "您好", "Hi"};
    long long at = nowMs();
    database_.inTransaction([&](soci::session& s) {
        // The kinds are system values of hello.kind, installed before demo data is added.
        long long personal = 0, business = 0;
        s << "SELECT id FROM core_dictionary_value WHERE kind = 'hello.kind' AND code = 'personal'", soci::into(personal);
        s << "SELECT id FROM core_dictionary_value WHERE kind = 'hello.kind' AND code = 'business'", soci::into(business);
        std::string name, greeting, visitOn, phone;
        long long kind = 0, amount = 0;
        soci::indicator amountInd = soci::i_ok;
        soci::statement insert =
            (s.prepare << "INSERT INTO hello_greeting (name, greeting, created_at, updated_at, owner_id, kind_id, amount, "
                          "visit_on, phone) VALUES (:n, :g, :t, :t2, :o, :k, :a, :v, :p)",
             soci::use(name), soci::use(greeting), soci::use(at), soci::use(at), soci::use(owner, ownerInd),
             soci::use(kind), soci::use(amount, amountInd), soci::use(visitOn), soci::use(phone));
        for (int i = 0; i < count; ++i) {
            name = names[i % names.size()];
            greeting = std::string(salutations[i % salutations.size()]) + ", " + name + "!";
            bool isBusiness = i % 3 == 0;
            kind = isBusiness ? business : personal;
            amount = isBusiness ? (i % 50 + 1) * 10000 : 0;  // fen
            amountInd = isBusiness ? soci::i_ok : soci::i_null;
            char day[16];
            std::snprintf(day, sizeof day, "2026-%02d-%02d", i % 12 + 1, i % 28 + 1);
            visitOn = day;
            phone = "138" + std::to_string(10000000 + (i * 7919) % 90000000);
            insert.execute(true);
            if (i % 100 == 99 || i + 1 == count) tiller::jobs::checkpoint(progress, i + 1, count);
        }
    });
}

}  // namespace hello
