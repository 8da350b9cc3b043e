#include "demo_leads.hpp"

#include <tiller/clock.hpp>
#include <tiller/db/row.hpp>

#include <array>
#include <algorithm>
#include <map>
#include <string>

namespace contacts {
namespace {

constexpr std::array<const char*, 8> kCompanies = {"星辰软件", "海韵贸易", "蓝鲸物流", "青禾农业",
                                                   "Brightline Studio", "Oakridge Supplies", "金桥建材", "云帆教育"};
constexpr std::array<const char*, 8> kPeople = {"林晓", "郭强", "何丽", "马超", "Grace Lee", "Tom Walker", "宋佳", "韩磊"};
constexpr std::array<const char*, 4> kSources = {"web", "show", "phone", "referral"};
constexpr std::array<const char*, 5> kStatuses = {"new", "contacted", "qualified", "new", "discarded"};

std::map<std::string, long long> codes(soci::session& s, const std::string& kind) {
    std::map<std::string, long long> ids;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT code, id FROM core_dictionary_value WHERE kind = :k", soci::use(kind));
    for (const auto& r : rows) ids[tiller::db::textAt(r, 0)] = tiller::db::integerAt(r, 1);
    return ids;
}

}  // namespace

DemoLeads addDemoLeads(tiller::plugin::Host& host, int customers, tiller::jobs::Progress& progress) {
    DemoLeads added;
    int count = std::max(3, customers / 20);
    long long now = tiller::SystemClock().nowMs();
    host.database().inTransaction([&](soci::session& s) {
        auto sources = codes(s, "contacts.source");
        auto statuses = codes(s, "contacts.lead_status");
        std::string name, person, gender, mobile, email;
        long long source = 0, status = 0, owner = host.actingUser().value_or(0);
        soci::indicator ownerInd = soci::i_null;
        soci::statement insert =
            (s.prepare << "INSERT INTO contacts_lead (name, contact_name, gender, mobile, email, source_id, status_id, owner_id, "
                          "assigned_at, created_at, updated_at) VALUES (:n, :p, :g, :m, :e, :s, :st, :o, :a, :c, :u)",
             soci::use(name), soci::use(person), soci::use(gender), soci::use(mobile), soci::use(email), soci::use(source),
             soci::use(status), soci::use(owner, ownerInd), soci::use(now, ownerInd), soci::use(now), soci::use(now));
        for (int i = 0; i < count; ++i) {
            name = std::string(kCompanies[i % kCompanies.size()]) + (i >= static_cast<int>(kCompanies.size()) ? " " + std::to_string(i / kCompanies.size() + 1) : "");
            person = kPeople[(i * 3) % kPeople.size()];
            gender = i % 2 ? "女" : "男";
            mobile = "17" + std::to_string(700000000 + (i * 48611LL) % 299999999);
            email = "lead" + std::to_string(i + 1) + "@example.net";
            source = sources[kSources[i % kSources.size()]];
            status = statuses[kStatuses[i % kStatuses.size()]];
            ownerInd = host.actingUser() && i % 3 != 0 ? soci::i_ok : soci::i_null;  // a third in the pool
            insert.execute(true);
            if (i % 500 == 499) tiller::jobs::checkpoint(progress, i + 1, count);
        }
        added.leads = count;
        // One in twenty of the customers just added starts in the public pool, with its contacts.
        long long last = 0;
        soci::indicator lastInd = soci::i_null;
        s << "SELECT MAX(id) FROM contacts_customer", soci::into(last, lastInd);
        long long first = (lastInd == soci::i_ok ? last : 0) - customers;
        soci::statement pool = (s.prepare << "UPDATE contacts_customer SET owner_id = NULL, assigned_at = NULL "
                                             "WHERE id > :f AND id % 20 = 0",
                                soci::use(first));
        pool.execute(true);
        added.pooled = pool.get_affected_rows();
        s << "UPDATE contacts_contact SET owner_id = NULL WHERE customer_id > :f AND customer_id % 20 = 0", soci::use(first);
    });
    return added;
}

}  // namespace contacts
