// The duplicate check of SPEC §2.10 on SQLite and PostgreSQL: the same number however it is
// written, the same e-mail in any case, the same or a similar name, each with its reason.
#include "contacts_shop.hpp"
#include "core/duplicate_finder.hpp"

#include <catch2/catch.hpp>

using namespace contacts;
using contacts::test::Shop;

namespace {

// reason code -> value, for one candidate.
std::multimap<std::string, std::string> reasons(const DuplicateCandidate& c) {
    std::multimap<std::string, std::string> out;
    for (const auto& m : c.matches) out.emplace(reasonCode(m.reason), m.value);
    return out;
}

std::string shown(const std::multimap<std::string, std::string>& reasons) {
    std::string all;
    for (const auto& [why, value] : reasons) all += why + "=" + value + "; ";
    return all;
}

}  // namespace

TEST_CASE("a customer being added finds the same number, e-mail and name, with the reasons", "[contacts][duplicates]") {
    Shop shop;
    long long huaxin = shop.add("北京华信科技有限公司", {{"mobile", "138-0013-8000"}, {"email", "Sales@HuaXin.cn"}},
                                {{"name", "王伟"}, {"gender", "男"}, {"phone", "021-55551234"}, {"email", "wang.wei@huaxin.cn"}});
    long long other = shop.add("Acme Trading Co., Ltd.", {{"phone", "010-62345678"}}, {});
    DuplicateFinder finder(shop.host);

    auto byNumber = finder.candidatesFor(NewCustomer{{{"name", "某某公司"}, {"mobile", "+86 138 0013 8000"}}, {}});
    REQUIRE(byNumber.size() == 1);
    CHECK(byNumber[0].customerId == huaxin);
    CHECK(byNumber[0].name == "北京华信科技有限公司");
    CHECK(reasons(byNumber[0]) == std::multimap<std::string, std::string>{{"phone", "138-0013-8000"}});

    // The contact's number and e-mail count for the contact's customer.
    auto byContact = finder.candidatesFor(NewCustomer{{{"name", "新客户"}}, {{"phone", "(021) 5555-1234"}, {"email", "WANG.WEI@huaxin.cn"}}});
    REQUIRE(byContact.size() == 1);
    CHECK(byContact[0].customerId == huaxin);
    CHECK(reasons(byContact[0]) ==
          std::multimap<std::string, std::string>{{"phone", "021-55551234"}, {"email", "wang.wei@huaxin.cn"}});

    auto byEmail = finder.candidatesFor(NewCustomer{{{"name", "新客户"}, {"email", " sales@huaxin.CN "}}, {}});
    REQUIRE(byEmail.size() == 1);
    INFO(shown(reasons(byEmail[0])));
    CHECK(reasons(byEmail[0]) == std::multimap<std::string, std::string>{{"email", "Sales@huaxin.cn"}});  // the Store keeps the domain in lower case

    auto sameName = finder.candidatesFor(NewCustomer{{{"name", "北京 华信科技"}}, {}});
    REQUIRE(sameName.size() == 1);
    CHECK(reasons(sameName[0]) == std::multimap<std::string, std::string>{{"name", "北京华信科技有限公司"}});
    auto english = finder.candidatesFor(NewCustomer{{{"name", "ACME trading limited"}}, {}});
    REQUIRE(english.size() == 1);
    CHECK(english[0].customerId == other);

    auto similar = finder.candidatesFor(NewCustomer{{{"name", "北京华信科技发展有限公司"}}, {}});
    REQUIRE(similar.size() == 1);
    CHECK(reasons(similar[0]) == std::multimap<std::string, std::string>{{"similar_name", "北京华信科技有限公司"}});

    // More reasons first.
    auto both = finder.candidatesFor(NewCustomer{{{"name", "Acme Trading"}, {"mobile", "13800138000"}}, {}});
    REQUIRE(both.size() == 2);
    CHECK(both[0].customerId == huaxin);  // equal reasons: a number beats a name
    CHECK(both[1].customerId == other);

    CHECK(finder.candidatesFor(NewCustomer{{{"name", "上海恒大地产"}, {"mobile", "13900139000"}}, {}}).empty());
}

TEST_CASE("a saved customer's duplicates leave the customer itself out", "[contacts][duplicates]") {
    Shop shop;
    long long a = shop.add("华信科技有限公司", {{"mobile", "13800138000"}}, {});
    long long b = shop.add("华信科技", {{"phone", "0755-88889999"}}, {{"name", "李娜"}, {"gender", "女"}, {"mobile", "+8613800138000"}});
    DuplicateFinder finder(shop.host);
    auto found = finder.candidatesFor(a);
    REQUIRE(found.size() == 1);
    CHECK(found[0].customerId == b);
    CHECK(reasons(found[0]) == std::multimap<std::string, std::string>{{"phone", "+8613800138000"}, {"name", "华信科技"}});
    CHECK_THROWS_AS(finder.candidatesFor(9999), tiller::NotFound);
}

TEST_CASE("every shared number, e-mail and name is listed as a group", "[contacts][duplicates]") {
    Shop shop;
    long long a = shop.add("华信科技有限公司", {{"mobile", "13800138000"}, {"email", "info@huaxin.cn"}}, {});
    long long b = shop.add("Huaxin Tech", {{"mobile", "+86 138 0013 8000"}}, {});
    long long c = shop.add("恒大地产", {{"phone", "020-12345678"}, {"email", "INFO@huaxin.cn"}}, {});
    // A customer loaded in bulk, around the Store: no normalised name until the keys are filled.
    shop.database->withSession([](soci::session& s) {
        s << "INSERT INTO contacts_customer (name, created_at, updated_at) VALUES ('华信科技 (有限公司)', 1, 1)";
    });
    DuplicateFinder finder(shop.host);
    tiller::jobs::Silent silent;
    CHECK(finder.fillMissingKeys(silent) == 1);
    CHECK(finder.fillMissingKeys(silent) == 0);
    auto groups = finder.groups();
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].reason == DuplicateReason::samePhone);
    CHECK(groups[0].value == "8613800138000");
    CHECK(groups[0].customers == std::vector<std::pair<long long, std::string>>{{a, "华信科技有限公司"}, {b, "Huaxin Tech"}});
    CHECK(groups[1].reason == DuplicateReason::sameEmail);
    CHECK(groups[1].value == "info@huaxin.cn");
    CHECK(groups[1].customers.size() == 2);
    CHECK(groups[1].customers[1].first == c);
    CHECK(groups[2].reason == DuplicateReason::sameName);
    CHECK(groups[2].value == "华信科技");
    CHECK(groups[2].customers.size() == 2);
}

TEST_CASE("the duplicate check needs the right permissions", "[contacts][duplicates]") {
    Shop shop;
    shop.host.setPermissions(std::make_shared<contacts::test::AllowAllBut>(std::set<std::string>{"contacts.merge"}));
    CHECK_THROWS_AS(DuplicateFinder(shop.host).groups(), tiller::PermissionDenied);
    CHECK(DuplicateFinder(shop.host).candidatesFor(NewCustomer{{{"name", "x"}}, {}}).empty());
    shop.host.setPermissions(std::make_shared<contacts::test::AllowAllBut>(std::set<std::string>{"contacts.view"}));
    CHECK_THROWS_AS(DuplicateFinder(shop.host).candidatesFor(NewCustomer{{{"name", "x"}}, {}}), tiller::PermissionDenied);
}
