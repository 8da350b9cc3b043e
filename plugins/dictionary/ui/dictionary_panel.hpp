// Administration > Data dictionary: pick a list on the left, maintain its values on the right.
#pragma once

#include <tiller/dictionary/dictionary.hpp>
#include <tiller/plugin/host.hpp>

#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include <map>

namespace dictionary_plugin {

class DictionaryPanel : public wxPanel {
public:
    DictionaryPanel(wxWindow* parent, tiller::plugin::Host& host);

private:
    void showKind(int index);
    void showValue(std::optional<long long> id);
    void add(bool below);
    void save();
    void remove();
    tiller::dictionary::Dictionary book();

    tiller::plugin::Host& host_;
    std::vector<tiller::plugin::DictionaryKind> kinds_;
    std::vector<tiller::dictionary::Value> values_;
    std::map<wxTreeItemId, long long> ids_;
    std::optional<long long> current_;
    wxListBox* kindList_;
    wxTreeCtrl* tree_;
    wxTextCtrl* name_;
    wxTextCtrl* chinese_;
    wxStaticText* facts_;
};

}  // namespace dictionary_plugin
