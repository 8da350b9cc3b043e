// A small shop for the record-model tests: an order entity with a field of every type, a
// dictionary kind, two salespeople with their own data scope, and a locking approval flow.
#pragma once

#include "test_database.hpp"

#include <tiller/approval/engine.hpp>
#include <tiller/db/dialect.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/identity/access.hpp>
#include <tiller/record/approval_states.hpp>
#include <tiller/record/store.hpp>
#include <tiller/startup.hpp>

namespace tiller::test {

inline const char* kOrderEntity = R"(
id: shop.order
table: shop_order
label: {en: Order, zh_CN: 订单}
title: number
owner: owner_id
record_type: kind
state: state
custom_fields: true
permissions: {view: shop.view, edit: shop.edit}
fields:
  - {name: number, type: text, required: true, searchable: true, indexed: true, max_length: 20}
  - {name: kind, type: text}
  - {name: amount, type: money, min: 0, indexed: true}
  - {name: quantity, type: integer, min: 1, max: 1000}
  - {name: due_on, type: date}
  - {name: ship_at, type: datetime}
  - {name: paid, type: boolean}
  - {name: phone, type: phone}
  - {name: email, type: email}
  - {name: site, type: url}
  - {name: channel_id, type: picklist, dictionary: shop.channel}
  - {name: parent_id, type: reference, references: shop.order}
  - {name: owner_id, type: user}
  - {name: state, type: text, read_only: true}
  - {name: files, type: attachments}
)";

struct Shop {
    TestDatabase t;
    std::shared_ptr<db::Database> database = startup::openAndMigrate(t.url()).database;
    ManualClock clock{1'800'000'000'000LL};
    plugin::Registry registry;
    plugin::Host host{database, registry};
    plugin::EventBus::Subscription states;

    Shop() {
        identity::UserDirectory users(*database, clock, {});
        users.ensureAdministrator();
        users.setPassword("admin", "admin-password");
        for (const char* login : {"mei", "lei"}) {
            identity::NewUser u;
            u.login = login;
            u.name = std::string(login) == "mei" ? "Wang Mei" : "Li Lei";
            u.roles = {"sales"};
            u.password = std::string(login) + "-password";
            users.add(u);
        }
        registry.setOwner("shop");
        registry.add(plugin::Permission{"shop.view", "See orders", "", {}});
        registry.add(plugin::Permission{"shop.edit", "Change orders", "", {}});
        identity::RoleBook roles(*database, clock, {});
        roles.setPermissions("sales", {"shop.view", "shop.edit"});
        roles.setScope("sales", "shop.order", identity::Scope::own);
        plugin::DictionaryKind channel;
        channel.id = "shop.channel";
        channel.label = "Channel";
        channel.systemValues = {{"shop", i18n::Text::given("Shop", {{"zh_CN", "门店"}}), ""},
                                {"online", i18n::Text::given("Online", {{"zh_CN", "网店"}}), ""}};
        registry.add(channel);
        registry.add(record::parseEntity(kOrderEntity, "order.yaml", "tiller-shop"));
        registry.add(approval::parseFlow(R"(
id: shop.order_approval
entity: shop.order
lock_record: true
steps:
  - name: Manager
    approver: {role: administrator}
on_approve: confirmed
on_reject: return
)", "order_approval.yaml"));
        database->withSession([&](soci::session& s) {
            for (const auto& sql : db::splitStatements(db::renderPortableSql(t.engine(), R"(
CREATE TABLE shop_order (
    id {{pk}}, number TEXT NOT NULL, kind TEXT, amount {{money}}, quantity {{id}}, due_on TEXT,
    ship_at {{timestamp}}, paid {{bool}}, phone TEXT, email TEXT, site TEXT,
    channel_id {{id}} REFERENCES core_dictionary_value (id), parent_id {{id}} REFERENCES shop_order (id),
    owner_id {{id}} REFERENCES core_user (id), state TEXT NOT NULL DEFAULT 'draft',
    created_at {{timestamp}} NOT NULL, updated_at {{timestamp}} NOT NULL, version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX shop_order_number ON shop_order (number, id);
CREATE INDEX shop_order_amount ON shop_order (amount, id);
)")))
                s << sql;
        });
        dictionary::Dictionary(host, clock).installSystemValues();
        signIn("admin");
        states = record::followApprovals(host, clock);
    }
    void signIn(const std::string& login) {
        host.setPermissions(identity::Authenticator(*database, clock).signIn(login, login + "-password"));
    }
    std::shared_ptr<record::Store> store() { return std::make_shared<record::Store>(host, clock); }
};

}  // namespace tiller::test
