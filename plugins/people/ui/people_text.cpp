#include "people_text.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/text.hpp>

namespace people {

wxString tr(const char* english) { return tiller::ui::text(tiller::i18n::tr(english, "tiller-people")); }

wxString scopeLabel(tiller::identity::Scope scope) {
    switch (scope) {
        case tiller::identity::Scope::own: return tr("Own records");
        case tiller::identity::Scope::department: return tr("Own department and below");
        case tiller::identity::Scope::all: return tr("All records");
    }
    return {};
}

tiller::identity::Actor actor(tiller::plugin::Host& host) { return {host.actingUser()}; }

const tiller::Clock& clock() {
    static tiller::SystemClock system;
    return system;
}

void fillDepartments(wxChoice* choice, const std::vector<tiller::identity::Department>& departments) {
    choice->Clear();
    choice->Append(tr("(none)"));
    for (const auto& d : departments) {
        int depth = 0;
        for (auto parent = d.parentId; parent;) {
            ++depth;
            auto it = std::find_if(departments.begin(), departments.end(), [&](const auto& x) { return x.id == *parent; });
            parent = it == departments.end() ? std::nullopt : it->parentId;
        }
        choice->Append(wxString(' ', static_cast<size_t>(depth * 3)) + tiller::ui::text(d.name));
    }
    choice->SetSelection(0);
}

std::optional<long long> selectedDepartment(const wxChoice* choice, const std::vector<tiller::identity::Department>& departments) {
    int i = choice->GetSelection();
    if (i <= 0 || static_cast<size_t>(i) > departments.size()) return std::nullopt;
    return departments[static_cast<size_t>(i - 1)].id;
}

void selectDepartment(wxChoice* choice, const std::vector<tiller::identity::Department>& departments, std::optional<long long> id) {
    choice->SetSelection(0);
    for (size_t i = 0; i < departments.size(); ++i)
        if (id && departments[i].id == *id) choice->SetSelection(static_cast<int>(i + 1));
}

}  // namespace people

namespace people {
// Names the database ships in English (built-in roles and positions), for the catalog.
[[maybe_unused]] const char* kBuiltInNames[] = {
    N_("Administrator"), N_("Sales"), N_("Service agent"), N_("Warehouse"), N_("Finance"),
    N_("General manager"), N_("Manager"), N_("Staff")};
}  // namespace people
