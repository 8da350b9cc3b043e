#include <tiller/errors.hpp>
#include <tiller/plugin/registry.hpp>

#include <algorithm>

namespace tiller::plugin {
namespace {
template <class T>
void removeOwned(std::vector<T>& items, const std::string& owner) {
    std::erase_if(items, [&](const T& item) { return item.owner == owner; });
}
}  // namespace

void Registry::localise(i18n::Text& text) const {
    if (text.domain.empty()) text.domain = owner_ == "shell" || owner_ == "core" ? "tiller" : "tiller-" + owner_;
}

void Registry::claim(const std::string& kind, const std::string& id) {
    if (id.empty()) throw ValidationError(kind, "a contribution of " + owner_ + " has no id");
    std::string key = kind + ":" + id;
    for (const auto& [k, who] : claimed_)
        if (k == key)
            throw ValidationError(kind, "'" + id + "' is already registered by " + who);
    claimed_.emplace_back(key, owner_);
}

void Registry::add(Command c) {
    localise(c.label);
    store(commands_, "command", &Command::id, std::move(c));
}
void Registry::add(NavigationView v) {
    localise(v.label);
    localise(v.group);
    store(views_, "view", &NavigationView::id, std::move(v));
}
void Registry::add(RecordPanelSlot s) {
    localise(s.label);
    store(slots_, "record panel slot", &RecordPanelSlot::id, std::move(s));
}
void Registry::add(RecordPanel p) {
    localise(p.label);
    store(panels_, "record panel", &RecordPanel::id, std::move(p));
}
void Registry::add(SettingsPage p) {
    localise(p.label);
    store(settings_, "settings page", &SettingsPage::id, std::move(p));
}
void Registry::add(Permission p) {
    localise(p.label);
    store(permissions_, "permission", &Permission::key, std::move(p));
}
void Registry::add(DictionaryKind d) {
    localise(d.label);
    for (auto& v : d.systemValues) localise(v.name);
    store(dictionaries_, "dictionary", &DictionaryKind::id, std::move(d));
}
void Registry::add(RecordHook h) {
    if (h.entity.empty()) throw ValidationError("record hook", "record hook '" + h.id + "' names no entity");
    store(recordHooks_, "record hook", &RecordHook::id, std::move(h));
}
std::vector<const RecordHook*> Registry::hooksFor(const std::string& entity) const {
    std::vector<const RecordHook*> out;
    for (const auto& h : recordHooks_)
        if (h.entity == entity) out.push_back(&h);
    return out;
}
void Registry::add(MergeHook h) {
    if (h.entity.empty()) throw ValidationError("merge hook", "merge hook '" + h.id + "' names no entity");
    if (!h.move) throw ValidationError("merge hook", "merge hook '" + h.id + "' has no move function");
    localise(h.label);
    store(mergeHooks_, "merge hook", &MergeHook::id, std::move(h));
}
std::vector<const MergeHook*> Registry::mergeHooksFor(const std::string& entity) const {
    std::vector<const MergeHook*> out;
    for (const auto& h : mergeHooks_)
        if (h.entity == entity) out.push_back(&h);
    return out;
}
void Registry::add(SearchProvider s) {
    localise(s.label);
    store(searchProviders_, "search provider", &SearchProvider::id, std::move(s));
}
void Registry::add(ScreenPopSection s) {
    localise(s.label);
    store(screenPopSections_, "screen pop section", &ScreenPopSection::id, std::move(s));
}
std::vector<const ScreenPopSection*> Registry::screenPopSections() const {
    std::vector<const ScreenPopSection*> out;
    for (const auto& s : screenPopSections_) out.push_back(&s);
    std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->order < b->order; });
    return out;
}
void Registry::add(CliCommand c) {
    store(cliCommands_, "cli command", &CliCommand::name, std::move(c));
}
void Registry::add(DemoDataProvider d) {
    localise(d.label);
    store(demoProviders_, "demo data", &DemoDataProvider::id, std::move(d));
}
void Registry::add(ListAction a) {
    if (a.list.empty()) throw ValidationError("list action", "list action '" + a.id + "' names no list");
    if (!a.run) throw ValidationError("list action", "list action '" + a.id + "' has nothing to run");
    localise(a.label);
    localise(a.done);
    localise(a.input.prompt);
    store(listActions_, "list action", &ListAction::id, std::move(a));
}
std::vector<ListAction> Registry::listActions(const std::string& listId) const {
    std::vector<ListAction> out;
    for (const auto& a : listActions_)
        if (a.list == listId) out.push_back(a);
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.order < y.order; });
    return out;
}
void Registry::add(ScheduledJob j) {
    if (j.intervalMinutes < 1) throw ValidationError("scheduled job", "job '" + j.id + "' must run at most once a minute");
    if (!j.run) throw ValidationError("scheduled job", "job '" + j.id + "' has nothing to run");
    localise(j.label);
    store(scheduledJobs_, "scheduled job", &ScheduledJob::id, std::move(j));
}
void Registry::add(ListHighlight h) {
    if (h.list.empty()) throw ValidationError("list highlight", "list highlight '" + h.id + "' names no list");
    if (!h.rows) throw ValidationError("list highlight", "list highlight '" + h.id + "' has no rows function");
    localise(h.label);
    store(listHighlights_, "list highlight", &ListHighlight::id, std::move(h));
}
std::vector<ListHighlight> Registry::listHighlights(const std::string& listId) const {
    std::vector<ListHighlight> out;
    for (const auto& h : listHighlights_)
        if (h.list == listId) out.push_back(h);
    return out;
}

void Registry::add(OwnedTable t) {
    localise(t.label);
    store(ownedTables_, "owned table", &OwnedTable::table, std::move(t));
}

void Registry::add(DictionaryUse u) {
    store(dictionaryUses_, "dictionary use", &DictionaryUse::id, std::move(u));
}

void Registry::add(approval::Flow flow) {
    claim("flow", flow.id);
    flows_.emplace_back(owner_, std::move(flow));
}

void Registry::add(record::Entity e) {
    localise(e.label);
    for (auto& f : e.fields) localise(f.label);
    if (!e.ownerField.empty() &&
        std::none_of(ownedTables_.begin(), ownedTables_.end(), [&](const auto& t) { return t.table == e.table; }))
        add(OwnedTable{e.table, e.id, e.ownerField, e.label, "", e.publicPool});
    store(entities_, "entity", &record::Entity::id, std::move(e));
}

void Registry::add(record::Form f) {
    localise(f.label);
    for (auto& s : f.sections) localise(s.label);
    store(forms_, "form", &record::Form::id, std::move(f));
}

void Registry::add(record::ListDefinition l) {
    localise(l.label);
    localise(l.group);
    if (l.navigation) {
        NavigationView view;
        view.id = l.id;
        view.label = l.label;
        view.group = l.group;
        view.permission = l.permission;
        view.order = l.order;
        view.recordList = l.id;
        add(view);
    }
    store(lists_, "list", &record::ListDefinition::id, std::move(l));
}

template <class T>
static const T* byId(const std::vector<T>& items, const std::string& id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

const record::Entity* Registry::entity(const std::string& id) const { return byId(entities_, id); }
const record::Form* Registry::form(const std::string& id) const { return byId(forms_, id); }
const record::ListDefinition* Registry::list(const std::string& id) const { return byId(lists_, id); }

const approval::Flow* Registry::flow(const std::string& id) const {
    for (const auto& [owner, f] : flows_)
        if (f.id == id) return &f;
    return nullptr;
}

std::string Registry::flowDomain(const std::string& id) const {
    for (const auto& [owner, f] : flows_)
        if (f.id == id) return owner == "shell" || owner == "core" ? "tiller" : "tiller-" + owner;
    return "tiller";
}

const DictionaryKind* Registry::dictionaryKind(const std::string& id) const {
    auto it = std::find_if(dictionaries_.begin(), dictionaries_.end(), [&](const auto& d) { return d.id == id; });
    return it == dictionaries_.end() ? nullptr : &*it;
}

void Registry::addMigrations(const std::vector<migrations::Migration>& migrations) {
    for (auto m : migrations) {
        if (m.owner != owner_)
            throw ValidationError("migrations", "migration " + m.label() + " is added by " + owner_ +
                                                    "; a plugin may only add its own");
        migrations_.push_back(std::move(m));
    }
}

std::vector<migrations::Migration> Registry::migrationsOf(const std::string& owner) const {
    std::vector<migrations::Migration> out;
    for (const auto& m : migrations_)
        if (m.owner == owner) out.push_back(m);
    return out;
}

void Registry::provideService(const std::string& id, std::shared_ptr<void> service) {
    claim("service", id);
    services_.push_back({id, std::move(service), owner_});
}

std::shared_ptr<void> Registry::findService(const std::string& id) const {
    for (const auto& s : services_)
        if (s.id == id) return s.instance;
    return nullptr;
}

const Command* Registry::command(const std::string& id) const {
    auto it = std::find_if(commands_.begin(), commands_.end(), [&](const auto& c) { return c.id == id; });
    return it == commands_.end() ? nullptr : &*it;
}

const NavigationView* Registry::view(const std::string& id) const {
    auto it = std::find_if(views_.begin(), views_.end(), [&](const auto& v) { return v.id == id; });
    return it == views_.end() ? nullptr : &*it;
}

std::vector<RecordPanel> Registry::panelsFor(const std::string& slot) const {
    std::vector<RecordPanel> out;
    for (const auto& p : panels_)
        if (p.slot == slot) out.push_back(p);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
    return out;
}

void Registry::setOwnerName(const std::string& owner, i18n::Text name) { ownerNames_[owner] = std::move(name); }

i18n::Text Registry::ownerName(const std::string& owner) const {
    auto it = ownerNames_.find(owner);
    return it == ownerNames_.end() ? i18n::Text(owner, "tiller") : it->second;
}

void Registry::removeOwner(const std::string& owner) {
    removeOwned(commands_, owner);
    removeOwned(views_, owner);
    removeOwned(slots_, owner);
    removeOwned(panels_, owner);
    removeOwned(settings_, owner);
    removeOwned(permissions_, owner);
    removeOwned(dictionaries_, owner);
    removeOwned(searchProviders_, owner);
    removeOwned(screenPopSections_, owner);
    removeOwned(recordHooks_, owner);
    removeOwned(mergeHooks_, owner);
    removeOwned(cliCommands_, owner);
    removeOwned(demoProviders_, owner);
    removeOwned(listActions_, owner);
    removeOwned(scheduledJobs_, owner);
    removeOwned(listHighlights_, owner);
    removeOwned(ownedTables_, owner);
    removeOwned(dictionaryUses_, owner);
    std::erase_if(flows_, [&](const auto& f) { return f.first == owner; });
    removeOwned(entities_, owner);
    removeOwned(forms_, owner);
    removeOwned(lists_, owner);
    removeOwned(services_, owner);
    std::erase_if(migrations_, [&](const auto& m) { return m.owner == owner; });
    std::erase_if(claimed_, [&](const auto& c) { return c.second == owner; });
}

}  // namespace tiller::plugin
