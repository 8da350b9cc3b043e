#include "demo_customers.hpp"

#include "core/phone_numbers.hpp"
#include "core/record_indexes.hpp"

#include <tiller/clock.hpp>
#include <tiller/db/row.hpp>

#include <array>
#include <map>
#include <string>

namespace contacts {
namespace {

constexpr std::array<const char*, 12> kCities = {"北京", "上海", "广州", "深圳", "杭州", "成都",
                                                 "武汉", "南京", "苏州", "天津", "西安", "重庆"};
constexpr std::array<const char*, 10> kTrades = {"华信", "恒通", "宏达", "金源", "鑫盛", "瑞丰", "博远", "安泰", "天成", "永利"};
constexpr std::array<const char*, 6> kKinds = {"科技有限公司", "贸易有限公司", "电子有限公司", "商贸行", "机械厂", "餐饮店"};
constexpr std::array<const char*, 8> kEnglish = {"Harbour", "Summit", "Blue River", "Northwind", "Golden Gate", "Maple",
                                                 "Sterling", "Evergreen"};
constexpr std::array<const char*, 4> kEnglishKinds = {"Trading Ltd", "Electronics Co.", "Imports", "Consulting"};
constexpr std::array<const char*, 12> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
constexpr std::array<const char*, 12> kGiven = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "婷"};
constexpr std::array<const char*, 6> kFirst = {"Alice", "Bob", "Carol", "David", "Emma", "Frank"};
constexpr std::array<const char*, 6> kLast = {"Chen", "Smith", "Wong", "Brown", "Li", "Taylor"};

std::map<std::string, long long> codes(soci::session& s, const std::string& kind) {
    std::map<std::string, long long> ids;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT code, id FROM core_dictionary_value WHERE kind = :k", soci::use(kind));
    for (const auto& r : rows) ids[tiller::db::textAt(r, 0)] = tiller::db::integerAt(r, 1);
    return ids;
}

}  // namespace

long long addDemoCustomers(tiller::plugin::Host& host, int count, tiller::jobs::Progress& progress) {
    long long now = tiller::SystemClock().nowMs();
    long long owner = host.actingUser().value_or(0);
    soci::indicator ownerInd = host.actingUser() ? soci::i_ok : soci::i_null;
    host.database().inTransaction([&](soci::session& s) {
        auto categories = codes(s, "contacts.category");
        auto types = codes(s, "contacts.customer_type");
        auto regions = codes(s, "contacts.region");
        std::string name, phone, mobile, email, status, contactName, contactMobile, gender;
        long long category = 0, type = 0, region = 0, customerId = 0, contactId = 0;
        // Written around the Store for speed, so the phone and search indexes are filled here too.
        const PhoneNumbers numbers;
        IndexWriter indexes(s, numbers, now);
        soci::statement customer =
            (s.prepare << "INSERT INTO contacts_customer (name, category_id, type_id, status, region_id, owner_id, phone, "
                          "mobile, email, created_at, updated_at) VALUES (:n, :c, :t, :s, :r, :o, :p, :m, :e, :ca, :ua) "
                          "RETURNING id",
             soci::use(name), soci::use(category), soci::use(type), soci::use(status), soci::use(region),
             soci::use(owner, ownerInd), soci::use(phone), soci::use(mobile), soci::use(email), soci::use(now),
             soci::use(now), soci::into(customerId));
        soci::statement contact =
            (s.prepare << "INSERT INTO contacts_contact (customer_id, name, gender, mobile, owner_id, created_at, updated_at) "
                          "VALUES (:c, :n, :g, :m, :o, :ca, :ua) RETURNING id",
             soci::use(customerId), soci::use(contactName), soci::use(gender), soci::use(contactMobile),
             soci::use(owner, ownerInd), soci::use(now), soci::use(now), soci::into(contactId));
        static const char* statuses[] = {"basic", "potential", "potential", "successful", "pilot", "typical", "invalid"};
        for (int i = 0; i < count; ++i) {
            bool english = i % 7 == 3;
            name = english ? std::string(kEnglish[i % kEnglish.size()]) + " " + kEnglishKinds[(i / 8) % kEnglishKinds.size()] +
                                 " " + std::to_string(i + 1)
                           : std::string(kCities[i % kCities.size()]) + kTrades[(i / 12) % kTrades.size()] +
                                 kKinds[(i / 120) % kKinds.size()] + (i >= 720 ? std::to_string(i / 720) : "");
            category = categories[i % 5 == 0 ? "key" : "normal"];
            type = types[i % 11 == 0 ? "supplier" : i % 13 == 0 ? "distributor" : "customer"];
            region = regions[i % 3 == 0 ? "north" : i % 3 == 1 ? "east" : "south"];
            status = statuses[i % 7];
            phone = "0" + std::to_string(10 + i % 90) + "-" + std::to_string(55500000 + (i * 37) % 4000000);
            mobile = "13" + std::to_string(800000000 + (i * 7919LL) % 199999999);
            email = "info" + std::to_string(i + 1) + "@example.com";
            customer.execute(true);
            indexes.add("customer", customerId, {name, {phone, mobile}, {name, phone, mobile, email}});
            for (int c = 0; c < 2; ++c) {
                int k = i * 2 + c;
                contactName = english ? std::string(kFirst[k % kFirst.size()]) + " " + kLast[(k / 6) % kLast.size()]
                                      : std::string(kSurnames[k % kSurnames.size()]) + kGiven[(k / 12) % kGiven.size()];
                gender = k % 2 ? "女" : "男";
                contactMobile = "15" + std::to_string(900000000 + (k * 104729LL) % 99999999);
                contact.execute(true);
                indexes.add("contact", contactId, {contactName, {contactMobile}, {contactName, contactMobile}});
            }
            if (i % 500 == 499 || i + 1 == count) tiller::jobs::checkpoint(progress, i + 1, count);
        }
    });
    return count;
}

}  // namespace contacts
