#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/record_dialog.hpp>
#include <tiller/ui/record_form.hpp>
#include <tiller/ui/tr.hpp>

#include <tiller/approval/engine.hpp>
#include <tiller/data/records.hpp>
#include <tiller/util/time_text.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>

namespace tiller::ui {
namespace {

wxListCtrl* table(wxWindow* parent, std::initializer_list<std::pair<const char*, int>> columns) {
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_HRULES);
    for (const auto& [label, width] : columns) list->AppendColumn(ui::tr(label), wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return list;
}

void addRow(wxListCtrl* list, const std::vector<std::string>& cells) {
    long row = list->InsertItem(list->GetItemCount(), text(cells.at(0)));
    for (std::size_t c = 1; c < cells.size(); ++c) list->SetItem(row, static_cast<long>(c), text(cells[c]));
}

const approval::Flow* flowFor(const plugin::Registry& registry, const std::string& entity) {
    for (const auto& [owner, flow] : registry.flows())
        if (flow.entity == entity) return &flow;
    return nullptr;
}

}  // namespace

RecordDialog::RecordDialog(wxWindow* parent, record::Store& store, const std::string& entity, long long id,
                           const std::string& formId,
                           const record::Input& prefill)
    : wxDialog(parent, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      store_(store),
      entity_(entity) {
    const record::Entity& e = store.entity(entity);
    const auto& registry = store.host().registry();
    const record::Form* declared = registry.form(formId.empty() ? entity : formId);
    record::Form form = declared ? *declared : record::defaultForm(e);
    std::optional<record::Record> record;
    if (id) record = store.read(entity, id);
    SetTitle(id ? ui::tr(e.label) + " " + text(store.recordTitle(entity, id)) : ui::tr("New") + " " + ui::tr(e.label));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* tabs = new wxNotebook(this, wxID_ANY);
    form_ = new RecordForm(tabs, store, form, record);
    if (!id) form_->fill(prefill);
    tabs->AddPage(form_, ui::tr("Details"));
    if (id) {
        auto* history = table(tabs, {{N_("When"), 130}, {N_("Who"), 110}, {N_("What"), 70}, {N_("Changes"), 420}});
        auto entries = store.host().database().withSession([&](soci::session& s) { return data::history(s, entity, id); });
        for (const auto& h : entries) {
            std::string changes;
            for (const auto& c : h.changes) changes += (changes.empty() ? "" : "; ") + c.field + ": " + c.before + " -> " + c.after;
            addRow(history, {util::localDateTime(h.at), h.userName, i18n::tr(std::string_view(h.action)), changes});
        }
        tabs->AddPage(history, ui::tr("History"));
        auto* approvals = table(tabs, {{N_("When"), 130}, {N_("Step"), 140}, {N_("Who"), 110}, {N_("Action"), 80}, {N_("Comment"), 260}});
        for (const auto& h : approval::Engine(store.host(), store.clock()).history(entity, id))
            addRow(approvals, {util::localDateTime(h.at), h.stepName, h.actorName, i18n::tr(std::string_view(h.action)), h.comment});
        tabs->AddPage(approvals, ui::tr("Approvals"));
    }
    sizer->Add(tabs, 1, wxEXPAND | wxALL, FromDIP(6));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    if (id && flowFor(registry, entity)) {
        auto* submit = new wxButton(this, wxID_ANY, ui::tr("Submit for approval"));
        submit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->submit(); });
        buttons->Add(submit, 0, wxRIGHT, FromDIP(6));
    }
    buttons->AddStretchSpacer();
    auto* saveButton = new wxButton(this, wxID_SAVE, ui::tr("Save"));
    auto* close = new wxButton(this, wxID_CANCEL, ui::tr("Close"));
    buttons->Add(saveButton, 0, wxRIGHT, FromDIP(6));
    buttons->Add(close, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    saveButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (save()) EndModal(wxID_OK);
    });
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(640, 620)));
    CentreOnParent();
}

bool RecordDialog::save() {
    try {
        const auto& record = form_->record();
        if (record) {
            store_.update(entity_, record->id, record->version, form_->input());
            savedId_ = record->id;
        } else {
            savedId_ = store_.create(entity_, form_->input());
        }
        return true;
    } catch (const record::InvalidRecord& e) {
        // Each message under its field; what was typed stays for the person to correct.
        if (!form_->showErrors(e.errors())) showError(this, ui::tr("The record was not saved"), e);
    } catch (const std::exception& e) {
        showError(this, ui::tr("The record was not saved"), e);
    }
    return false;
}

void RecordDialog::submit() {
    const auto& record = form_->record();
    const approval::Flow* flow = flowFor(store_.host().registry(), entity_);
    if (!record || !flow) return;
    try {
        store_.submit(entity_, record->id, flow->id);
        EndModal(wxID_OK);
    } catch (const std::exception& e) {
        showError(this, ui::tr("The record could not be submitted"), e);
    }
}

}  // namespace tiller::ui
