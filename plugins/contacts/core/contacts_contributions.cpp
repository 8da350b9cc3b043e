#include "contacts_contributions.hpp"
#include "caller_lookup.hpp"
#include "customer_rules.hpp"
#include "demo_customers.hpp"
#include "import_export_contributions.hpp"
#include "merge_contributions.hpp"
#include "pool_contributions.hpp"
#include "search_contributions.hpp"
#include "value_contributions.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace contacts {
std::vector<tiller::migrations::Migration> migrations();  // from migrations/*.sql

using namespace tiller::plugin;
using tiller::i18n::Text;

namespace {

void kind(Registry& registry, const char* id, const char* label, std::vector<SystemValue> values, bool tree = false,
          const char* column = nullptr) {
    DictionaryKind k;
    k.id = id;
    k.label = label;
    k.hierarchical = tree;
    k.systemValues = std::move(values);
    registry.add(k);
    if (column) registry.add(DictionaryUse{std::string(id) + "_customers", id, "contacts_customer", column, ""});
}

}  // namespace

void contribute(Registry& registry) {
    registry.addMigrations(migrations());

    // The six customer types are fixed (SPEC §2.2): system values, renamed never deleted.
    kind(registry, "contacts.customer_type", N_("Customer type"),
         {{std::string(kCustomer), Text::given("Customer", {{"zh_CN", "客户"}}), ""},
          {std::string(kSupplier), Text::given("Supplier", {{"zh_CN", "供应商"}}), ""},
          {std::string(kDistributor), Text::given("Distributor", {{"zh_CN", "分销商"}}), ""},
          {std::string(kAgent), Text::given("Agent", {{"zh_CN", "代理商"}}), ""},
          {std::string(kPartner), Text::given("Partner", {{"zh_CN", "合作伙伴"}}), ""},
          {std::string(kIndividual), Text::given("Individual", {{"zh_CN", "个人用户"}}), ""}},
         false, "type_id");
    kind(registry, "contacts.category", N_("Customer category"),
         {{"key", Text::given("Key account", {{"zh_CN", "重点客户"}}), ""},
          {"normal", Text::given("Ordinary", {{"zh_CN", "普通客户"}}), ""}},
         false, "category_id");
    kind(registry, "contacts.source", N_("Customer source"),
         {{"phone", Text::given("Phone enquiry", {{"zh_CN", "电话咨询"}}), ""},
          {"web", Text::given("Website", {{"zh_CN", "网站"}}), ""},
          {"referral", Text::given("Referral", {{"zh_CN", "客户介绍"}}), ""},
          {"show", Text::given("Trade show", {{"zh_CN", "展会"}}), ""}},
         false, "source_id");
    kind(registry, "contacts.region", N_("Region"),
         {{"north", Text::given("North China", {{"zh_CN", "华北"}}), ""},
          {"east", Text::given("East China", {{"zh_CN", "华东"}}), ""},
          {"south", Text::given("South China", {{"zh_CN", "华南"}}), ""}},
         true, "region_id");
    kind(registry, "contacts.industry", N_("Industry"),
         {{"manufacturing", Text::given("Manufacturing", {{"zh_CN", "制造业"}}), ""},
          {"retail", Text::given("Retail", {{"zh_CN", "零售"}}), ""},
          {"it", Text::given("Information technology", {{"zh_CN", "信息技术"}}), ""}},
         true, "industry_id");
    kind(registry, "contacts.size", N_("Company size"),
         {{"small", Text::given("1-49 people", {{"zh_CN", "1-49人"}}), ""},
          {"medium", Text::given("50-499 people", {{"zh_CN", "50-499人"}}), ""},
          {"large", Text::given("500 people or more", {{"zh_CN", "500人以上"}}), ""}},
         false, "size_id");
    kind(registry, "contacts.salutation", N_("Salutation"),
         {{"mr", Text::given("Mr", {{"zh_CN", "先生"}}), ""}, {"ms", Text::given("Ms", {{"zh_CN", "女士"}}), ""}});
    registry.add(DictionaryUse{"contacts.salutation_contacts", "contacts.salutation", "contacts_contact", "salutation_id", ""});
    kind(registry, "contacts.address_type", N_("Address type"),
         {{"office", Text::given("Office", {{"zh_CN", "办公地址"}}), ""},
          {"billing", Text::given("Billing", {{"zh_CN", "开票地址"}}), ""},
          {"delivery", Text::given("Delivery", {{"zh_CN", "收货地址"}}), ""}});
    registry.add(DictionaryUse{"contacts.address_type_addresses", "contacts.address_type", "contacts_address", "type_id", ""});

    // Who is calling, for a dialer's screen pop (SPEC §7.2).
    registry.provide<tiller::telephony::CallerLookup>(std::make_shared<ContactsCallerLookup>());

    DemoDataProvider demo;
    demo.id = "contacts.customers";
    demo.label = N_("Customers");
    demo.order = 100;
    demo.fill = [](Host& host, const DemoOptions& options) {
        tiller::jobs::Silent silent;
        long long n = addDemoCustomers(host, options.size, options.progress ? *options.progress : silent);
        return std::to_string(n) + " customers";
    };
    registry.add(demo);

    // After the base kinds, so the dictionary screen opens on the six customer types.
    contributeMerging(registry);
    contributePool(registry);
    contributeValue(registry);
    contributeSearch(registry);
    contributeImportExport(registry);
}

}  // namespace contacts
