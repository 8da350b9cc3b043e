// Customer import (SPEC §2.11, issue 7 item 8) on SQLite and PostgreSQL: the files people bring
// (Chinese CSV, address-book exports, GBK and UTF-16 text, Excel, vCards), the columns mapped
// from their headers or a map file, every row checked, phones normalised and indexed, and
// duplicates reported; a dry run and a cancel leave nothing.
#include "import_shop.hpp"

#include "core/phone_index.hpp"
#include "core/search_index.hpp"

#include <tiller/record/custom_fields.hpp>

#include <catch2/catch.hpp>
#include <xlsxwriter.h>

using namespace contacts;
using contacts::test::fixture;
using contacts::test::ImportShop;

namespace {

std::string problemsOf(const CustomerImportReport& r, long long line) {
    std::string all;
    for (const auto& row : r.rejected)
        if (row.line == line)
            for (const auto& p : row.problems) all += (all.empty() ? "" : "; ") + p.column + ": " + p.message;
    return all;
}

}  // namespace

TEST_CASE("a Chinese CSV is imported with its columns recognised, phones normalised and indexed", "[contacts][import]") {
    ImportShop shop;
    CustomerImportOptions options;
    options.category = "重点客户";
    auto r = shop.import(fixture("customers.csv"), options);
    INFO(problemsOf(r, 4));
    CHECK(r.format == FileFormat::csv);
    CHECK(r.encoding == "UTF-8");
    CHECK(r.rowsRead == 3);
    CHECK(r.imported == 3);
    CHECK(r.contacts == 3);
    CHECK(r.addresses == 3);
    CHECK(r.rejected.empty());
    CHECK(r.unknownColumns == std::vector<std::string>{"微信号"});
    CHECK(shop.text("SELECT v.code FROM contacts_customer c JOIN core_dictionary_value v ON v.id = c.category_id "
                    "WHERE c.name = '北京华信科技有限公司'") == "key");
    CHECK(shop.text("SELECT t.gender FROM contacts_contact t JOIN contacts_customer c ON c.id = t.customer_id "
                    "WHERE c.name = '上海明月贸易有限公司'") == "女");
    // The number is kept as typed; the phone index finds it however it is written.
    CHECK(shop.text("SELECT mobile FROM contacts_customer WHERE name = '北京华信科技有限公司'") == "138-0013-8000");
    PhoneIndex phones(*shop.database);
    auto owners = phones.find("+86 138 0013 8000");
    REQUIRE(owners.size() == 1);
    CHECK(owners[0].first == "customer");
    CHECK(shop.text("SELECT address FROM contacts_address a JOIN contacts_customer c ON c.id = a.customer_id "
                    "WHERE c.name = '广州鸿运电子厂'") == "广州市天河区体育西路8号, 3楼");
    CHECK(shop.text("SELECT postcode FROM contacts_address WHERE address LIKE '北京%'") == "100080");
    // Found by the global search, pinyin included, and audited as created.
    SearchIndex search(*shop.database);
    auto hits = search.search("mingyue");
    CHECK_FALSE(search.search("明月").empty());
    CHECK(shop.count("SELECT COUNT(*) FROM core_audit WHERE entity = 'contacts.customer' AND action = 'create'") == 3);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer WHERE name_key IS NULL") == 0);
}

TEST_CASE("address-book exports join first and last names and the address parts", "[contacts][import]") {
    ImportShop shop;
    auto r = shop.import(fixture("outlook.csv"));
    INFO(problemsOf(r, 2) << problemsOf(r, 3));
    CHECK(r.imported == 2);
    CHECK(r.unknownColumns.empty());
    CHECK(shop.text("SELECT t.name FROM contacts_contact t JOIN contacts_customer c ON c.id = t.customer_id "
                    "WHERE c.name = 'Harbour Trading Ltd'") == "John Smith");
    CHECK(shop.text("SELECT title FROM contacts_contact WHERE name = 'John Smith'") == "Buyer");
    CHECK(shop.text("SELECT address FROM contacts_address") == "1 Dock Road, London, United Kingdom");
    CHECK(shop.text("SELECT postcode FROM contacts_address") == "E14 5AB");
    // A person without a company is a customer of their own.
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer WHERE name = 'Mary Jones'") == 1);
    CHECK(shop.text("SELECT notes FROM contacts_customer WHERE name = 'Mary Jones'") == "Private customer");

    auto tabs = shop.import(fixture("surname_given.txt"));
    CHECK(tabs.format == FileFormat::txt);
    CHECK(tabs.imported == 1);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact WHERE name = '张三'") == 1);
}

TEST_CASE("UTF-8 with and without a byte-order mark, GBK, GB18030 and UTF-16 import alike", "[contacts][import]") {
    for (const char* name : {"customers.utf8.csv", "customers.utf8-bom.csv", "customers.gbk.csv", "customers.gb18030.csv",
                             "customers.utf16le-bom.csv"}) {
        ImportShop shop;
        auto r = shop.import(std::filesystem::path(TILLER_FIXTURES) / "import" / "encodings" / name);
        INFO(name << " read as " << r.encoding);
        // The third row has the first one's mobile, written another way: a duplicate.
        CHECK(r.rowsRead >= 3);
        CHECK(r.imported == r.rowsRead - 1);
        CHECK(r.duplicates == 1);
        CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact WHERE name = '李四'") == 1);
        CHECK(shop.text("SELECT address FROM contacts_address a JOIN contacts_customer c ON c.id = a.customer_id "
                        "WHERE c.name = '上海明月贸易有限公司'") == "上海市浦东新区世纪大道100号");
    }
    ImportShop shop;
    CustomerImportOptions forced;
    forced.read.encoding = "gbk";
    CHECK(shop.import(std::filesystem::path(TILLER_FIXTURES) / "import" / "encodings" / "customers.gbk.csv", forced).imported == 2);
}

TEST_CASE("an Excel workbook imports like the CSV", "[contacts][import]") {
    ImportShop shop;
    auto file = shop.t.dir() / "customers.xlsx";
    lxw_workbook* book = workbook_new(file.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    const char* header[] = {"公司名称", "联系人", "手机", "生日"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
    worksheet_write_string(sheet, 1, 0, "北京华信科技有限公司", nullptr);
    worksheet_write_string(sheet, 1, 1, "王伟", nullptr);
    worksheet_write_number(sheet, 1, 2, 13800138000.0, nullptr);  // Excel keeps numbers as numbers
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_datetime birthday = {1980, 5, 17, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 3, &birthday, date);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);

    auto r = shop.import(file);
    INFO(problemsOf(r, 2));
    CHECK(r.format == FileFormat::xlsx);
    CHECK(r.imported == 1);
    CHECK(shop.text("SELECT mobile FROM contacts_customer") == "13800138000");
    CHECK(shop.text("SELECT birthday FROM contacts_contact") == "1980-05-17");
}

TEST_CASE("vCards 2.1, 3.0 and 4.0 import, a card without a name is rejected with its line", "[contacts][import]") {
    ImportShop shop;
    auto android = shop.import(std::filesystem::path(TILLER_FIXTURES) / "import" / "vcard" / "android-2.1.vcf");
    INFO(problemsOf(android, 1));
    CHECK(android.format == FileFormat::vcf);
    CHECK(android.imported >= 1);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer WHERE name = '北京星辰科技有限公司'") == 1);
    CHECK(shop.text("SELECT t.name FROM contacts_contact t JOIN contacts_customer c ON c.id = t.customer_id "
                    "WHERE c.name = '北京星辰科技有限公司'") == "张三");
    CHECK(shop.text("SELECT title FROM contacts_contact WHERE name = '张三'") == "采购经理");

    ImportShop other;
    auto r = other.import(fixture("nameless.vcf"));
    CHECK(r.rowsRead == 3);
    CHECK(r.imported == 2);
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected[0].line == 8);
    CHECK(other.count("SELECT COUNT(*) FROM contacts_customer WHERE name = 'Mary Jones'") == 1);
}

TEST_CASE("a map file sends columns where the headers do not say, unknown columns to custom fields", "[contacts][import]") {
    ImportShop shop;
    tiller::record::CustomFieldDraft wechat;
    wechat.name = "wechat";
    wechat.labels = {{"en", "WeChat"}, {"zh_CN", "微信"}};
    tiller::record::CustomFields(shop.host, shop.clock).add("contacts.customer", wechat);
    tiller::record::Store store(shop.host, shop.clock);
    CustomerImportOptions options;
    options.map = readColumnMap(fixture("map.yaml"), store.entity("contacts.customer"));
    CHECK(options.map.at("微信") == "cf_wechat");
    CHECK(options.map.at("备用电话").empty());
    auto r = shop.import(fixture("mapped.csv"), options);
    INFO(problemsOf(r, 2));
    CHECK(r.imported == 1);
    CHECK(r.unknownColumns.empty());
    CHECK(shop.text("SELECT cf_wechat FROM contacts_customer") == "wx_huaxin");
    CHECK(shop.text("SELECT phone FROM contacts_customer").empty());
    // Without the map the unknown headers are reported (and 微信 is guessed from the field's label).
    auto guessed = CustomerImport(shop.host, shop.clock).preview(fixture("mapped.csv"), {});
    CHECK(guessed.plan.targets[4] == "cf_wechat");
    CHECK(guessed.plan.targets[1] == "mobile");
    CHECK(guessed.plan.unknown == std::vector<std::string>{"客户全名", "备用电话"});
}

TEST_CASE("a broken map file names the file, the line and the key", "[contacts][import]") {
    ImportShop shop;
    tiller::record::Store store(shop.host, shop.clock);
    const auto& customer = store.entity("contacts.customer");
    CHECK_THROWS_WITH(readColumnMap(fixture("map_unknown_target.yaml"), customer),
                      Catch::Contains("map_unknown_target.yaml:2: key '手机号码'") && Catch::Contains("'mobil' is not a target"));
    CHECK_THROWS_WITH(readColumnMap(fixture("map_not_scalar.yaml"), customer),
                      Catch::Contains("map_not_scalar.yaml:2: key '手机号码'"));
    CHECK_THROWS_WITH(readColumnMap(fixture("map_bad_yaml.yaml"), customer), Catch::Contains("map_bad_yaml.yaml:2"));
    CHECK_THROWS_WITH(readColumnMap(fixture("missing.yaml"), customer), Catch::Contains("cannot open the file"));
}

TEST_CASE("rows with empty required fields are rejected with their line and reason, and written to the error file",
          "[contacts][import]") {
    ImportShop shop;
    auto r = shop.import(fixture("empty_required.csv"));
    CHECK(r.rowsRead == 5);
    REQUIRE(r.rejected.size() == 3);
    CHECK_THAT(problemsOf(r, 2), Catch::Contains("客户名称: is required"));
    CHECK_THAT(problemsOf(r, 3), Catch::Contains("give a mobile or a phone number"));
    CHECK_THAT(problemsOf(r, 6), Catch::Contains("邮箱: 'not-an-email' is not an e-mail address"));
    // Rule 004's contact and gender: imported, counted, left to the card.
    CHECK(r.imported == 2);
    CHECK(r.withoutContact == 1);
    CHECK(r.withoutGender == 1);
    REQUIRE_FALSE(r.notes.empty());
    CHECK_THAT(r.notes.back(), Catch::Contains("1 customers have no contact and 1 contacts no gender"));

    auto errors = shop.t.dir() / "errors.csv";
    writeImportErrors(r, errors);
    auto text = tiller::test::readFile(errors);
    CHECK(text.rfind("\xEF\xBB\xBF\"line\",\"reason\",\"客户名称\"", 0) == 0);
    CHECK_THAT(text, Catch::Contains("\"6\",\"邮箱: 'not-an-email' is not an e-mail address\",\"深圳瑞丰电子有限公司\""));
}

TEST_CASE("invalid phone numbers are kept as typed and flagged, never dropped", "[contacts][import]") {
    ImportShop shop;
    auto r = shop.import(fixture("invalid_phones.csv"));
    CHECK(r.imported == 2);
    CHECK(shop.text("SELECT mobile FROM contacts_customer WHERE name = '北京华信科技有限公司'") == "1380013800");
    CHECK(shop.text("SELECT phone FROM contacts_customer WHERE name = '上海明月贸易有限公司'") == "021-5555");
    REQUIRE(r.flagged.size() == 3);
    CHECK(r.flagged[0].line == 2);
    CHECK(r.flagged[0].column == "手机");
    CHECK(r.flagged[0].number == "1380013800");
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_phone WHERE valid = 0 AND owner_kind = 'customer'") == 3);
    CHECK(shop.text("SELECT lookup_key FROM contacts_phone WHERE raw = '1380013800'") == "1380013800");
    // Text that is no phone number at all is refused by the Store's rule, with the row's line.
    CHECK_THAT(problemsOf(r, 4), Catch::Contains("电话: 'call me' is not a phone number"));
}

TEST_CASE("duplicates of existing customers and of earlier rows are reported, not doubled", "[contacts][import]") {
    ImportShop shop;
    auto first = shop.import(fixture("duplicate_rows.csv"));
    CHECK(first.rowsRead == 5);
    CHECK(first.imported == 2);
    CHECK(first.duplicates == 3);
    CHECK_THAT(problemsOf(first, 4), Catch::Contains("repeats line 2: the same name (北京华信科技)"));
    CHECK_THAT(problemsOf(first, 5), Catch::Contains("repeats line 3: the same mobile (+86 139 1234 5678)"));
    CHECK_THAT(problemsOf(first, 6), Catch::Contains("repeats line 3: the same e-mail"));

    // The same file again: every row is now a customer already.
    auto again = shop.import(fixture("duplicate_rows.csv"));
    CHECK(again.imported == 0);
    CHECK(again.duplicates == 5);
    CHECK_THAT(problemsOf(again, 2), Catch::Contains("already a customer: 北京华信科技有限公司 (#"));
    CHECK(shop.customers() == 2);
}

TEST_CASE("a dry run reports exactly what an import would and changes nothing", "[contacts][import]") {
    ImportShop shop;
    CustomerImportOptions dry;
    dry.dryRun = true;
    auto r = shop.import(fixture("duplicate_rows.csv"), dry);
    CHECK(r.dryRun);
    CHECK(r.imported == 2);
    CHECK(r.duplicates == 3);
    CHECK(shop.everything() == 0);
    auto real = shop.import(fixture("duplicate_rows.csv"));
    CHECK(real.imported == r.imported);
    CHECK(real.rejected.size() == r.rejected.size());
}

TEST_CASE("a cancelled import leaves nothing behind", "[contacts][import]") {
    ImportShop shop;
    auto big = shop.t.dir() / "big.csv";
    std::string text = "客户名称,联系人,手机\n";
    for (int i = 0; i < 3000; ++i) text += "客户" + std::to_string(i) + ",联系人" + std::to_string(i) + ",1380000" + std::to_string(1000 + i) + "\n";
    tiller::test::writeFile(big, text);
    for (int at : {1, 3, 7}) {  // the first batch, a later one, the very end before the commit
        contacts::test::CancelAt cancel(at);
        CustomerImportOptions options;
        options.category = "normal";
        CHECK_THROWS_AS(CustomerImport(shop.host, shop.clock).run(big, options, cancel), tiller::jobs::JobCancelled);
        CHECK(shop.everything() == 0);
    }
    CHECK(shop.import(big).imported == 3000);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_phone") == 3000);
}

TEST_CASE("the category is chosen for every row or comes from the file", "[contacts][import]") {
    ImportShop shop;
    tiller::jobs::Silent silent;
    CHECK_THROWS_WITH(CustomerImport(shop.host, shop.clock).run(fixture("customers.csv"), {}, silent),
                      Catch::Contains("the file has no category column"));
    CustomerImportOptions unknown;
    unknown.category = "VIP";
    CHECK_THROWS_WITH(CustomerImport(shop.host, shop.clock).run(fixture("customers.csv"), unknown, silent),
                      Catch::Contains("there is no customer category 'VIP'") && Catch::Contains("Key account"));
    auto withColumn = shop.t.dir() / "with_category.csv";
    tiller::test::writeFile(withColumn, "客户名称,客户分类,手机\n甲公司,重点客户,13800138000\n乙公司,无此分类,13900139000\n");
    auto r = CustomerImport(shop.host, shop.clock).run(withColumn, {}, silent);
    CHECK(r.imported == 1);
    CHECK_THAT(problemsOf(r, 3), Catch::Contains("客户分类: '无此分类' is not one of the values of this list"));
    CHECK(shop.everything() > 0);
}

TEST_CASE("importing needs the import permission", "[contacts][import]") {
    ImportShop shop;
    class NoImport : public tiller::plugin::PermissionChecker {
        bool allows(const std::string& p) const override { return p != "contacts.import"; }
    };
    shop.host.setPermissions(std::make_shared<NoImport>());
    CHECK_THROWS_AS(shop.import(fixture("customers.csv")), tiller::PermissionDenied);
    CHECK(shop.everything() == 0);
}
