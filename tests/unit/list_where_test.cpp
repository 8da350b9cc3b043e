// A declared list's own conditions (`where:`, the public pool's "no owner") and an entity's
// public pool and delete permission, as read from YAML: bad input names the file, line and key.
#include <tiller/errors.hpp>
#include <tiller/record/entity.hpp>
#include <tiller/record/list.hpp>

#include <catch2/catch.hpp>

using namespace tiller;

namespace {

const char* kEntity = R"(id: shop.customer
table: shop_customer
owner: owner_id
public_pool: true
permissions: {view: shop.view, edit: shop.edit, delete: shop.delete}
fields:
  - {name: name, type: text}
  - {name: owner_id, type: user}
)";

}  // namespace

TEST_CASE("a list's where conditions are read with their operators, an unknown one is refused with its line", "[record][lists]") {
    auto entity = record::parseEntity(kEntity, "customer.yaml", "tiller-shop");
    CHECK(entity.publicPool);
    CHECK(entity.deletePermission == "shop.delete");
    auto lookup = [&](const std::string& id) { return id == entity.id ? &entity : nullptr; };
    auto pool = record::parseList("id: shop.pool\nentity: shop.customer\ncolumns: [name]\nwhere: [{field: owner_id, op: empty}]\n",
                                  "pool.yaml", "tiller-shop", lookup);
    REQUIRE(pool.where.size() == 1);
    CHECK(pool.where[0].field == "owner_id");
    CHECK(pool.where[0].op == "empty");
    CHECK_THROWS_WITH(record::parseList("id: shop.pool\nentity: shop.customer\ncolumns: [name]\nwhere: [{field: owner_id, op: nobody}]\n",
                                        "pool.yaml", "tiller-shop", lookup),
                      Catch::StartsWith("pool.yaml:4: key 'op': 'nobody' is not one of"));
    CHECK_THROWS_WITH(record::parseList("id: shop.pool\nentity: shop.customer\ncolumns: [name]\nwhere: [{field: region, op: empty}]\n",
                                        "pool.yaml", "tiller-shop", lookup),
                      Catch::Contains("'region' is not a field"));
    CHECK_THROWS_WITH(record::parseEntity("id: shop.thing\ntable: shop_thing\npublic_pool: true\nfields: [{name: name, type: text}]\n",
                                          "thing.yaml", "tiller-shop"),
                      Catch::Contains("public_pool") && Catch::Contains("needs an owner field"));
}

TEST_CASE("a list knows which of its columns hold phone numbers, for click to dial", "[record][lists]") {
    auto entity = record::parseEntity(R"(id: shop.customer
table: shop_customer
fields:
  - {name: name, type: text}
  - {name: phone, type: phone}
  - {name: email, type: email}
  - {name: mobile, type: phone}
)", "customer.yaml", "tiller-shop");
    auto lookup = [&](const std::string& id) { return id == entity.id ? &entity : nullptr; };
    auto list = record::parseList("id: shop.customers\nentity: shop.customer\ncolumns: [name, email, mobile, phone]\n", "customers.yaml",
                                  "tiller-shop", lookup);
    CHECK(record::phoneColumns(list, entity) == std::vector<std::size_t>{2, 3});
    auto names = record::parseList("id: shop.names\nentity: shop.customer\ncolumns: [name]\n", "names.yaml", "tiller-shop", lookup);
    CHECK(record::phoneColumns(names, entity).empty());
}
