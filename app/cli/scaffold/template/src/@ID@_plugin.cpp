// The @ID@ plugin: one table (see migrations/), a list view over it, and a command that adds
// a row. Everything is declared in contribute(); Tiller's shell draws the menus and the list.
#include <tiller/plugin/plugin.hpp>

#include <chrono>

namespace @ID@ {
std::vector<tiller::migrations::Migration> migrations();  // generated from migrations/*.sql
}

namespace {

using namespace tiller::plugin;

long long nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch()).count();
}

class @CLASS@Plugin : public Plugin {
public:
    void contribute(Registry& registry) override {
        registry.addMigrations(@ID@::migrations());

        NavigationView items;
        items.id = "@ID@.items";
        items.label = "@CLASS@ items";
        items.group = "@CLASS@";
        items.list = [](Host& host) {
            return std::make_shared<TableListSource>(
                host, "@ID@_item",
                std::vector<ListColumn>{{"id", "No.", 60}, {"name", "Name", 300}}, "id");
        };
        registry.add(items);

        Command add;
        add.id = "@ID@.add";
        add.label = "Add a @ID@ item";
        add.menu = "Tools";
        add.icon = "add";
        add.permission = "@ID@.add";  // declared in plugin.yaml
        add.run = [](Host& host) {
            long long count = 0;
            host.database().inTransaction([&](soci::session& s) {
                s << "SELECT COUNT(*) FROM @ID@_item", soci::into(count);
                std::string name = "Item " + std::to_string(count + 1);
                long long at = nowMs();
                s << "INSERT INTO @ID@_item (name, created_at) VALUES (:name, :at)",
                    soci::use(name), soci::use(at);
            });
            host.notify("Added item " + std::to_string(count + 1));
        };
        registry.add(add);
    }
};

}  // namespace

TILLER_PLUGIN(@CLASS@Plugin)
