// The global search index (contacts_search, migration 002) on SQLite and PostgreSQL: Chinese
// names by any part, pinyin and initials, phone and email fragments; ranking, limit and scope.
#include "core/search_index.hpp"
#include "core/search_tokens.hpp"

#include "test_database.hpp"

#include <tiller/db/dialect.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace contacts;
using tiller::test::TestDatabase;

namespace {

// The migrations as reviewed (the index, then its short-query part), read from the source tree
// and rendered for the engine at hand.
void createSearchIndex(tiller::db::Database& database) {
    for (const char* name : {"/002_create_search_index.sql", "/004_create_short_search_index.sql"}) {
        std::ifstream file(std::string(TILLER_CONTACTS_MIGRATIONS) + name);
        REQUIRE(file);
        std::stringstream sql;
        sql << file.rdbuf();
        const auto script = tiller::db::renderPortableSql(database.engine(), sql.str());
        database.inTransaction([&](soci::session& session) {
            for (const auto& statement : tiller::db::splitStatements(script)) session << statement;
        });
    }
}

bool found(const std::vector<SearchHit>& hits, const std::string& kind, long long id) {
    return std::any_of(hits.begin(), hits.end(),
                       [&](const SearchHit& h) { return h.kind == kind && h.recordId == id; });
}

struct Fixture {
    TestDatabase t;
    std::shared_ptr<tiller::db::Database> database = t.open();
    SearchIndex index{(createSearchIndex(*database), *database)};

    Fixture() {
        index.put("contact", 1, "张三", {"张三", "138-0013-8000", "zhangsan@example.com"});
        index.put("customer", 2, "北京华为科技有限公司",
                  {"北京华为科技有限公司", "010-8000-1234", "sales@huawei-bj.cn"});
        index.put("contact", 3, "李四", {"李四", "13912345678"});
        index.put("customer", 4, "Alice Trading", {"Alice Trading", "alice@trading.com"});
    }
};

}  // namespace

TEST_CASE("a Chinese name is found by its characters, its pinyin and its initials", "[contacts][search]") {
    Fixture f;
    for (std::string q : {"张", "张三", "zhangsan", "zs", "zhang", "zhang san", "ZhangSan", " 张三 "}) {
        INFO(q);
        CHECK(found(f.index.search(q), "contact", 1));
    }
    CHECK_FALSE(found(f.index.search("李"), "contact", 1));
    CHECK(f.index.search("王五").empty());
    CHECK(f.index.search("").empty());
}

TEST_CASE("a company is found by any part of its name, phone or email", "[contacts][search]") {
    Fixture f;
    for (std::string q : {"华为", "科技有限", "北京华为科技有限公司", "8000", "010-8000", "01080001234",
                          "huawei-bj", "sales@", "bjhw", "huawei"}) {
        INFO(q);
        CHECK(found(f.index.search(q), "customer", 2));
    }
    CHECK(found(f.index.search("Alice@TRADING"), "customer", 4));
    // "8000" is in both the contact's mobile and the company's phone.
    CHECK(found(f.index.search("8000"), "contact", 1));
    // LIKE's wildcards are plain characters in a query.
    CHECK(f.index.search("%").empty());
    CHECK(f.index.search("_x_").empty());
}

TEST_CASE("exact titles rank before title prefixes before other matches, the limit holds", "[contacts][search]") {
    Fixture f;
    f.index.put("customer", 10, "华为", {"华为"});
    f.index.put("customer", 11, "华为终端", {"华为终端"});
    const auto hits = f.index.search("华为");
    REQUIRE(hits.size() == 3);
    CHECK(hits[0] == SearchHit{"customer", 10, "华为", SearchHit::Rank::exactTitle});
    CHECK(hits[1] == SearchHit{"customer", 11, "华为终端", SearchHit::Rank::titlePrefix});
    CHECK(hits[2] == SearchHit{"customer", 2, "北京华为科技有限公司", SearchHit::Rank::contains});
    // The same order for a query of 3+ characters (the trigram path).
    f.index.put("customer", 12, "华为终端有限公司", {"华为终端有限公司"});
    const auto longer = f.index.search("华为终端");
    REQUIRE(longer.size() == 2);
    CHECK(longer[0].recordId == 11);
    CHECK(longer[1].recordId == 12);
    CHECK(longer[1].rank == SearchHit::Rank::titlePrefix);

    CHECK(f.index.search("华为", 2).size() == 2);
    CHECK(f.index.search("华为", 2)[1].recordId == 11);
    CHECK(f.index.search("华为", 1).size() == 1);
    CHECK(f.index.search("华为", 0).empty());
    for (int i = 100; i < 130; ++i) f.index.put("contact", i, "王小明", {"王小明", "wang@x.cn"});
    CHECK(f.index.search("王", 20).size() == 20);
    CHECK(f.index.search("wang@x", 7).size() == 7);
}

TEST_CASE("put replaces a record's entry and remove takes it away", "[contacts][search]") {
    Fixture f;
    f.index.put("contact", 1, "张三丰", {"张三丰", "13700000000"});
    CHECK_FALSE(found(f.index.search("138-0013"), "contact", 1));
    CHECK(found(f.index.search("13700000000"), "contact", 1));
    CHECK(f.index.search("张三丰").size() == 1);
    f.index.remove("contact", 1);
    CHECK(f.index.search("张三丰").empty());
    CHECK(f.index.search("zsf").empty());
    CHECK(found(f.index.search("华为科技"), "customer", 2));  // the others are untouched
}

TEST_CASE("the data scope limits the hits", "[contacts][search]") {
    Fixture f;
    CHECK(f.index.search("8000", 20, "s.kind = 'customer'") ==
          std::vector<SearchHit>{{"customer", 2, "北京华为科技有限公司", SearchHit::Rank::contains}});
    CHECK(f.index.search("张三", 20, "s.kind = 'customer'").empty());
    CHECK(f.index.search("华为科技", 20, "s.record_id IN (2, 3)").size() == 1);
}

TEST_CASE("one and two characters are looked up in the short index, never by scanning", "[contacts][search]") {
    Fixture f;
    f.index.put("customer", 20, "上海鑫盛贸易有限公司", {"上海鑫盛贸易有限公司", "021-5555-1234", "Sales@XinSheng.cn"});
    f.index.put("contact", 21, "Alice Wong", {"Alice Wong", "awong@mail.example"});
    // A character or pair anywhere in the name, not only at its start.
    for (std::string q : {"鑫", "盛", "鑫盛", "贸易", "公司"}) {
        INFO(q);
        CHECK(found(f.index.search(q), "customer", 20));
    }
    // Two letters find the words that start with them: pinyin, initials, English names, e-mail.
    for (std::string q : {"xi", "sh", "sh", "sa"}) {
        INFO(q);
        CHECK(found(f.index.search(q), "customer", 20));
    }
    for (std::string q : {"al", "wo", "aw", "AL"}) {
        INFO(q);
        CHECK(found(f.index.search(q), "contact", 21));
    }
    CHECK(found(f.index.search("zs"), "contact", 1));
    CHECK(found(f.index.search("zh"), "contact", 1));
    // Not a word's start, two characters not side by side, or a pair across two texts.
    CHECK_FALSE(found(f.index.search("ng"), "contact", 21));
    CHECK_FALSE(found(f.index.search("鑫易"), "customer", 20));
    CHECK(f.index.search("司0").empty());
    // One Latin letter or two digits would match nearly everything: only titles answer them.
    CHECK(f.index.search("a") == std::vector<SearchHit>{{"customer", 4, "Alice Trading", SearchHit::Rank::titlePrefix},
                                                        {"contact", 21, "Alice Wong", SearchHit::Rank::titlePrefix}});
    CHECK(f.index.search("55").empty());
    // The short index follows updates and removals.
    f.index.put("customer", 20, "上海博远机械厂", {"上海博远机械厂"});
    CHECK_FALSE(found(f.index.search("鑫"), "customer", 20));
    CHECK(found(f.index.search("机械"), "customer", 20));
    f.index.remove("customer", 20);
    CHECK_FALSE(found(f.index.search("机械"), "customer", 20));
}

TEST_CASE("short tokens: Han characters and pairs, and the first two characters of other words", "[contacts][search]") {
    CHECK(shortTokensOf("华为") == "为 华 华为");
    CHECK(shortTokensOf("zhangsan\nzhang san\nzs") == "sa zh zs");
    CHECK(shortTokensOf("010-8000 1234\n01080001234") == "");
    CHECK(shortTokensOf("a座3楼 josé@x.cn") == "cn jo 座 楼");
    CHECK(shortTokensOf("\xff\xfe") == "");
    CHECK(shortQueryToken("王") == "王");
    CHECK(shortQueryToken("王伟") == "王伟");
    CHECK(shortQueryToken("zs") == "zs");
    CHECK(shortQueryToken("a1") == "a1");
    CHECK_FALSE(shortQueryToken("z"));
    CHECK_FALSE(shortQueryToken("12"));
    CHECK_FALSE(shortQueryToken("王a"));
    CHECK_FALSE(shortQueryToken("@x"));
    CHECK_FALSE(shortQueryToken("王伟芳"));
}
