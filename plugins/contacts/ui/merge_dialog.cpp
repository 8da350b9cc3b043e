#include "merge_dialog.hpp"
#include "customer_text.hpp"
#include "duplicate_warning_dialog.hpp"

#include "core/duplicate_finder.hpp"

#include <tiller/record/pager.hpp>
#include <tiller/ui/dialog_parts.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <tuple>

namespace contacts::card {
namespace {

constexpr const char* kCustomer = "contacts.customer";
using tiller::ui::text;

tiller::record::Field customerPicker(const char* name) {
    tiller::record::Field f;
    f.name = name;
    f.type = tiller::record::FieldType::reference;
    f.references = kCustomer;
    return f;
}

wxStaticText* bold(wxWindow* parent, const wxString& label) {
    auto* t = new wxStaticText(parent, wxID_ANY, label);
    wxFont font = t->GetFont();
    font.SetWeight(wxFONTWEIGHT_BOLD);
    t->SetFont(font);
    return t;
}

}  // namespace

MergeDialog::MergeDialog(wxWindow* parent, tiller::plugin::Host& host, long long keepId, long long otherId)
    : wxDialog(parent, wxID_ANY, tr("Merge customers"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host),
      store_(std::make_shared<tiller::record::Store>(host, clock())),
      merger_(host, clock()),
      keepField_(customerPicker("keep")),
      otherField_(customerPicker("other")) {
    const auto& entity = store_->entity(kCustomer);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* picks = new wxFlexGridSizer(4, FromDIP(wxSize(8, 4)));
    picks->AddGrowableCol(1, 1);
    picks->AddGrowableCol(3, 1);
    keepPick_ = tiller::ui::makeEditor(this, *store_, entity, keepField_, 0);
    otherPick_ = tiller::ui::makeEditor(this, *store_, entity, otherField_, 0);
    keepPick_->window()->SetName("keep");
    otherPick_->window()->SetName("other");
    picks->Add(new wxStaticText(this, wxID_ANY, tr("Keep")), 0, wxALIGN_CENTER_VERTICAL);
    picks->Add(keepPick_->window(), 1, wxEXPAND);
    picks->Add(new wxStaticText(this, wxID_ANY, tr("Merge into it and delete")), 0, wxALIGN_CENTER_VERTICAL);
    picks->Add(otherPick_->window(), 1, wxEXPAND);
    sizer->Add(picks, 0, wxEXPAND | wxALL, FromDIP(10));
    auto* tools = new wxBoxSizer(wxHORIZONTAL);
    auto* swap = new wxButton(this, wxID_ANY, tr("Swap sides"));
    next_ = new wxButton(this, wxID_ANY, tr("Next possible duplicates"));
    tools->Add(swap, 0, wxRIGHT, FromDIP(6));
    tools->Add(next_, 0);
    sizer->Add(tools, 0, wxLEFT | wxRIGHT, FromDIP(10));

    compared_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 380)));
    compared_->SetScrollRate(0, FromDIP(12));
    grid_ = new wxFlexGridSizer(3, FromDIP(wxSize(14, 6)));
    grid_->AddGrowableCol(1, 1);
    grid_->AddGrowableCol(2, 1);
    compared_->SetSizer(grid_);
    sizer->Add(compared_, 1, wxEXPAND | wxALL, FromDIP(10));
    auto* note = new wxStaticText(this, wxID_ANY,
                                  tr("The contacts, addresses and files of the customer merged away, and every record other "
                                     "plugins keep for it, move to the customer kept; it is then deleted. The kept customer's "
                                     "history records the merge."));
    note->Wrap(FromDIP(760));
    sizer->Add(note, 0, wxLEFT | wxRIGHT, FromDIP(10));
    problem_ = tiller::ui::problemLine(this);
    sizer->Add(problem_, 0, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(tiller::ui::okCancelButtons(this, tr("Merge")), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(sizer);

    keepPick_->onChange = [this] { compare(); };
    otherPick_->onChange = [this] { compare(); };
    swap->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { swapSides(); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { nextPair(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (e.GetId() == wxID_OK) {
            if (merge()) EndModal(wxID_OK);
        } else {
            e.Skip();
        }
    }, wxID_OK);

    // Nothing chosen: start at the duplicates the finder knows of (exact matches only).
    if (!keepId && !otherId) {
        try {
            for (const auto& g : DuplicateFinder(host_).groups(50))
                for (std::size_t i = 1; i < g.customers.size(); ++i) pairs_.emplace_back(g.customers[0].first, g.customers[i].first);
        } catch (const std::exception&) {
            // Without contacts.merge the list stays empty; the pickers still work.
        }
        if (!pairs_.empty()) std::tie(keepId, otherId) = pairs_.front();
    }
    next_->Show(pairs_.size() > 1);
    if (keepId) keepPick_->set(std::to_string(keepId));
    if (otherId) otherPick_->set(std::to_string(otherId));
    compare();
    SetSize(FromDIP(wxSize(820, 680)));
    CentreOnParent();
}

long long MergeDialog::picked(const tiller::ui::FieldEditor& editor) const {
    std::string id = editor.get();
    return id.empty() ? 0 : std::stoll(id);
}

long long MergeDialog::childCount(const std::string& entity, long long customerId) {
    tiller::record::ListDefinition list;
    list.id = entity + ".of_customer";
    list.entity = entity;
    list.columns = {{"id", 0}};
    list.where.push_back({"customer_id", "equals", std::to_string(customerId), ""});
    list.customFields = false;
    return static_cast<long long>(tiller::record::RecordPager(store_, list).count());
}

void MergeDialog::compare() {
    grid_->Clear(false);
    compared_->DestroyChildren();
    choices_.clear();
    problem_->SetLabel("");
    keep_.reset();
    other_.reset();
    long long keepId = picked(*keepPick_), otherId = picked(*otherPick_);
    try {
        if (keepId) keep_ = store_->read(kCustomer, keepId);
        if (otherId) other_ = store_->read(kCustomer, otherId);
    } catch (const std::exception& e) {
        problem_->SetLabel(text(translated(e.what())));
    }
    if (keepId && keepId == otherId) problem_->SetLabel(text(translated("a customer cannot be merged into itself")));
    grid_->Add(new wxStaticText(compared_, wxID_ANY, ""));
    grid_->Add(bold(compared_, tr("Kept customer")));
    grid_->Add(bold(compared_, tr("Merged and deleted")));
    auto shown = [&](const std::optional<tiller::record::Record>& r, const tiller::record::Field& f) {
        return r ? store_->text(f, r->value(f.name)) : std::string();
    };
    for (const auto* f : merger_.fields()) {
        std::string mine = shown(keep_, *f), theirs = shown(other_, *f);
        if (mine.empty() && theirs.empty() && (keep_ || other_)) continue;  // nothing to choose
        grid_->Add(new wxStaticText(compared_, wxID_ANY, tiller::ui::tr(f->label)), 0, wxALIGN_CENTER_VERTICAL);
        auto* keep = new wxRadioButton(compared_, wxID_ANY, text(mine), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
        auto* other = new wxRadioButton(compared_, wxID_ANY, text(theirs));
        keep->SetName(wxString::FromUTF8("keep." + f->name));
        other->SetName(wxString::FromUTF8("other." + f->name));
        // The kept customer's value, unless it has none and the other has one.
        bool takeOther = mine.empty() && !theirs.empty();
        (takeOther ? other : keep)->SetValue(true);
        bool differ = mine != theirs;
        keep->Enable(differ);
        other->Enable(differ);
        grid_->Add(keep, 0, wxALIGN_CENTER_VERTICAL);
        grid_->Add(other, 0, wxALIGN_CENTER_VERTICAL);
        choices_.push_back({f->name, other});
    }
    // What moves along, counted.
    for (const auto& [entity, label] : {std::pair<const char*, wxString>{"contacts.contact", tr("Contacts")},
                                        std::pair<const char*, wxString>{"contacts.address", tr("Addresses")}}) {
        grid_->Add(new wxStaticText(compared_, wxID_ANY, label));
        for (const auto& r : {keep_, other_}) {
            wxString count;
            try {
                if (r) count = wxString::Format("%lld", childCount(entity, r->id));
            } catch (const std::exception&) {
            }
            grid_->Add(new wxStaticText(compared_, wxID_ANY, count));
        }
    }
    compared_->FitInside();
    compared_->Layout();
    FindWindow(wxID_OK)->Enable(keep_ && other_ && keepId != otherId && host_.allows("contacts.merge"));
    Layout();
}

void MergeDialog::swapSides() {
    std::string keep = keepPick_->get(), other = otherPick_->get();
    keepPick_->set(other);
    otherPick_->set(keep);
    compare();
}

void MergeDialog::nextPair() {
    if (pairs_.empty()) return;
    pair_ = (pair_ + 1) % pairs_.size();
    keepPick_->set(std::to_string(pairs_[pair_].first));
    otherPick_->set(std::to_string(pairs_[pair_].second));
    compare();
}

bool MergeDialog::merge() {
    if (!keep_ || !other_) return false;
    MergeRequest request;
    request.keepId = keep_->id;
    request.otherId = other_->id;
    request.keepVersion = keep_->version;
    request.otherVersion = other_->version;
    for (const auto& c : choices_)
        if (c.fromOther->GetValue() && c.fromOther->IsEnabled()) request.takeFromOther.push_back(c.field);
    wxString question = wxString::Format(tr("Merge %s into %s? %s is deleted afterwards; this cannot be undone."),
                                         text(tiller::data::displayValue(other_->value("name"))),
                                         text(tiller::data::displayValue(keep_->value("name"))),
                                         text(tiller::data::displayValue(other_->value("name"))));
    if (wxMessageBox(question, tr("Merge customers"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES) return false;
    try {
        auto report = merger_.merge(request);
        long long others = 0;
        for (const auto& [hook, count] : report.movedByPlugins) others += count;
        wxMessageBox(wxString::Format(tr("Merged. Moved: %lld contacts, %lld addresses, %lld files, %lld records of other plugins."),
                                      report.contactsMoved, report.addressesMoved, report.filesMoved, others),
                     tr("Merge customers"), wxOK | wxICON_INFORMATION, this);
        return true;
    } catch (const std::exception& e) {
        tiller::ui::showError(this, tr("The customers were not merged"), e);
        compare();  // show what is saved now
        return false;
    }
}

}  // namespace contacts::card
