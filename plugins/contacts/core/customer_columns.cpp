#include "core/customer_columns.hpp"

#include "core/import_text.hpp"

#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

namespace contacts {
namespace {

using tiller::record::Entity;
using tiller::record::Field;

// Targets that are not customer fields, with their labels (English, for the catalog).
struct Extra {
    const char* key;
    const char* label;
    const char* group;
};
constexpr Extra kExtras[] = {
    {"contact.name", N_("Contact"), "contact"},
    {"contact.first_name", N_("Contact's given name"), "contact"},
    {"contact.middle_name", N_("Contact's middle name"), "contact"},
    {"contact.last_name", N_("Contact's family name"), "contact"},
    {"contact.gender", N_("Gender"), "contact"},
    {"contact.title", N_("Job title"), "contact"},
    {"contact.salutation", N_("Salutation"), "contact"},
    {"contact.mobile", N_("Contact's mobile"), "contact"},
    {"contact.phone", N_("Contact's phone"), "contact"},
    {"contact.email", N_("Contact's e-mail"), "contact"},
    {"contact.birthday", N_("Birthday"), "contact"},
    {"contact.notes", N_("Contact's notes"), "contact"},
    {"address", N_("Address"), "address"},
    {"address.street", N_("Street"), "address"},
    {"address.city", N_("City"), "address"},
    {"address.region", N_("Province or state"), "address"},
    {"address.country", N_("Country"), "address"},
    {"address.postcode", N_("Postcode"), "address"},
    {"address.type", N_("Address type"), "address"},
};

// Customer fields by a shorter name for map files: "category" for category_id.
constexpr std::pair<const char*, const char*> kShortNames[] = {
    {"category", "category_id"}, {"type", "type_id"},     {"region", "region_id"}, {"industry", "industry_id"},
    {"size", "size_id"},         {"source", "source_id"}, {"owner", "owner_id"},
};

// What headers say in the files people bring: Chinese CRMs and Excel sheets, Outlook, Google
// Contacts, Thunderbird, Salesforce, HubSpot, Zoho. Compared through headerKey().
struct Synonyms {
    const char* target;
    std::initializer_list<const char*> headers;
};
const Synonyms kSynonyms[] = {
    {"name", {"客户名称", "客户名", "客户", "客户全称", "公司", "公司名称", "公司名", "单位", "单位名称", "企业名称",
              "企业", "机构名称", "组织", "名称", "company", "companyname", "organization", "organisation",
              "organizationname", "organisationname", "account", "accountname", "customer", "customername",
              "org", "business", "businessname"}},
    {"category_id", {"客户分类", "分类", "客户类别", "类别", "category", "customercategory"}},
    {"type_id", {"客户类型", "类型", "type", "customertype", "accounttype"}},
    {"region_id", {"地区", "区域", "所属地区", "region", "salesregion"}},
    {"industry_id", {"行业", "所属行业", "industry"}},
    {"size_id", {"规模", "企业规模", "公司规模", "人数", "size", "companysize", "employees", "numberofemployees"}},
    {"source_id", {"来源", "客户来源", "source", "leadsource", "customersource"}},
    {"owner_id", {"客户经理", "负责人", "所有者", "业务员", "销售", "owner", "accountowner", "accountmanager",
                  "salesperson"}},
    {"phone", {"电话", "座机", "固定电话", "固话", "办公电话", "公司电话", "联系电话", "电话号码", "总机", "phone",
               "telephone", "tel", "phonenumber", "businessphone", "workphone", "officephone", "companyphone",
               "companymainphone", "mainphone", "primaryphone", "phone1value", "phone1", "telwork", "telvoice"}},
    {"mobile", {"手机", "手机号", "手机号码", "移动电话", "手机号码1", "mobile", "mobilephone", "cell", "cellphone",
                "cellular", "mobilenumber", "cellnumber", "telcell"}},
    {"email", {"邮箱", "电子邮件", "电子邮箱", "邮件", "email", "e-mail", "emailaddress", "e-mailaddress", "mail",
               "primaryemail", "email1value", "e-mail1value", "workemail", "businessemail", "emailaddress1"}},
    {"fax", {"传真", "传真号码", "fax", "businessfax", "faxnumber", "workfax", "telfax"}},
    {"website", {"网址", "网站", "主页", "公司网址", "官网", "website", "webpage", "web", "url", "homepage",
                 "webaddress", "website1value"}},
    {"credit_limit", {"信用额度", "额度", "creditlimit"}},
    {"notes", {"备注", "说明", "描述", "notes", "note", "comments", "comment", "description", "remarks"}},
    {"contact.name", {"联系人", "联系人姓名", "联系人名称", "姓名", "全名", "contact", "contactname",
                      "contactperson", "name", "fullname", "displayname", "fn"}},
    {"contact.first_name", {"名", "名字", "联系人名", "contactsgivenname", "firstname", "givenname", "forename"}},
    {"contact.middle_name", {"中间名", "联系人中间名", "contactsmiddlename", "middlename", "additionalname"}},
    {"contact.last_name", {"姓", "姓氏", "联系人姓", "contactsfamilyname", "lastname", "familyname", "surname"}},
    {"contact.gender", {"性别", "gender", "sex"}},
    {"contact.title", {"职务", "职位", "头衔", "岗位", "title", "jobtitle", "position", "role"}},
    {"contact.salutation", {"称呼", "称谓", "salutation", "prefix", "nameprefix"}},
    {"contact.mobile", {"联系人手机", "contactsmobile", "contactmobile"}},
    {"contact.phone", {"联系人电话", "contactsphone", "contactphone", "homephone", "personalphone", "otherphone", "telhome"}},
    {"contact.email", {"联系人邮箱", "contactsemail", "contactemail", "contactse-mail", "homeemail", "personalemail", "email2"}},
    {"contact.birthday", {"生日", "出生日期", "birthday", "dateofbirth", "birthdate", "bday"}},
    {"contact.notes", {"联系人备注", "contactsnotes", "contactnotes"}},
    {"address", {"地址", "详细地址", "公司地址", "联系地址", "通讯地址", "办公地址", "单位地址", "address",
                 "fulladdress", "businessaddress", "workaddress", "mailingaddress", "address1formatted",
                 "postaladdress", "adr"}},
    {"address.street", {"街道", "街道地址", "street", "streetaddress", "businessstreet", "workstreet",
                        "mailingstreet", "billingstreet", "address1street", "homestreet", "addressline1"}},
    {"address.city", {"城市", "市", "所在城市", "city", "businesscity", "workcity", "mailingcity", "billingcity",
                      "address1city", "homecity", "town"}},
    {"address.region", {"省", "省份", "所在省份", "州", "provinceorstate", "state", "province", "stateprovince", "businessstate",
                        "workstate", "mailingstate", "billingstate", "address1region", "homestate", "county"}},
    {"address.country", {"国家", "国家地区", "country", "countryregion", "businesscountry", "businesscountryregion",
                         "workcountry", "mailingcountry", "billingcountry", "address1country", "homecountry"}},
    {"address.postcode", {"邮编", "邮政编码", "postcode", "postalcode", "zip", "zipcode", "businesspostalcode",
                          "workpostalcode", "mailingzip", "billingzip", "mailingpostalcode", "billingpostalcode",
                          "address1postalcode", "homepostalcode", "adrpostcode"}},
    {"address.type", {"地址类型", "addresstype"}},
};

std::string asciiLower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// The field a customer target writes: "category" -> "category_id"; "" for other groups.
const Field* customerField(const std::string& key, const Entity& customer) {
    if (key.find('.') != std::string::npos) return nullptr;
    const Field* f = customer.field(key);
    if (!f || f->readOnly || !f->enabled || !tiller::record::hasColumn(f->type)) return nullptr;
    return f;
}

bool isExtra(const std::string& key) {
    return std::any_of(std::begin(kExtras), std::end(kExtras), [&](const Extra& e) { return key == e.key; });
}

// Header key -> target, built for one entity (its labels and custom fields take part).
std::map<std::string, std::string> knownHeaders(const Entity& customer) {
    std::map<std::string, std::string> known;
    auto add = [&](const std::string& header, const std::string& target) {
        auto k = headerKey(header);
        if (!k.empty()) known.emplace(k, target);  // the first claim wins
    };
    for (const auto& s : kSynonyms)
        for (const char* h : s.headers) add(h, s.target);
    for (const auto& f : customer.fields) {
        if (!customerField(f.name, customer)) continue;
        add(f.name, f.name);
        add(f.label.source, f.name);
        for (const auto& [language, text] : f.label.byLanguage) add(text, f.name);
        add(tiller::i18n::tr(f.label), f.name);
        if (f.custom && f.name.rfind("cf_", 0) == 0) add(f.name.substr(3), f.name);
    }
    // The labels of the other targets in English and in the running language (export headers).
    for (const auto& e : kExtras) {
        add(e.key, e.key);
        add(e.label, e.key);
        add(tiller::i18n::tr(e.label, "tiller-contacts"), e.key);
    }
    return known;
}

}  // namespace

std::string headerKey(const std::string& header) {
    std::string key;
    for (std::size_t i = 0; i < header.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(header[i]);
        if (c < 0x80) {
            if (std::string_view(" \t\r\n_-./:*#()[]'\"?").find(static_cast<char>(c)) != std::string_view::npos) continue;
            key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            continue;
        }
        // Fullwidth punctuation and the ideographic space: （）：＊ and U+3000.
        static const std::string_view kWide[] = {"\xEF\xBC\x88", "\xEF\xBC\x89", "\xEF\xBC\x9A", "\xEF\xBC\x8A",
                                                  "\xE3\x80\x80"};
        bool skipped = false;
        for (auto w : kWide)
            if (header.compare(i, w.size(), w) == 0) {
                i += w.size() - 1;
                skipped = true;
                break;
            }
        if (!skipped) key += header[i];
    }
    return key;
}

std::vector<ImportTarget> importTargets(const Entity& customer) {
    std::vector<ImportTarget> targets;
    for (const auto& f : customer.fields)
        if (!f.custom && customerField(f.name, customer)) targets.push_back({f.name, tiller::i18n::tr(f.label), "customer"});
    for (const auto& e : kExtras) targets.push_back({e.key, tiller::i18n::tr(e.label, "tiller-contacts"), e.group});
    for (const auto& f : customer.fields)
        if (f.custom && customerField(f.name, customer)) targets.push_back({f.name, tiller::i18n::tr(f.label), "custom"});
    return targets;
}

std::optional<std::string> targetKey(const std::string& name, const Entity& customer) {
    std::string n = asciiLower(name);
    n.erase(0, n.find_first_not_of(" \t"));
    n.erase(n.find_last_not_of(" \t") + 1);
    for (const auto& [shortName, field] : kShortNames)
        if (n == shortName) return std::string(field);
    if (isExtra(n)) return n;
    if (customerField(n, customer)) return n;
    if (customerField("cf_" + n, customer)) return "cf_" + n;
    return std::nullopt;
}

std::string guessTarget(const std::string& header, const Entity& customer) {
    auto known = knownHeaders(customer);
    auto it = known.find(headerKey(header));
    return it == known.end() ? std::string() : it->second;
}

ColumnMap readColumnMap(const std::filesystem::path& file, const Entity& customer) {
    const std::string name = file.string();
    YAML::Node root;
    try {
        root = YAML::LoadFile(name);
    } catch (const YAML::BadFile&) {
        throw tiller::ConfigError(name, 0, "", say(N_("cannot open the file (no such file, or not permitted)")));
    } catch (const YAML::Exception& e) {
        throw tiller::ConfigError(name, e.mark.line + 1, "", e.msg);
    }
    if (root.IsNull()) return {};
    if (!root.IsMap())
        throw tiller::ConfigError(name, root.Mark().line + 1, "",
                                  say(N_("expected one 'column header: target' per line (客户名称: name)")));
    ColumnMap map;
    for (const auto& entry : root) {
        const int line = entry.first.Mark().line + 1;
        if (!entry.first.IsScalar())
            throw tiller::ConfigError(name, line, "", say(N_("a column header must be plain text")));
        const std::string header = entry.first.as<std::string>();
        if (!entry.second.IsScalar() && !entry.second.IsNull())
            throw tiller::ConfigError(name, entry.second.Mark().line + 1, header,
                                      say(N_("expected a target such as name, mobile, contact.name or cf_wechat")));
        std::string value = entry.second.IsNull() ? "" : entry.second.as<std::string>();
        if (value.empty() || value == "-" || asciiLower(value) == "skip") {
            map[header] = "";
            continue;
        }
        auto key = targetKey(value, customer);
        if (!key)
            throw tiller::ConfigError(
                name, entry.second.Mark().line + 1, header,
                say(N_("'{1}' is not a target; use a customer field (name, mobile, category ...), contact.name, "
                       "contact.gender ..., address, address.city ..., or an existing custom field (cf_...)"),
                    {value}));
        map[header] = *key;
    }
    return map;
}

ColumnPlan planColumns(const std::vector<std::string>& header, const ColumnMap& map, const Entity& customer) {
    auto known = knownHeaders(customer);
    std::map<std::string, std::string> chosen;  // header key -> target key
    for (const auto& [h, target] : map) {
        if (target.empty()) {
            chosen[headerKey(h)] = "";
            continue;
        }
        auto key = targetKey(target, customer);
        if (!key) throw tiller::ValidationError(h, say(N_("'{1}' is not a target a column can go to"), {target}));
        chosen[headerKey(h)] = *key;
    }
    ColumnPlan plan;
    std::map<std::string, std::string> taken;  // target -> the header that has it
    // Mapped columns first: a guess never takes a target the map gives to another column.
    plan.targets.assign(header.size(), "");
    plan.guessed.assign(header.size(), false);
    std::vector<bool> decided(header.size(), false);
    for (std::size_t i = 0; i < header.size(); ++i) {
        auto m = chosen.find(headerKey(header[i]));
        if (m == chosen.end()) continue;
        decided[i] = true;
        if (m->second.empty()) continue;
        if (auto other = taken.find(m->second); other != taken.end())
            throw tiller::ValidationError(header[i], say(N_("the columns '{1}' and '{2}' both go to {3}; send one of them elsewhere or leave it out"),
                                                         {other->second, header[i], m->second}));
        taken[m->second] = header[i];
        plan.targets[i] = m->second;
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (decided[i]) continue;
        auto k = known.find(headerKey(header[i]));
        if (k == known.end()) {
            if (!headerKey(header[i]).empty()) plan.unknown.push_back(header[i]);
            continue;
        }
        if (auto other = taken.find(k->second); other != taken.end()) {
            plan.notes.push_back(say(N_("'{1}' left out: '{2}' already gives this value"), {header[i], other->second}));
            continue;
        }
        taken[k->second] = header[i];
        plan.targets[i] = k->second;
        plan.guessed[i] = true;
    }
    return plan;
}

}  // namespace contacts
