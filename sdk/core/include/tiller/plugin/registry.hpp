// Everything the loaded plugins (and the shell itself) contributed. The plugin manager tells
// the registry whose contributions are coming, and takes them all back if that plugin fails.
#pragma once

#include <tiller/approval/flow.hpp>
#include <tiller/plugin/contributions.hpp>
#include <tiller/record/form.hpp>
#include <tiller/record/list.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tiller::plugin {

class Registry {
public:
    // Each add() refuses (ValidationError) a missing id or one already taken.
    void add(Command command);
    void add(NavigationView view);
    void add(RecordPanelSlot slot);
    void add(RecordPanel panel);
    void add(SettingsPage page);
    void add(Permission permission);
    void add(DictionaryKind kind);
    void add(SearchProvider provider);
    void add(ScreenPopSection section);
    void add(RecordHook hook);
    void add(MergeHook hook);
    void add(CliCommand command);
    void add(DemoDataProvider provider);
    void add(ListAction action);
    void add(ScheduledJob job);
    void add(ListHighlight highlight);
    void add(OwnedTable table);
    void add(DictionaryUse use);
    void add(approval::Flow flow);
    // An entity with an owner field also becomes an OwnedTable (its data scope).
    void add(record::Entity entity);
    void add(record::Form form);
    // A list with `view:` also becomes a navigation view the shell renders.
    void add(record::ListDefinition list);
    // Migrations of the current owner, portable SQL (see tiller/db/dialect.hpp).
    void addMigrations(const std::vector<migrations::Migration>& migrations);

    // A service other plugins look up by its interface: T must have `static constexpr const
    // char* kServiceId` (e.g. "tiller.Telephony/1").
    template <class T>
    void provide(std::shared_ptr<T> service) {
        provideService(T::kServiceId, std::static_pointer_cast<void>(std::move(service)));
    }
    template <class T>
    std::shared_ptr<T> service() const {
        return std::static_pointer_cast<T>(findService(T::kServiceId));
    }

    const std::vector<Command>& commands() const { return commands_; }
    const std::vector<NavigationView>& views() const { return views_; }
    const std::vector<RecordPanelSlot>& recordPanelSlots() const { return slots_; }
    const std::vector<RecordPanel>& recordPanels() const { return panels_; }
    const std::vector<SettingsPage>& settingsPages() const { return settings_; }
    const std::vector<Permission>& permissions() const { return permissions_; }
    const std::vector<DictionaryKind>& dictionaryKinds() const { return dictionaries_; }
    const std::vector<SearchProvider>& searchProviders() const { return searchProviders_; }
    // In `order`.
    std::vector<const ScreenPopSection*> screenPopSections() const;
    const std::vector<RecordHook>& recordHooks() const { return recordHooks_; }
    std::vector<const RecordHook*> hooksFor(const std::string& entity) const;
    const std::vector<MergeHook>& mergeHooks() const { return mergeHooks_; }
    std::vector<const MergeHook*> mergeHooksFor(const std::string& entity) const;
    const std::vector<CliCommand>& cliCommands() const { return cliCommands_; }
    const std::vector<DemoDataProvider>& demoDataProviders() const { return demoProviders_; }
    // The actions of one list, in their order.
    std::vector<ListAction> listActions(const std::string& listId) const;
    const std::vector<ScheduledJob>& scheduledJobs() const { return scheduledJobs_; }
    std::vector<ListHighlight> listHighlights(const std::string& listId) const;
    const std::vector<OwnedTable>& ownedTables() const { return ownedTables_; }
    const std::vector<DictionaryUse>& dictionaryUses() const { return dictionaryUses_; }
    const DictionaryKind* dictionaryKind(const std::string& id) const;
    const std::vector<std::pair<std::string, approval::Flow>>& flows() const { return flows_; }  // owner, flow
    const approval::Flow* flow(const std::string& id) const;
    const std::vector<record::Entity>& entities() const { return entities_; }
    const record::Entity* entity(const std::string& id) const;
    const std::vector<record::Form>& forms() const { return forms_; }
    const record::Form* form(const std::string& id) const;
    const std::vector<record::ListDefinition>& lists() const { return lists_; }
    const record::ListDefinition* list(const std::string& id) const;
    // The catalog domain of a flow's texts (its plugin's).
    std::string flowDomain(const std::string& id) const;
    std::vector<migrations::Migration> migrationsOf(const std::string& owner) const;

    const Command* command(const std::string& id) const;
    const NavigationView* view(const std::string& id) const;
    std::vector<RecordPanel> panelsFor(const std::string& slot) const;

    // Contributions made from now on belong to `owner` ("shell" or a plugin id).
    void setOwner(std::string owner) { owner_ = std::move(owner); }
    const std::string& owner() const { return owner_; }
    // The contributor's name as people read it (the plugin's manifest name; "Tiller" for core).
    void setOwnerName(const std::string& owner, i18n::Text name);
    i18n::Text ownerName(const std::string& owner) const;

    // Forgets everything `owner` contributed (its plugin failed).
    void removeOwner(const std::string& owner);

private:
    void provideService(const std::string& id, std::shared_ptr<void> service);
    std::shared_ptr<void> findService(const std::string& id) const;
    void claim(const std::string& kind, const std::string& id);
    void localise(i18n::Text& text) const;
    template <class T>
    void store(std::vector<T>& items, const char* kind, std::string T::*idField, T item) {
        claim(kind, item.*idField);
        item.owner = owner_;
        items.push_back(std::move(item));
    }

    std::string owner_ = "shell";
    std::map<std::string, i18n::Text> ownerNames_;
    std::vector<std::pair<std::string, std::string>> claimed_;  // "kind:id" -> owner
    std::vector<Command> commands_;
    std::vector<NavigationView> views_;
    std::vector<RecordPanelSlot> slots_;
    std::vector<RecordPanel> panels_;
    std::vector<SettingsPage> settings_;
    std::vector<Permission> permissions_;
    std::vector<DictionaryKind> dictionaries_;
    std::vector<SearchProvider> searchProviders_;
    std::vector<ScreenPopSection> screenPopSections_;
    std::vector<RecordHook> recordHooks_;
    std::vector<MergeHook> mergeHooks_;
    std::vector<CliCommand> cliCommands_;
    std::vector<DemoDataProvider> demoProviders_;
    std::vector<ListAction> listActions_;
    std::vector<ScheduledJob> scheduledJobs_;
    std::vector<ListHighlight> listHighlights_;
    std::vector<OwnedTable> ownedTables_;
    std::vector<DictionaryUse> dictionaryUses_;
    std::vector<std::pair<std::string, approval::Flow>> flows_;
    std::vector<record::Entity> entities_;
    std::vector<record::Form> forms_;
    std::vector<record::ListDefinition> lists_;
    std::vector<migrations::Migration> migrations_;
    struct Service {
        std::string id;
        std::shared_ptr<void> instance;
        std::string owner;
    };
    std::vector<Service> services_;
};

}  // namespace tiller::plugin
