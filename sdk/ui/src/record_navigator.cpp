#include <tiller/ui/record_navigator.hpp>
#include <tiller/ui/ui_registry.hpp>

namespace tiller::ui {

RecordNavigator::~RecordNavigator() = default;

RecordNavigator* recordNavigator() { return dynamic_cast<RecordNavigator*>(mainWindow()); }

bool openRecordTarget(wxWindow* from, const std::string& target) {
    const std::string prefix = "record:";
    auto* navigator = recordNavigator();
    if (!navigator || target.rfind(prefix, 0) != 0) return false;
    auto colon = target.rfind(':');
    if (colon <= prefix.size()) return false;
    std::string entity = target.substr(prefix.size(), colon - prefix.size());
    try {
        long long id = std::stoll(target.substr(colon + 1));
        if (id <= 0) return false;
        navigator->openRecord(from, entity, id);
        return true;
    } catch (const std::logic_error&) {
        return false;  // not a number
    }
}

}  // namespace tiller::ui
