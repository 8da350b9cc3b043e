// Customer export (SPEC §2.11) on SQLite and PostgreSQL: the customers of a query within the data
// scope, with custom fields, as CSV, TXT, xlsx and vCard; an export imports back as it was.
#include "import_shop.hpp"

#include "core/customer_export.hpp"

#include <tiller/record/custom_fields.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace contacts;
using contacts::test::fixture;
using contacts::test::ImportShop;

namespace {

void addWeChat(ImportShop& shop) {
    tiller::record::CustomFieldDraft wechat;
    wechat.name = "wechat";
    wechat.labels = {{"en", "WeChat"}, {"zh_CN", "微信"}};
    tiller::record::CustomFields(shop.host, shop.clock).add("contacts.customer", wechat);
}

// Every customer as one line of what was imported, sorted, to compare two databases.
std::vector<std::string> snapshot(ImportShop& shop, bool vcardOnly = false) {
    std::vector<std::string> lines;
    shop.database->withSession([&](soci::session& s) {
        std::string sql =
            vcardOnly
                ? "SELECT c.name, c.phone, c.mobile, c.fax, c.email, c.notes, t.name, t.title, t.birthday, a.address, a.postcode "
                : "SELECT c.name, v.code, c.phone, c.mobile, c.fax, c.email, c.website, c.notes, c.credit_limit, c.cf_wechat, "
                  "t.name, t.gender, t.title, t.mobile, t.phone, t.email, t.birthday, a.address, a.postcode ";
        sql += "FROM contacts_customer c LEFT JOIN core_dictionary_value v ON v.id = c.category_id "
               "LEFT JOIN contacts_contact t ON t.customer_id = c.id LEFT JOIN contacts_address a ON a.customer_id = c.id";
        soci::rowset<soci::row> rows = s.prepare << sql;
        for (const auto& r : rows) {
            std::string line;
            for (std::size_t i = 0; i < r.size(); ++i) line += tiller::db::displayAt(r, i) + "|";
            lines.push_back(line);
        }
    });
    std::sort(lines.begin(), lines.end());
    return lines;
}

void fill(ImportShop& shop) {
    addWeChat(shop);
    CustomerImportOptions options;
    options.category = "重点客户";
    REQUIRE(shop.import(fixture("customers.csv"), options).imported == 3);
    REQUIRE(shop.import(fixture("outlook.csv")).imported == 2);
    shop.database->withSession([](soci::session& s) {
        s << "UPDATE contacts_customer SET cf_wechat = 'wx_huaxin', credit_limit = 12345000, website = 'https://huaxin.cn', "
             "fax = '010-62345679' WHERE name = '北京华信科技有限公司'";
        s << "UPDATE contacts_contact SET birthday = '1980-05-17', title = '经理' WHERE name = '王伟'";
    });
}

}  // namespace

TEST_CASE("an export in each format imports back as it was", "[contacts][export]") {
    ImportShop source;
    fill(source);
    tiller::jobs::Silent silent;
    for (auto format : {FileFormat::csv, FileFormat::txt, FileFormat::xlsx, FileFormat::vcf}) {
        auto file = source.t.dir() / ("customers." + std::string(formatName(format)));
        CHECK(exportCustomers(source.host, source.clock, {"", format}, file, silent) == 5);
        ImportShop copy;
        addWeChat(copy);
        CustomerImportOptions options;  // the category comes from the file, except in vCards
        if (format == FileFormat::vcf) options.category = "normal";
        auto r = CustomerImport(copy.host, copy.clock).run(file, options, silent);
        INFO(formatName(format) << ": " << (r.rejected.empty() ? "" : r.rejected[0].problems[0].message));
        CHECK(r.imported == 5);
        CHECK(r.rejected.empty());
        if (format == FileFormat::vcf) {
            CHECK(snapshot(copy, true) == snapshot(source, true));
        } else {
            CHECK(r.unknownColumns.empty());
            CHECK(snapshot(copy) == snapshot(source));
        }
    }
}

TEST_CASE("an export writes the customers the list's search finds, with a byte-order mark for Excel", "[contacts][export]") {
    ImportShop shop;
    fill(shop);
    tiller::jobs::Silent silent;
    auto file = shop.t.dir() / "huaxin.csv";
    CHECK(exportCustomers(shop.host, shop.clock, {"华信", FileFormat::csv}, file, silent) == 1);
    auto text = tiller::test::readFile(file);
    CHECK(text.rfind("\xEF\xBB\xBF\"Customer name\"", 0) == 0);
    CHECK_THAT(text, Catch::Contains("\"北京华信科技有限公司\""));
    CHECK_THAT(text, Catch::Contains("\"WeChat\""));
    CHECK_THAT(text, Catch::Contains("\"wx_huaxin\""));
    CHECK_THAT(text, Catch::Contains("\"Key account\""));
    CHECK_FALSE(text.find("上海明月") != std::string::npos);
}

TEST_CASE("an export keeps to the person's data scope and needs the export permission", "[contacts][export]") {
    ImportShop shop;
    fill(shop);
    long long mine = shop.count("SELECT MIN(id) FROM contacts_customer");
    shop.database->withSession([&](soci::session& s) {
        s << "INSERT INTO core_user (login, name, active, created_at, updated_at) VALUES ('li', 'Li', 1, 0, 0)";
        s << "INSERT INTO core_user (login, name, active, created_at, updated_at) VALUES ('wang', 'Wang', 1, 0, 0)";
    });
    long long li = shop.count("SELECT id FROM core_user WHERE login = 'li'");
    long long wang = shop.count("SELECT id FROM core_user WHERE login = 'wang'");
    shop.database->withSession([&](soci::session& s) {
        // Li's one customer; the others are Wang's (customers without an owner are in the public pool, seen by all).
        s << "UPDATE contacts_customer SET owner_id = :u", soci::use(wang);
        s << "UPDATE contacts_customer SET owner_id = :u WHERE id = :id", soci::use(li), soci::use(mine);
    });
    class OwnOnly : public tiller::plugin::PermissionChecker {
    public:
        OwnOnly(long long user, bool mayExport) : user_(user), mayExport_(mayExport) {}
        bool allows(const std::string& p) const override { return p != "contacts.export" || mayExport_; }
        std::string condition(const std::string&, const std::string& column) const override {
            return column + " = " + std::to_string(user_);
        }
        std::optional<long long> userId() const override { return user_; }

    private:
        long long user_;
        bool mayExport_;
    };
    tiller::jobs::Silent silent;
    shop.host.setPermissions(std::make_shared<OwnOnly>(li, true));
    auto file = shop.t.dir() / "mine.csv";
    CHECK(exportCustomers(shop.host, shop.clock, {"", FileFormat::csv}, file, silent) == 1);
    shop.host.setPermissions(std::make_shared<OwnOnly>(li, false));
    CHECK_THROWS_AS(exportCustomers(shop.host, shop.clock, {"", FileFormat::csv}, file, silent), tiller::PermissionDenied);
}

TEST_CASE("a cancelled export leaves no file behind", "[contacts][export]") {
    ImportShop shop;
    fill(shop);
    contacts::test::CancelAt cancel(1);
    auto file = shop.t.dir() / "cancelled.xlsx";
    CHECK_THROWS_AS(exportCustomers(shop.host, shop.clock, {"", FileFormat::xlsx}, file, cancel), tiller::jobs::JobCancelled);
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK_FALSE(std::filesystem::exists(file.string() + ".part"));
}

TEST_CASE("headers in Chinese and English, and the export's own, find their targets", "[contacts][import]") {
    ImportShop shop;
    tiller::record::Store store(shop.host, shop.clock);
    const auto& customer = store.entity("contacts.customer");
    CHECK(guessTarget("*客户名称", customer) == "name");
    CHECK(guessTarget("Company", customer) == "name");
    CHECK(guessTarget("E-mail Address", customer) == "email");
    CHECK(guessTarget("Mobile Phone", customer) == "mobile");
    CHECK(guessTarget("Business Phone", customer) == "phone");
    CHECK(guessTarget("Home Phone", customer) == "contact.phone");
    CHECK(guessTarget("手机（必填）", customer) == "");
    CHECK(guessTarget("手机号码", customer) == "mobile");
    CHECK(guessTarget("联系人", customer) == "contact.name");
    CHECK(guessTarget("姓", customer) == "contact.last_name");
    CHECK(guessTarget("First Name", customer) == "contact.first_name");
    CHECK(guessTarget("Business Street", customer) == "address.street");
    CHECK(guessTarget("Business Country/Region", customer) == "address.country");
    CHECK(guessTarget("客户经理", customer) == "owner_id");
    for (const auto& target : importTargets(customer)) {
        INFO(target.key << " labelled " << target.label);
        CHECK(guessTarget(target.label, customer) == target.key);
    }
    CHECK(headerKey("E-mail Address") == "emailaddress");
    CHECK(headerKey("（客户）名称：") == "客户名称");
}
