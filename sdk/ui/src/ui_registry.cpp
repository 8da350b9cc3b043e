#include <tiller/ui/ui_registry.hpp>

#include <wx/app.h>

namespace tiller::ui {
namespace {
template <class Map>
const typename Map::mapped_type* lookup(const Map& map, const std::string& id) {
    auto it = map.find(id);
    return it == map.end() ? nullptr : &it->second;
}
}  // namespace

void UiRegistry::addView(const std::string& id, ViewFactory f) { views_[id] = std::move(f); }
void UiRegistry::addRecordPanel(const std::string& id, RecordPanelFactory f) {
    recordPanels_[id] = std::move(f);
}
void UiRegistry::addSettingsPage(const std::string& id, SettingsFactory f) {
    settingsPages_[id] = std::move(f);
}

void UiRegistry::addRecordOpener(const std::string& entity, RecordOpener f) { recordOpeners_[entity] = std::move(f); }
void UiRegistry::addRecordCreator(const std::string& entity, RecordCreator f) { recordCreators_[entity] = std::move(f); }
void UiRegistry::addBar(const std::string& id, BarFactory f) { bars_[id] = std::move(f); }
const RecordOpener* UiRegistry::recordOpener(const std::string& entity) const { return lookup(recordOpeners_, entity); }
const RecordCreator* UiRegistry::recordCreator(const std::string& entity) const { return lookup(recordCreators_, entity); }

const ViewFactory* UiRegistry::view(const std::string& id) const { return lookup(views_, id); }
const RecordPanelFactory* UiRegistry::recordPanel(const std::string& id) const {
    return lookup(recordPanels_, id);
}
const SettingsFactory* UiRegistry::settingsPage(const std::string& id) const {
    return lookup(settingsPages_, id);
}

wxWindow* mainWindow() { return wxTheApp ? wxTheApp->GetTopWindow() : nullptr; }

void showStatus(const std::string& key, const wxString& text) {
    if (auto* shelf = dynamic_cast<StatusShelf*>(mainWindow())) shelf->showStatus(key, text);
}

}  // namespace tiller::ui
