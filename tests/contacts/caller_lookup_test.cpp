// The contacts plugin's CallerLookup service (SPEC §7.2, the dialer's screen pop): the caller ID
// in the forms a network gives it finds the customer, by its own number or a contact's, with
// the account manager's name; an unknown number gets its region; a withheld number or one with
// letters is not looked up. SQLite and PostgreSQL.
#include "contacts_shop.hpp"

#include <tiller/telephony/caller.hpp>

#include <catch2/catch.hpp>

using namespace tiller;

namespace {

std::shared_ptr<telephony::CallerLookup> lookupOf(contacts::test::Shop& shop) {
    auto lookup = shop.host.service<telephony::CallerLookup>();
    REQUIRE(lookup);
    return lookup;
}

}  // namespace

TEST_CASE("the caller lookup finds a customer from the caller ID in any of its forms", "[contacts][caller]") {
    contacts::test::Shop shop;
    long long owner = shop.database->withSession([](soci::session& s) {
        s << "INSERT INTO core_user (login, name, active, created_at, updated_at) VALUES ('lina', '李娜', 1, 0, 0)";
        long long id = 0;
        s << "SELECT id FROM core_user WHERE login = 'lina'", soci::into(id);
        return id;
    });
    long long customer = shop.add("北京华信科技有限公司", {{"mobile", "138-0013-8000"}}, {{"name", "王伟"}, {"gender", "男"}, {"mobile", "13900139000"}});
    shop.database->withSession([&](soci::session& s) {
        s << "UPDATE contacts_customer SET owner_id = :o WHERE id = :c", soci::use(owner), soci::use(customer);
    });
    auto lookup = lookupOf(shop);

    for (const char* callerId : {"+8613800138000", "013800138000", "13800138000", "0086 138 0013 8000"}) {
        INFO(callerId);
        auto caller = lookup->lookup(shop.host, callerId, "zh_CN");
        CHECK(caller.known);
        CHECK(caller.entity == "contacts.customer");
        CHECK(caller.recordId == customer);
        CHECK(caller.name == "北京华信科技有限公司");
        CHECK(caller.contactName.empty());
        CHECK(caller.ownerName == "李娜");
        CHECK(caller.e164 == "+8613800138000");
        CHECK(caller.region == "北京市");
        CHECK(caller.otherMatches == 0);
    }
    // A contact's mobile names the contact and its customer.
    auto contact = lookup->lookup(shop.host, "+86 139 0013 9000", "en");
    CHECK(contact.known);
    CHECK(contact.recordId == customer);
    CHECK(contact.contactName == "王伟");
}

TEST_CASE("an unknown caller gets its region, a withheld or lettered caller ID is not looked up", "[contacts][caller]") {
    contacts::test::Shop shop;
    shop.add("上海客户", {{"phone", "021-55551234"}}, {});
    auto lookup = lookupOf(shop);

    auto unknown = lookup->lookup(shop.host, "+8613800138000", "zh_CN");
    CHECK_FALSE(unknown.known);
    CHECK(unknown.valid);
    CHECK(unknown.region == "北京市");
    CHECK(unknown.number == "138 0013 8000");
    CHECK(unknown.mobile);
    CHECK(lookup->lookup(shop.host, "+8613800138000", "en").region == "Beijing");

    auto landline = lookup->lookup(shop.host, "02155551234", "zh_CN");
    CHECK(landline.known);
    CHECK(landline.name == "上海客户");
    CHECK_FALSE(landline.mobile);

    auto withheld = lookup->lookup(shop.host, "anonymous", "zh_CN");
    CHECK(withheld.anonymous);
    CHECK_FALSE(withheld.known);
    CHECK(lookup->lookup(shop.host, "", "zh_CN").anonymous);
    auto letters = lookup->lookup(shop.host, "abc1234", "zh_CN");
    CHECK_FALSE(letters.known);
    CHECK_FALSE(letters.anonymous);
    CHECK_FALSE(letters.valid);
    CHECK(letters.number == "abc1234");
}

TEST_CASE("two customers with one number: the oldest answers and the others are counted", "[contacts][caller]") {
    contacts::test::Shop shop;
    long long first = shop.add("甲公司", {{"phone", "010-88886666"}}, {});
    shop.add("乙公司", {{"phone", "(010) 8888-6666"}}, {});
    auto caller = lookupOf(shop)->lookup(shop.host, "+861088886666", "zh_CN");
    CHECK(caller.known);
    CHECK(caller.recordId == first);
    CHECK(caller.otherMatches == 1);
    CHECK(caller.ownerName.empty());  // in the public pool: nobody's
}
