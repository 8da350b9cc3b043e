#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/field_editors.hpp>
#include <tiller/ui/tr.hpp>

#include <tiller/identity/people.hpp>
#include <tiller/record/attachments.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/telephony/telephony.hpp>
#include <tiller/util/time_text.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>
#include <wx/timectrl.h>

namespace tiller::ui {
namespace {

using record::FieldType;

class TextEditor : public FieldEditor {
public:
    TextEditor(wxWindow* parent, const record::Field& f) {
        long style = f.type == FieldType::longText ? wxTE_MULTILINE : 0;
        if (f.type == FieldType::integer || f.type == FieldType::money) style |= wxTE_RIGHT;
        ctrl_ = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition,
                               f.type == FieldType::longText ? parent->FromDIP(wxSize(-1, 70)) : wxDefaultSize, style);
        ctrl_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
            if (onChange) onChange();
            e.Skip();
        });
    }
    wxWindow* window() override { return ctrl_; }
    void set(const std::string& t) override { ctrl_->ChangeValue(text(t)); }
    std::string get() const override { return utf8(ctrl_->GetValue()); }
    void setReadOnly(bool r) override { ctrl_->SetEditable(!r); }
    wxTextCtrl* ctrl_;
};

// A number and, when a dialer is installed, a button that calls it.
class PhoneEditor : public FieldEditor {
public:
    PhoneEditor(wxWindow* parent, record::Store& store) {
        panel_ = new wxPanel(parent);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        ctrl_ = new wxTextCtrl(panel_, wxID_ANY);
        row->Add(ctrl_, 1, wxEXPAND);
        if (auto phone = store.host().service<telephony::Telephony>()) {
            auto* dial = new wxButton(panel_, wxID_ANY, ui::tr("Call"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
            dial->SetName("dial");
            dial->Bind(wxEVT_BUTTON, [this, phone](wxCommandEvent&) {
                try {
                    phone->dial(get());
                } catch (const std::exception& e) {
                    showError(panel_, ui::tr("The call could not be placed"), e);
                }
            });
            row->Add(dial, 0, wxLEFT, panel_->FromDIP(4));
        }
        panel_->SetSizer(row);
        ctrl_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
            if (onChange) onChange();
            e.Skip();
        });
    }
    wxWindow* window() override { return panel_; }
    void set(const std::string& t) override { ctrl_->ChangeValue(text(t)); }
    std::string get() const override { return utf8(ctrl_->GetValue()); }
    void setReadOnly(bool r) override { ctrl_->SetEditable(!r); }
    wxPanel* panel_;
    wxTextCtrl* ctrl_;
};

class DateEditor : public FieldEditor {
public:
    DateEditor(wxWindow* parent, bool withTime) {
        panel_ = new wxPanel(parent);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        date_ = new wxDatePickerCtrl(panel_, wxID_ANY, wxInvalidDateTime, wxDefaultPosition, wxDefaultSize,
                                     wxDP_DROPDOWN | wxDP_ALLOWNONE | wxDP_SHOWCENTURY);
        row->Add(date_, 0);
        if (withTime) {
            time_ = new wxTimePickerCtrl(panel_, wxID_ANY);
            row->Add(time_, 0, wxLEFT, panel_->FromDIP(4));
        }
        panel_->SetSizer(row);
        date_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) {
            if (onChange) onChange();
        });
    }
    wxWindow* window() override { return panel_; }
    void set(const std::string& t) override {
        if (t.empty()) {
            date_->SetValue(wxInvalidDateTime);
            return;
        }
        wxDateTime when;
        if (!when.ParseISOCombined(text(t.size() == 10 ? t + "T00:00:00" : t.substr(0, 10) + "T" + t.substr(11) + ":00")))
            return;
        date_->SetValue(when);
        if (time_) time_->SetValue(when);
    }
    std::string get() const override {
        wxDateTime day = date_->GetValue();
        if (!day.IsValid()) return "";
        std::string out = utf8(day.FormatISODate());
        if (time_) out += " " + utf8(time_->GetValue().Format("%H:%M"));
        return out;
    }
    void setReadOnly(bool r) override {
        date_->Enable(!r);
        if (time_) time_->Enable(!r);
    }
    wxPanel* panel_;
    wxDatePickerCtrl* date_;
    wxTimePickerCtrl* time_ = nullptr;
};

class BoolEditor : public FieldEditor {
public:
    explicit BoolEditor(wxWindow* parent) {
        box_ = new wxCheckBox(parent, wxID_ANY, "");
        box_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
            if (onChange) onChange();
        });
    }
    wxWindow* window() override { return box_; }
    void set(const std::string& t) override { box_->SetValue(t == "true" || t == "1"); }
    std::string get() const override { return box_->GetValue() ? "true" : "false"; }
    void setReadOnly(bool r) override { box_->Enable(!r); }
    wxCheckBox* box_;
};

// Picklists and users: a choice of named ids, with an empty first entry.
class ChoiceEditor : public FieldEditor {
public:
    ChoiceEditor(wxWindow* parent, std::vector<std::pair<long long, std::string>> options) : options_(std::move(options)) {
        choice_ = new wxChoice(parent, wxID_ANY);
        choice_->Append("");
        for (const auto& [id, name] : options_) choice_->Append(text(name));
        choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            if (onChange) onChange();
        });
    }
    wxWindow* window() override { return choice_; }
    void set(const std::string& t) override {
        choice_->SetSelection(0);
        for (std::size_t i = 0; i < options_.size(); ++i)
            if (std::to_string(options_[i].first) == t) choice_->SetSelection(static_cast<int>(i) + 1);
    }
    std::string get() const override {
        int i = choice_->GetSelection();
        return i <= 0 ? "" : std::to_string(options_[static_cast<std::size_t>(i) - 1].first);
    }
    void setReadOnly(bool r) override { choice_->Enable(!r); }
    std::vector<std::pair<long long, std::string>> options_;
    wxChoice* choice_;
};

// Another record, chosen by searching its searchable fields.
class ReferenceEditor : public FieldEditor {
public:
    ReferenceEditor(wxWindow* parent, record::Store& store, const record::Field& f) : store_(store), field_(f) {
        panel_ = new wxPanel(parent);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        shown_ = new wxTextCtrl(panel_, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_READONLY);
        choose_ = new wxButton(panel_, wxID_ANY, "...", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        clear_ = new wxButton(panel_, wxID_ANY, "x", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        row->Add(shown_, 1, wxEXPAND);
        row->Add(choose_, 0, wxLEFT, panel_->FromDIP(2));
        row->Add(clear_, 0, wxLEFT, panel_->FromDIP(2));
        panel_->SetSizer(row);
        choose_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { pick(); });
        clear_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            set("");
            if (onChange) onChange();
        });
    }
    wxWindow* window() override { return panel_; }
    void set(const std::string& t) override {
        id_ = t;
        shown_->ChangeValue(t.empty() ? wxString() : text(store_.recordTitle(field_.references, std::stoll(t))));
    }
    std::string get() const override { return id_; }
    void setReadOnly(bool r) override {
        choose_->Enable(!r);
        clear_->Enable(!r);
    }

private:
    void pick() {
        wxDialog dialog(panel_, wxID_ANY, ui::tr("Choose"), wxDefaultPosition, wxDefaultSize,
                        wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* search = new wxSearchCtrl(&dialog, wxID_ANY);
        auto* found = new wxListBox(&dialog, wxID_ANY, wxDefaultPosition, dialog.FromDIP(wxSize(360, 260)));
        std::vector<std::pair<long long, std::string>> hits;
        auto refill = [&] {
            hits = store_.find(field_.references, utf8(search->GetValue()), 100);
            found->Clear();
            for (const auto& [id, title] : hits) found->Append(text(title));
        };
        search->Bind(wxEVT_TEXT, [&](wxCommandEvent&) { refill(); });
        found->Bind(wxEVT_LISTBOX_DCLICK, [&](wxCommandEvent&) { dialog.EndModal(wxID_OK); });
        sizer->Add(search, 0, wxEXPAND | wxALL, dialog.FromDIP(8));
        sizer->Add(found, 1, wxEXPAND | wxLEFT | wxRIGHT, dialog.FromDIP(8));
        sizer->Add(dialog.CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dialog.FromDIP(8));
        dialog.SetSizerAndFit(sizer);
        refill();
        if (dialog.ShowModal() != wxID_OK || found->GetSelection() == wxNOT_FOUND) return;
        set(std::to_string(hits[static_cast<std::size_t>(found->GetSelection())].first));
        if (onChange) onChange();
    }

    record::Store& store_;
    const record::Field& field_;
    std::string id_;
    wxPanel* panel_;
    wxTextCtrl* shown_;
    wxButton *choose_, *clear_;
};

// Files of a saved record; added and removed at once (they are not part of the Save).
class AttachmentsEditor : public FieldEditor {
public:
    AttachmentsEditor(wxWindow* parent, record::Store& store, const record::Entity& e, const record::Field& f, long long id)
        : store_(store), entity_(e.id), field_(f.name), id_(id) {
        panel_ = new wxPanel(parent);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        files_ = new wxListBox(panel_, wxID_ANY, wxDefaultPosition, panel_->FromDIP(wxSize(-1, 60)));
        auto* buttons = new wxBoxSizer(wxVERTICAL);
        add_ = new wxButton(panel_, wxID_ANY, ui::tr("Add file..."));
        remove_ = new wxButton(panel_, wxID_ANY, ui::tr("Remove"));
        buttons->Add(add_, 0, wxEXPAND);
        buttons->Add(remove_, 0, wxEXPAND | wxTOP, panel_->FromDIP(2));
        row->Add(files_, 1, wxEXPAND);
        row->Add(buttons, 0, wxLEFT, panel_->FromDIP(4));
        panel_->SetSizer(row);
        add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addFile(); });
        remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeFile(); });
        reload();
    }
    wxWindow* window() override { return panel_; }
    void set(const std::string&) override {}
    std::string get() const override { return ""; }
    void setReadOnly(bool r) override {
        add_->Enable(!r && id_ != 0);
        remove_->Enable(!r && id_ != 0);
    }

private:
    void reload() {
        files_->Clear();
        list_.clear();
        if (id_ == 0) {
            files_->Append(ui::tr("Save the record first to attach files."));
            return;
        }
        try {
            list_ = record::Attachments(store_).list(entity_, id_, field_);
        } catch (const std::exception&) {
        }
        for (const auto& a : list_)
            files_->Append(text(a.fileName + "  (" + std::to_string((a.size + 1023) / 1024) + " KB)"));
    }
    void addFile() {
        wxFileDialog open(panel_, ui::tr("Attach a file"), "", "", "*", wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (open.ShowModal() != wxID_OK) return;
        try {
            record::Attachments(store_).add(entity_, id_, field_, utf8(open.GetPath()));
        } catch (const std::exception& e) {
            showError(panel_, ui::tr("The file could not be attached"), e);
        }
        reload();
    }
    void removeFile() {
        int i = files_->GetSelection();
        if (i == wxNOT_FOUND || static_cast<std::size_t>(i) >= list_.size()) return;
        try {
            record::Attachments(store_).remove(list_[static_cast<std::size_t>(i)].id);
        } catch (const std::exception& e) {
            showError(panel_, ui::tr("The file could not be removed"), e);
        }
        reload();
    }

    record::Store& store_;
    std::string entity_, field_;
    long long id_;
    std::vector<record::Attachment> list_;
    wxPanel* panel_;
    wxListBox* files_;
    wxButton *add_, *remove_;
};

std::vector<std::pair<long long, std::string>> picklistOptions(record::Store& store, const record::Field& f) {
    std::vector<std::pair<long long, std::string>> out;
    for (const auto& v : dictionary::Dictionary(store.host(), store.clock()).values(f.dictionary))
        out.emplace_back(v.id, std::string(v.parentId ? "    " : "") + v.nameIn(i18n::language()));
    return out;
}

std::vector<std::pair<long long, std::string>> userOptions(record::Store& store) {
    std::vector<std::pair<long long, std::string>> out;
    for (const auto& u : identity::UserDirectory(store.host().database(), store.clock(), {}).users())
        if (u.active) out.emplace_back(u.id, u.name.empty() ? u.login : u.name);
    return out;
}

}  // namespace

std::string editText(const record::Field& f, const data::Value& v) {
    if (std::holds_alternative<std::monostate>(v)) return "";
    if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
    long long n = std::get<long long>(v);
    switch (f.type) {
        case FieldType::money: return record::formatMoney(n, f.currency);
        case FieldType::datetime: return util::localDateTime(n);
        case FieldType::boolean: return n ? "true" : "false";
        default: return std::to_string(n);
    }
}

std::unique_ptr<FieldEditor> makeEditor(wxWindow* parent, record::Store& store, const record::Entity& entity,
                                        const record::Field& field, long long recordId) {
    switch (field.type) {
        case FieldType::phone: return std::make_unique<PhoneEditor>(parent, store);
        case FieldType::date: return std::make_unique<DateEditor>(parent, false);
        case FieldType::datetime: return std::make_unique<DateEditor>(parent, true);
        case FieldType::boolean: return std::make_unique<BoolEditor>(parent);
        case FieldType::picklist: return std::make_unique<ChoiceEditor>(parent, picklistOptions(store, field));
        case FieldType::user: return std::make_unique<ChoiceEditor>(parent, userOptions(store));
        case FieldType::reference: return std::make_unique<ReferenceEditor>(parent, store, field);
        case FieldType::attachments: return std::make_unique<AttachmentsEditor>(parent, store, entity, field, recordId);
        default: return std::make_unique<TextEditor>(parent, field);
    }
}

}  // namespace tiller::ui
