#include "customer_view.hpp"
#include "child_records_panel.hpp"
#include "customer_text.hpp"
#include "duplicate_warning_dialog.hpp"
#include "merge_dialog.hpp"

#include "core/customer_timeline.hpp"
#include "core/duplicate_finder.hpp"
#include "core/merge_contributions.hpp"

#include <tiller/approval/engine.hpp>
#include <tiller/data/records.hpp>
#include <tiller/errors.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/record_form.hpp>
#include <tiller/ui/tr.hpp>
#include <tiller/util/time_text.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>  // before the generic dialog, which needs wxMessageDialogBase
#include <wx/generic/msgdlgg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace contacts::card {
namespace {

constexpr const char* kCustomer = "contacts.customer";

using tiller::ui::text;

wxListCtrl* table(wxWindow* parent, std::initializer_list<std::pair<wxString, int>> columns) {
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_HRULES);
    for (const auto& [label, width] : columns) list->AppendColumn(label, wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return list;
}

void addRow(wxListCtrl* list, const std::vector<wxString>& cells) {
    long row = list->InsertItem(list->GetItemCount(), cells.at(0));
    for (std::size_t c = 1; c < cells.size(); ++c) list->SetItem(row, static_cast<long>(c), cells[c]);
}

wxString actionText(const std::string& action) {
    if (action == "create") return tr("created");
    if (action == "update") return tr("changed");
    if (action == "delete") return tr("deleted");
    return text(action);
}

// "Mobile: 138 -> 139; Notes: -> 老客户", with the fields' labels where the entity has them.
wxString changesText(tiller::record::Store& store, const std::string& entity, const tiller::data::AuditEntry& entry) {
    wxString all;
    const tiller::record::Entity* e = nullptr;
    try {
        e = &store.entity(entity);
    } catch (const std::exception&) {
    }
    for (const auto& c : entry.changes) {
        const auto* f = e ? e->field(c.field) : nullptr;
        wxString name = f ? tiller::ui::tr(f->label) : text(c.field);
        wxString change = c.before.empty() ? text(c.after) : text(c.before) + " -> " + text(c.after);
        all += (all.empty() ? "" : "; ") + name + ": " + change;
    }
    return all;
}

const tiller::approval::Flow* customerFlow(const tiller::plugin::Registry& registry) {
    for (const auto& [owner, flow] : registry.flows())
        if (flow.entity == kCustomer) return &flow;
    return nullptr;
}

// A plugin's tab: its widget, or what went wrong in its place.
wxWindow* panelTab(wxWindow* parent, tiller::plugin::Host& host, const tiller::ui::UiRegistry& widgets,
                   const tiller::plugin::RecordPanel& panel, long long customerId) {
    auto* tab = new wxPanel(parent);
    tab->SetName(wxString::FromUTF8(panel.id));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    tab->SetSizer(sizer);
    try {
        const auto* factory = widgets.recordPanel(panel.id);
        if (!factory) throw tiller::Error("the plugin registered no widget for this tab");
        wxWindow* content = (*factory)(tab, host, customerId);
        if (!content) throw tiller::Error("the plugin's tab made no window");
        if (content->GetParent() != tab) content->Reparent(tab);
        sizer->Add(content, 1, wxEXPAND);
    } catch (const std::exception& e) {
        // Whatever the factory made before it failed goes; the error stays in this tab alone.
        tab->DestroyChildren();
        auto* message = new wxStaticText(tab, wxID_ANY,
                                         tr("This tab could not be shown:") + "\n\n" + text(e.what()) + "\n\n(" +
                                             tr("plugin") + " " + text(panel.owner) + ")");
        message->SetForegroundColour(wxColour(170, 30, 30));
        sizer->Add(message, 0, wxALL, tab->FromDIP(24));
    }
    return tab;
}

}  // namespace

CustomerView::CustomerView(wxWindow* parent, tiller::plugin::Host& host, const tiller::ui::UiRegistry& widgets, long long customerId)
    : wxPanel(parent),
      host_(host),
      widgets_(widgets),
      id_(customerId),
      store_(std::make_shared<tiller::record::Store>(host, clock())),
      record_(store_->read(kCustomer, customerId)) {
    SetName("customer_360");
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* header = new wxBoxSizer(wxHORIZONTAL);
    auto* who = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(this, wxID_ANY, "");
    wxFont big = title_->GetFont();
    big.SetPointSize(big.GetPointSize() + 5);
    big.SetWeight(wxFONTWEIGHT_BOLD);
    title_->SetFont(big);
    who->Add(title_, 0, wxBOTTOM, FromDIP(4));
    facts_ = new wxWrapSizer(wxHORIZONTAL);
    who->Add(facts_, 0, wxEXPAND);
    duplicates_ = new wxStaticText(this, wxID_ANY, "");
    duplicates_->SetForegroundColour(wxColour(170, 90, 0));
    who->Add(duplicates_, 0, wxTOP, FromDIP(4));
    header->Add(who, 1, wxEXPAND | wxALL, FromDIP(10));
    auto* actions = new wxBoxSizer(wxVERTICAL);
    auto* merge = new wxButton(this, wxID_ANY, tr("Merge with another customer..."));
    merge->Enable(host_.allows("contacts.merge"));
    merge->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openMerge(); });
    auto* refresh = new wxButton(this, wxID_ANY, tr("Refresh"));
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reload(); });
    actions->Add(merge, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    actions->Add(refresh, 0, wxEXPAND);
    header->Add(actions, 0, wxALL, FromDIP(10));
    sizer->Add(header, 0, wxEXPAND);

    tabs_ = new wxNotebook(this, wxID_ANY);
    details_ = new wxPanel(tabs_);
    makeDetails(details_);
    tabs_->AddPage(details_, tr("Details"));
    contacts_ = new ChildRecordsPanel(tabs_, store_, "contacts.contact", id_, {"name", "gender", "title", "mobile", "phone", "email"});
    tabs_->AddPage(contacts_, tr("Contacts"));
    addresses_ = new ChildRecordsPanel(tabs_, store_, "contacts.address", id_, {"type_id", "address", "postcode"});
    tabs_->AddPage(addresses_, tr("Addresses"));
    contacts_->onChange = [this] { fillTimeline(); };
    addresses_->onChange = [this] { fillTimeline(); };

    auto* activities = new wxPanel(tabs_);
    auto* activitiesSizer = new wxBoxSizer(wxVERTICAL);
    auto* note = new wxStaticText(activities, wxID_ANY,
                                  tr("Calls, e-mails and visits will be listed here once the plugins that keep them are installed. "
                                     "For now this is every change to the customer, its contacts and its addresses."));
    note->Wrap(FromDIP(760));
    activitiesSizer->Add(note, 0, wxALL, FromDIP(8));
    timeline_ = table(activities, {{tr("When"), 130}, {tr("Who"), 100}, {tr("Record"), 170}, {tr("What"), 70}, {tr("Changes"), 420}});
    activitiesSizer->Add(timeline_, 1, wxEXPAND);
    activities->SetSizer(activitiesSizer);
    tabs_->AddPage(activities, tr("Activities"));
    history_ = table(tabs_, {{tr("When"), 130}, {tr("Who"), 100}, {tr("What"), 70}, {tr("Changes"), 560}});
    tabs_->AddPage(history_, tr("History"));
    approvals_ = table(tabs_, {{tr("When"), 130}, {tr("Step"), 140}, {tr("Who"), 110}, {tr("Action"), 80}, {tr("Comment"), 320}});
    tabs_->AddPage(approvals_, tr("Approvals"));
    addPanelTabs();
    sizer->Add(tabs_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    SetSizer(sizer);

    fillHeader();
    fillTimeline();
    fillHistory();
    fillApprovals();
}

void CustomerView::fillHeader() {
    title_->SetLabel(text(tiller::data::displayValue(record_.value("name"))));
    facts_->Clear(true);
    const auto& entity = store_->entity(kCustomer);
    for (const char* name : {"status", "type_id", "owner_id", "phone", "mobile", "email"}) {
        const auto* f = entity.field(name);
        if (!f) continue;
        std::string value = store_->text(*f, record_.value(name));
        if (value.empty() && std::string(name) == "owner_id") value = translated("public pool");
        if (value.empty()) continue;
        auto* fact = new wxStaticText(this, wxID_ANY, tiller::ui::tr(f->label) + ": " + text(value));
        fact->SetName(wxString::FromUTF8(name));
        facts_->Add(fact, 0, wxRIGHT | wxBOTTOM, FromDIP(16));
    }
    // Possible duplicates: a hint here, the merge screen behind the button.
    wxString hint;
    try {
        auto candidates = DuplicateFinder(host_).candidatesFor(id_, 3);
        for (const auto& c : candidates)
            hint += (hint.empty() ? "" : ", ") + text(c.name) + " (" + reasonsText(c) + ")";
    } catch (const std::exception&) {
    }
    duplicates_->SetLabel(hint.empty() ? wxString() : tr("Possible duplicates:") + " " + hint);
    duplicates_->Show(!hint.empty());
    Layout();
}

void CustomerView::makeDetails(wxWindow* page) {
    detailsSizer_ = new wxBoxSizer(wxVERTICAL);
    const auto* declared = host_.registry().form(kCustomer);
    form_ = new tiller::ui::RecordForm(page, *store_, declared ? *declared : tiller::record::defaultForm(store_->entity(kCustomer)), record_);
    detailsSizer_->Add(form_, 1, wxEXPAND);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    const auto* flow = customerFlow(host_.registry());
    if (flow) {
        auto* submit = new wxButton(page, wxID_ANY, tr("Submit for approval"));
        submit->Bind(wxEVT_BUTTON, [this, flow](wxCommandEvent&) {
            try {
                store_->submit(kCustomer, id_, flow->id);
            } catch (const std::exception& e) {
                tiller::ui::showError(this, tr("The customer could not be submitted"), e);
            }
            reload();
        });
        bar->Add(submit, 0, wxRIGHT, FromDIP(6));
    }
    bar->AddStretchSpacer();
    auto* save = new wxButton(page, wxID_SAVE, tr("Save"));
    const auto& edit = store_->entity(kCustomer).editPermission;
    save->Enable(edit.empty() || host_.allows(edit));
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveDetails(); });
    bar->Add(save, 0);
    detailsSizer_->Add(bar, 0, wxEXPAND | wxALL, FromDIP(6));
    page->SetSizer(detailsSizer_);
}

void CustomerView::saveDetails() {
    try {
        store_->update(kCustomer, id_, record_.version, form_->input());
    } catch (const tiller::record::InvalidRecord& e) {
        if (!form_->showErrors(translated(e.errors()))) tiller::ui::showError(this, tr("The customer was not saved"), e);
        return;
    } catch (const tiller::Conflict& e) {
        // Someone saved it since it was opened: their version is kept. The person decides
        // whether to load it now or keep what they typed on screen to copy it over.
        wxGenericMessageDialog ask(this, text(translated(e.what())) + "\n\n" + tr("Load the saved version now? What you typed here is then lost."),
                                   tr("The customer was not saved"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
        ask.SetYesNoLabels(tr("Load the saved version"), tr("Keep what I typed"));
        if (ask.ShowModal() == wxID_YES) reload();
        return;
    } catch (const std::exception& e) {
        tiller::ui::showError(this, tr("The customer was not saved"), e);
        return;
    }
    reload();
}

void CustomerView::reload() {
    try {
        record_ = store_->read(kCustomer, id_);
    } catch (const std::exception&) {
        // Merged into another or deleted meanwhile: say so instead of showing stale data.
        title_->SetLabel(tr("This customer is no longer there (merged or deleted)."));
        tabs_->Disable();
        Layout();
        return;
    }
    form_->Destroy();
    const auto* declared = host_.registry().form(kCustomer);
    form_ = new tiller::ui::RecordForm(details_, *store_, declared ? *declared : tiller::record::defaultForm(store_->entity(kCustomer)), record_);
    detailsSizer_->Insert(0, form_, 1, wxEXPAND);
    details_->Layout();
    fillHeader();
    contacts_->reload();
    addresses_->reload();
    fillTimeline();
    fillHistory();
    fillApprovals();
}

void CustomerView::fillTimeline() {
    timeline_->DeleteAllItems();
    try {
        for (const auto& entry : customerTimeline(host_, id_)) {
            wxString what = tiller::ui::tr(store_->entity(entry.entity).label);
            if (entry.entity != kCustomer) {
                std::string title;
                try {
                    title = store_->recordTitle(entry.entity, entry.recordId);
                } catch (const std::exception&) {
                }
                what += " " + text(title.empty() ? "#" + std::to_string(entry.recordId) : title);
            }
            addRow(timeline_, {text(tiller::util::localDateTime(entry.change.at)), text(entry.change.userName), what,
                               actionText(entry.change.action), changesText(*store_, entry.entity, entry.change)});
        }
    } catch (const std::exception& e) {
        addRow(timeline_, {text(e.what())});
    }
}

void CustomerView::fillHistory() {
    history_->DeleteAllItems();
    auto entries = host_.database().withSession([&](soci::session& s) { return tiller::data::history(s, kCustomer, id_); });
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        addRow(history_, {text(tiller::util::localDateTime(it->at)), text(it->userName), actionText(it->action),
                          changesText(*store_, kCustomer, *it)});
}

void CustomerView::fillApprovals() {
    approvals_->DeleteAllItems();
    for (const auto& h : tiller::approval::Engine(host_, clock()).history(kCustomer, id_))
        addRow(approvals_, {text(tiller::util::localDateTime(h.at)), text(h.stepName), text(h.actorName),
                            text(tiller::i18n::tr(std::string_view(h.action))), text(h.comment)});
}

void CustomerView::addPanelTabs() {
    for (const auto& panel : host_.registry().panelsFor(kCustomerSlot)) {
        if (!host_.allows(panel.permission)) continue;
        tabs_->AddPage(panelTab(tabs_, host_, widgets_, panel, id_), tiller::ui::tr(panel.label));
    }
}

void CustomerView::openMerge() {
    long long other = 0;
    try {
        auto candidates = DuplicateFinder(host_).candidatesFor(id_, 1);
        if (!candidates.empty()) other = candidates.front().customerId;
    } catch (const std::exception&) {
    }
    MergeDialog dialog(this, host_, id_, other);
    if (dialog.ShowModal() == wxID_OK) reload();
}

}  // namespace contacts::card
