// Administration > Custom fields: pick a kind of record that takes custom fields, see its
// fields, add one or change one (double-click or Edit...).
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/record/entity.hpp>

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>

#include <vector>

namespace fields_plugin {

class CustomFieldsPanel : public wxPanel {
public:
    CustomFieldsPanel(wxWindow* parent, tiller::plugin::Host& host);

private:
    void showEntity();
    void add();
    void edit(long row);

    tiller::plugin::Host& host_;
    std::vector<tiller::record::Entity> entities_;
    std::vector<tiller::record::Field> fields_;  // as listed, row by row
    wxChoice* entity_;
    wxListCtrl* list_;
};

}  // namespace fields_plugin
