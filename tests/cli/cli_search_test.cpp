// tiller-cli search: the global search from the command line, over customers and contacts
// imported by two salespeople, on SQLite and PostgreSQL.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace tiller;

namespace {

// ann and ben (sales, who see their own customers only), each with a customer and its contact.
struct Office {
    test::TestDatabase t;
    test::Cli cli{t.dir()};
    std::string db = t.url().text();

    Office() {
        REQUIRE(cli.run({"--db", db, "user", "passwd", "admin", "--password-stdin"}, {}, "admin-password\n").exitCode == 0);
        for (const char* login : {"ann", "ben"}) {
            auto r = as("admin", {"user", "add", login, "--name", login, "--role", "sales", "--password-stdin"},
                        std::string(login) + "-password\n");
            INFO(r.err);
            REQUIRE(r.exitCode == 0);
        }
        import("ann", "contacts.customer", "name,category_id,phone,email\n张三贸易有限公司,normal,010-6666-1234,zs@trade.cn\n");
        import("ann", "contacts.contact", "name,customer_id,gender,mobile\n张三,张三贸易有限公司,男,138-0013-8000\n");
        import("ben", "contacts.customer", "name,category_id,mobile\n张三丰武术馆,normal,139-0000-1111\n");
        import("ben", "contacts.contact", "name,customer_id,gender,phone\n张三丰,张三丰武术馆,男,(021) 5555-1234\n");
    }
    test::CliRun as(const std::string& login, std::vector<std::string> args, const std::string& extraInput = {}) const {
        std::vector<std::string> all{"--db", db, "--user", login, "--password-stdin"};
        all.insert(all.end(), args.begin(), args.end());
        return cli.run(all, {}, login + "-password\n" + extraInput);
    }
    void import(const std::string& login, const std::string& entity, const std::string& csv) {
        auto file = t.dir() / (login + "-" + entity + ".csv");
        std::ofstream(file) << csv;
        auto r = as(login, {"record", "import", entity, file.string()});
        INFO(r.out << r.err);
        REQUIRE(r.exitCode == 0);
    }
    // The titles found by `login` for `query`, best first.
    std::vector<std::string> titles(const std::string& login, const std::string& query) const {
        auto r = as(login, {"search", "--json", "--", query});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        std::vector<std::string> out;
        auto document = r.json();  // keep it alive while iterating
        for (const auto& hit : document["hits"]) out.push_back(hit["title"]);
        return out;
    }
};

using Titles = std::vector<std::string>;

}  // namespace

TEST_CASE("tiller-cli search finds 张三 by pinyin, initials, one character and a number typed another way",
          "[cli][search]") {
    Office o;
    CHECK(o.titles("admin", "zhangsan") == Titles{"张三", "张三丰", "张三丰武术馆", "张三贸易有限公司"});
    CHECK(o.titles("admin", "zs").front() == "张三");
    CHECK(o.titles("admin", "张").size() == 4);
    CHECK(o.titles("admin", "贸") == Titles{"张三贸易有限公司"});
    CHECK(o.titles("admin", "武术") == Titles{"张三丰武术馆"});
    CHECK(o.titles("admin", "+86 138 0013 8000") == Titles{"张三"});
    CHECK(o.titles("admin", "13800138000") == Titles{"张三"});
    CHECK(o.titles("admin", "021-55551234") == Titles{"张三丰"});
    CHECK(o.titles("admin", "5555 1234") == Titles{"张三丰"});
    CHECK(o.titles("admin", "trade.cn") == Titles{"张三贸易有限公司"});
    CHECK(o.titles("admin", "王五").empty());

    // One JSON document: what each hit is and how to open it.
    auto r = o.as("admin", {"search", "张三", "--json", "--limit", "2"});
    REQUIRE(r.exitCode == 0);
    auto document = r.json();
    CHECK(document["query"] == "张三");
    REQUIRE(document["hits"].size() == 2);
    const auto& first = document["hits"][0];
    CHECK(first["title"] == "张三");
    CHECK(first["view"] == "record:contacts.contact");
    CHECK(first["open"] == "record:contacts.contact:" + std::to_string(first["record_id"].get<long long>()));
    CHECK(first["provider"] == "contacts.customers");
    CHECK(first["detail"] == "Contact · 张三贸易有限公司 · 138-0013-8000");
    CHECK(document["failed"].empty());

    // For people: a table of title, detail and the record to open.
    auto text = o.as("admin", {"search", "张三", "--limit", "1"});
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::StartsWith("Title"));
    CHECK_THAT(text.out, Catch::Contains("张三  "));
    CHECK_THAT(text.out, Catch::Contains("record:contacts.contact:"));
    auto nothing = o.as("admin", {"search", "王五"});
    CHECK(nothing.exitCode == 0);
    CHECK(nothing.out == "Nothing found for '王五'\n");
    auto chinese = o.as("admin", {"--lang", "zh_CN", "search", "王五"});
    CHECK(chinese.out == "未找到 '王五'\n");
}

TEST_CASE("tiller-cli search shows each salesperson only the customers and contacts they may see", "[cli][search][security]") {
    Office o;
    CHECK(o.titles("ann", "张三") == Titles{"张三", "张三贸易有限公司"});
    CHECK(o.titles("ben", "张三") == Titles{"张三丰", "张三丰武术馆"});
    CHECK(o.titles("ann", "+86 21 5555 1234").empty());  // ben's contact's number
    CHECK(o.titles("admin", "张三").size() == 4);
    // Given the scope of all customers and contacts, ann sees ben's too.
    REQUIRE(o.as("admin", {"role", "scope", "sales", "contacts.customer", "all"}).exitCode == 0);
    REQUIRE(o.as("admin", {"role", "scope", "sales", "contacts.contact", "all"}).exitCode == 0);
    CHECK(o.titles("ann", "张三").size() == 4);
}

TEST_CASE("tiller-cli search refuses a query it cannot search for, saying why", "[cli][search]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    const std::string db = t.url().text();
    struct Case {
        std::string query, reason;
    };
    for (const auto& c : std::vector<Case>{{"", "the search text is empty"},
                                           {"   ", "the search text is empty"},
                                           {"a\tb", "control character"},
                                           {std::string(201, 'x'), "too long: at most 200 characters"},
                                           {"\xff\xfe", "not valid UTF-8"}}) {
        auto r = cli.run({"--db", db, "search", "--", c.query});
        INFO(c.query);
        CHECK(r.exitCode == 2);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Catch::Contains(c.reason));
    }
    CHECK(cli.run({"--db", db, "search"}).exitCode == 2);
    CHECK(cli.run({"--db", db, "search", "x", "--limit", "0"}).exitCode == 2);
    auto ok = cli.run({"--db", db, "search", std::string(200, 'x')});
    CHECK(ok.exitCode == 0);
}
