#include "dictionary_panel.hpp"

#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <wx/button.h>
#include <wx/sizer.h>

namespace dictionary_plugin {
namespace {
wxString tr(const char* english) { return tiller::ui::text(tiller::i18n::tr(english, "tiller-dictionary")); }
const tiller::SystemClock& systemClock() {
    static tiller::SystemClock clock;
    return clock;
}
}  // namespace

using tiller::ui::text;
using tiller::ui::utf8;

DictionaryPanel::DictionaryPanel(wxWindow* parent, tiller::plugin::Host& host)
    : wxPanel(parent), host_(host), kinds_(host.registry().dictionaryKinds()) {
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    kindList_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(200, -1)));
    for (const auto& k : kinds_) kindList_->Append(text(tiller::i18n::tr(k.label)));
    columns->Add(kindList_, 0, wxEXPAND | wxALL, FromDIP(8));
    tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(280, -1)),
                           wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_SINGLE | wxTR_FULL_ROW_HIGHLIGHT);
    columns->Add(tree_, 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(8));

    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    form->AddGrowableCol(1);
    name_ = new wxTextCtrl(this, wxID_ANY);
    chinese_ = new wxTextCtrl(this, wxID_ANY);
    form->Add(new wxStaticText(this, wxID_ANY, tr("Name")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(name_, 1, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, tr("Chinese name")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(chinese_, 1, wxEXPAND);
    facts_ = new wxStaticText(this, wxID_ANY, "");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, tr("Add"));
    auto* addBelow = new wxButton(this, wxID_ANY, tr("Add below"));
    auto* save = new wxButton(this, wxID_ANY, tr("Save"));
    auto* remove = new wxButton(this, wxID_ANY, tr("Remove"));
    for (auto* b : {add, addBelow, save, remove}) buttons->Add(b, 0, wxRIGHT, FromDIP(6));
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(form, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    right->Add(facts_, 0, wxBOTTOM, FromDIP(10));
    right->Add(buttons);
    columns->Add(right, 1, wxEXPAND | wxALL, FromDIP(12));
    SetSizer(columns);

    kindList_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { showKind(e.GetSelection()); });
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        auto it = ids_.find(e.GetItem());
        showValue(it == ids_.end() ? std::nullopt : std::optional<long long>(it->second));
    });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->add(false); });
    addBelow->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->add(true); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->save(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->remove(); });
    if (!kinds_.empty()) {
        kindList_->SetSelection(0);
        showKind(0);
    }
}

tiller::dictionary::Dictionary DictionaryPanel::book() { return {host_, systemClock()}; }

void DictionaryPanel::showKind(int index) {
    if (index < 0) return;
    values_ = book().values(kinds_[static_cast<size_t>(index)].id);
    tree_->DeleteAllItems();
    ids_.clear();
    auto root = tree_->AddRoot("");
    std::map<long long, wxTreeItemId> items;
    for (const auto& v : values_) {
        auto parent = v.parentId && items.count(*v.parentId) ? items[*v.parentId] : root;
        auto item = tree_->AppendItem(parent, text(v.nameIn(tiller::i18n::language())));
        if (v.isSystem) tree_->SetItemBold(item);
        items[v.id] = item;
        ids_[item] = v.id;
    }
    tree_->ExpandAll();
    showValue(values_.empty() ? std::nullopt : std::optional<long long>(values_.front().id));
    if (!values_.empty()) tree_->SelectItem(items[values_.front().id]);
}

void DictionaryPanel::showValue(std::optional<long long> id) {
    current_ = id;
    auto it = std::find_if(values_.begin(), values_.end(), [&](const auto& v) { return id && v.id == *id; });
    if (it == values_.end()) {
        name_->ChangeValue("");
        chinese_->ChangeValue("");
        facts_->SetLabel("");
        return;
    }
    name_->ChangeValue(text(it->name));
    chinese_->ChangeValue(text(it->nameIn("zh_CN") == it->name ? "" : it->nameIn("zh_CN")));
    wxString facts = wxString::Format(tr("Code: %s. Used by %lld record(s)."), text(it->code), book().usage(it->id));
    if (it->isSystem) facts += " " + tr("A system value: it can be renamed but not deleted.");
    facts_->SetLabel(facts);
    facts_->Wrap(FromDIP(360));
    Layout();
}

void DictionaryPanel::add(bool below) {
    int kind = kindList_->GetSelection();
    if (kind < 0) return;
    try {
        long long id = book().add(kinds_[static_cast<size_t>(kind)].id, utf8(tr("New value")), below ? current_ : std::nullopt);
        showKind(kind);
        for (const auto& [item, valueId] : ids_)
            if (valueId == id) tree_->SelectItem(item);
        name_->SetFocus();
        name_->SelectAll();
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The value could not be added"), e);
    }
}

void DictionaryPanel::save() {
    auto it = std::find_if(values_.begin(), values_.end(), [&](const auto& v) { return current_ && v.id == *current_; });
    if (it == values_.end()) return;
    try {
        auto b = book();
        if (utf8(name_->GetValue()) != it->name) b.rename(it->id, it->version, utf8(name_->GetValue()));
        if (!chinese_->GetValue().empty()) b.setTranslation(it->id, "zh_CN", utf8(chinese_->GetValue()));
        showKind(kindList_->GetSelection());
        host_.notify(utf8(tr("Saved")));
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The value could not be saved"), e);
    }
}

void DictionaryPanel::remove() {
    if (!current_) return;
    try {
        book().remove(*current_);
        showKind(kindList_->GetSelection());
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The value could not be removed"), e);
    }
}

}  // namespace dictionary_plugin
