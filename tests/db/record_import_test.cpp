// Importing records from CSV into the real hello plugin's greetings, on both engines: values
// typed the way people type them, rejected rows with their line and reason, one transaction
// (a cancel or a dry run changes nothing), custom fields and mapped columns.
#include "test_database.hpp"

#include <tiller/record/custom_fields.hpp>
#include <tiller/record/import.hpp>
#include <tiller/runtime.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace tiller;

namespace {

std::filesystem::path fixture(const std::string& name) { return std::filesystem::path(TILLER_FIXTURES) / "import" / name; }

struct Counting : jobs::Progress {
    std::vector<std::pair<long long, long long>> calls;
    long long cancelAt = -1;
    jobs::Verdict poll(long long done, long long total) override {
        calls.emplace_back(done, total);
        return cancelAt >= 0 && done >= cancelAt ? jobs::Verdict::cancel : jobs::Verdict::proceed;
    }
};

struct Shop {
    test::TestDatabase t;
    std::unique_ptr<Runtime> runtime;
    std::unique_ptr<record::Store> store;

    Shop() {
        setenv("XDG_CONFIG_HOME", (t.dir() / "config").c_str(), 1);  // no one's disabled-plugin list
        setenv("XDG_DATA_HOME", (t.dir() / "data").c_str(), 1);
        config::Settings settings;
        settings.database = t.url();
        runtime = std::make_unique<Runtime>(settings);
        runtime->loadPlugins();
        runtime->openDatabase();
        runtime->signInAlone();
        fresh();
    }
    // A Store that knows the custom fields added so far.
    void fresh() { store = std::make_unique<record::Store>(runtime->host(), runtime->clock()); }

    record::ImportReport import(const std::filesystem::path& file, record::ImportOptions options = {}) {
        jobs::Silent silent;
        return record::importCsv(*store, "hello.greeting", file, options, silent);
    }
    long long count() {
        return runtime->database().withSession([](soci::session& s) {
            long long n = 0;
            s << "SELECT COUNT(*) FROM hello_greeting", soci::into(n);
            return n;
        });
    }
    record::Record byName(const std::string& name) {
        auto found = store->find("hello.greeting", name, 2);
        REQUIRE(found.size() == 1);
        return store->read("hello.greeting", found[0].first);
    }
    std::string text(const record::Record& r, const std::string& field) {
        return store->text(*store->entity("hello.greeting").field(field), r.value(field));
    }
};

// "line 3: amount: ..." for every problem, in order, to compare whole reports at once.
std::vector<std::string> problems(const record::ImportReport& report) {
    std::vector<std::string> out;
    for (const auto& row : report.rejected)
        for (const auto& p : row.problems) out.push_back("line " + std::to_string(row.line) + ": " + p.field + ": " + p.message);
    return out;
}

std::vector<long long> lines(const record::ImportReport& report) {
    std::vector<long long> out;
    for (const auto& row : report.rejected) out.push_back(row.line);
    return out;
}

}  // namespace

TEST_CASE("a CSV with Chinese headers and values as people type them is imported", "[import]") {
    Shop shop;
    auto report = shop.import(fixture("good.csv"));  // byte-order mark, CRLF, labels in Chinese
    CHECK(report.rowsRead == 3);
    CHECK(report.imported == 3);
    CHECK(report.rejected.empty());
    CHECK(report.unknownColumns.empty());
    CHECK(report.columns.size() == 7);
    CHECK(report.header.front() == "姓名");
    REQUIRE(shop.count() == 3);
    auto zhang = shop.byName("张三");
    CHECK(std::get<std::string>(zhang.value("greeting")) == "生日快乐");
    CHECK(std::get<long long>(zhang.value("amount")) == 123450);
    CHECK(std::get<std::string>(zhang.value("visit_on")) == "2026-03-08");
    CHECK(shop.runtime->database().withSession([&](soci::session& s) {
        std::string code;
        s << "SELECT code FROM core_dictionary_value WHERE id = :id", soci::use(std::get<long long>(zhang.value("occasion_id"))),
            soci::into(code);
        return code;
    }) == "birthday");
    CHECK(std::get<long long>(zhang.value("vip")) == 1);
    CHECK(std::get<std::string>(zhang.value("email")) == "Zhang@example.com");
    CHECK(std::holds_alternative<long long>(zhang.value("owner_id")));  // whoever imported it
    auto wang = shop.byName("王五");
    CHECK(std::get<std::string>(wang.value("visit_on")) == "2026-12-31");
    CHECK(std::holds_alternative<std::monostate>(wang.value("vip")));
    CHECK(shop.text(shop.byName("李四"), "amount") == "88.00");
}

TEST_CASE("rows with values of the wrong type are rejected with line and reason, the rest imported", "[import]") {
    Shop shop;
    auto report = shop.import(fixture("wrong_types.csv"));
    CHECK(report.rowsRead == 6);
    CHECK(report.imported == 2);
    CHECK(lines(report) == std::vector<long long>{3, 4, 5, 6});
    CHECK(problems(report) == std::vector<std::string>{
                                  "line 3: amount: '12abc' is not an amount like 1234.50",
                                  "line 4: visit_on: '2026-02-30' is not a date like 2026-03-08",
                                  "line 4: vip: 'maybe' is not yes or no",
                                  "line 4: email: 'not-an-email' is not an e-mail address",
                                  "line 5: name: is required",
                                  "line 6: occasion_id: '婚礼' is not one of the values of this list",
                              });
    CHECK(report.rejected[0].problems[0].column == "amount");
    CHECK(report.rejected[0].cells[0] == "小明");
    CHECK(shop.count() == 2);
    CHECK(std::get<long long>(shop.byName("李四").value("amount")) == 200000);
}

TEST_CASE("an import counts the lines of a quoted value, so later rows keep their line numbers", "[import]") {
    Shop shop;
    auto report = shop.import(fixture("multiline.csv"));
    CHECK(report.rowsRead == 5);
    CHECK(report.imported == 3);
    CHECK(problems(report) == std::vector<std::string>{"line 5: name: is required",
                                                      "line 9: amount: 'lots' is not an amount like 1234.50"});
    CHECK(std::get<std::string>(shop.byName("张三").value("greeting")) == "第一行\n第二行");
    CHECK(std::get<std::string>(shop.byName("李四").value("greeting")) == "He said \"hi\", twice");
    CHECK(std::get<std::string>(shop.byName("赵六").value("greeting")) == "a\n\nb");
}

TEST_CASE("a cancelled import leaves nothing imported", "[import]") {
    Shop shop;
    auto file = shop.t.dir() / "many.csv";
    {
        std::ofstream out(file);
        out << "name,greeting,amount\n";
        for (int i = 1; i <= 1000; ++i) out << "客户" << i << ",你好," << i << ".50\n";
    }
    Counting cancelling;
    cancelling.cancelAt = 500;
    CHECK_THROWS_AS(record::importCsv(*shop.store, "hello.greeting", file, {}, cancelling), jobs::JobCancelled);
    REQUIRE(cancelling.calls.size() == 5);
    CHECK(cancelling.calls.front() == std::pair<long long, long long>{100, 1000});
    CHECK(shop.count() == 0);

    Counting counting;
    auto report = record::importCsv(*shop.store, "hello.greeting", file, {}, counting);
    CHECK(report.imported == 1000);
    REQUIRE_FALSE(counting.calls.empty());
    CHECK(counting.calls.back() == std::pair<long long, long long>{1000, 1000});
    CHECK(shop.count() == 1000);
}

TEST_CASE("a dry run reports what an import would do and imports nothing", "[import]") {
    Shop shop;
    record::ImportOptions dry;
    dry.dryRun = true;
    auto checked = shop.import(fixture("wrong_types.csv"), dry);
    CHECK(checked.dryRun);
    CHECK(shop.count() == 0);
    auto real = shop.import(fixture("wrong_types.csv"));
    CHECK(checked.rowsRead == real.rowsRead);
    CHECK(checked.imported == real.imported);
    CHECK(problems(checked) == problems(real));
    CHECK(shop.count() == 2);
}

TEST_CASE("an import finds a custom field's column by its label in any language or its name", "[import]") {
    Shop shop;
    record::CustomFieldDraft wechat;
    wechat.name = "wechat";
    wechat.labels = {{"en", "WeChat"}, {"zh_CN", "微信"}};
    record::CustomFields(shop.runtime->host(), shop.runtime->clock()).add("hello.greeting", wechat);
    shop.fresh();
    auto report = shop.import(fixture("custom.csv"));
    CHECK(report.imported == 2);
    CHECK(report.columns.back() == std::pair<std::string, std::string>{"微信", "cf_wechat"});
    CHECK(std::get<std::string>(shop.byName("张三").value("cf_wechat")) == "zhangsan_wx");
    int n = 0;
    for (const char* header : {"WeChat", "wechat", "CF_WECHAT"}) {
        auto file = shop.t.dir() / ("custom" + std::to_string(++n) + ".csv");
        std::ofstream(file) << "name,greeting," << header << "\n客户" << n << ",你好,wx" << n << "\n";
        INFO(header);
        auto r = shop.import(file);
        REQUIRE(r.imported == 1);
        CHECK(std::get<std::string>(shop.byName("客户" + std::to_string(n)).value("cf_wechat")) == "wx" + std::to_string(n));
    }
}

TEST_CASE("an import lists the columns no field answers to instead of refusing them", "[import]") {
    Shop shop;
    auto report = shop.import(fixture("unknown_columns.csv"));
    CHECK(report.unknownColumns == std::vector<std::string>{"Shoe size", "ID", "State"});  // state is kept by Tiller
    CHECK(report.imported == 1);
    CHECK(std::get<std::string>(shop.byName("张三").value("state")) == "draft");
}

TEST_CASE("an import follows an explicit map for columns the automatic mapping does not know", "[import]") {
    Shop shop;
    record::ImportOptions options;
    options.mapping = record::readImportMap(fixture("mapped.yaml"));
    CHECK(options.mapping.at("客户名称") == "name");
    auto report = shop.import(fixture("mapped.csv"), options);
    CHECK(report.unknownColumns.empty());
    CHECK(report.imported == 1);
    CHECK(std::get<std::string>(shop.byName("张三").value("note")) == "备注一");

    options.mapping = {{"客户名称", "name"}, {"问候", "name"}};
    CHECK_THROWS_WITH(shop.import(fixture("mapped.csv"), options), Catch::Contains("'客户名称' and '问候' both give Name"));
    options.mapping = {{"备注列", "shoe_size"}};
    CHECK_THROWS_WITH(shop.import(fixture("mapped.csv"), options), Catch::Contains("'shoe_size', which is not a field of Greeting"));
    CHECK(shop.count() == 1);
}

TEST_CASE("a malformed file is refused with the line to look at, and nothing is imported", "[import]") {
    Shop shop;
    CHECK_THROWS_WITH(shop.import(fixture("unterminated_quote.csv")),
                      Catch::Contains("unterminated_quote.csv, line 3") && Catch::Contains("closing quote"));
    CHECK_THROWS_WITH(shop.import(fixture("not_utf8.csv")), Catch::Contains("not_utf8.csv, line 3") && Catch::Contains("not UTF-8"));
    auto empty = shop.t.dir() / "empty.csv";
    std::ofstream(empty) << "";
    CHECK_THROWS_WITH(shop.import(empty), Catch::Contains("the file is empty"));
    CHECK(shop.count() == 0);
}

TEST_CASE("the import error file lists the rejected rows with line and reason, ready to correct", "[import]") {
    Shop shop;
    auto report = shop.import(fixture("wrong_types.csv"));
    auto errors = shop.t.dir() / "errors.csv";
    record::writeErrorFile(report, errors);
    std::ifstream in(errors, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    CHECK(text.rfind("\xEF\xBB\xBF\"line\",\"reason\",\"name\",\"greeting\",\"amount\",\"visit_on\",\"vip\",\"email\",\"occasion_id\"\r\n", 0) == 0);
    CHECK_THAT(text, Catch::Contains(R"("3","amount: '12abc' is not an amount like 1234.50","小明","你好","12abc","2026-03-08","","","")"
                                     "\r\n"));
    CHECK_THAT(text, Catch::Contains(R"("4","visit_on: '2026-02-30' is not a date like 2026-03-08; vip: 'maybe' is not yes or no; )"));
    // Imported again as it is, the error file itself says what is still wrong.
    auto again = shop.import(errors);
    CHECK(again.unknownColumns == std::vector<std::string>{"line", "reason"});
    CHECK(lines(again) == std::vector<long long>{2, 3, 4, 5});
}
