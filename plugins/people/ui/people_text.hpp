// The people plugin's texts (catalog tiller-people) and small shared widget helpers.
#pragma once

#include <tiller/i18n/catalogs.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/runtime.hpp>

#include <wx/choice.h>
#include <wx/string.h>

#include <optional>
#include <vector>

namespace people {

wxString tr(const char* english);
wxString scopeLabel(tiller::identity::Scope scope);
tiller::identity::Actor actor(tiller::plugin::Host& host);
const tiller::Clock& clock();

// A choice of departments (indented by depth), with "(none)" first.
void fillDepartments(wxChoice* choice, const std::vector<tiller::identity::Department>& departments);
std::optional<long long> selectedDepartment(const wxChoice* choice, const std::vector<tiller::identity::Department>& departments);
void selectDepartment(wxChoice* choice, const std::vector<tiller::identity::Department>& departments, std::optional<long long> id);

}  // namespace people
