#include "new_customer_dialog.hpp"
#include "customer_text.hpp"
#include "duplicate_warning_dialog.hpp"

#include "core/customer_book.hpp"
#include "core/duplicate_finder.hpp"

#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/record_form.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace contacts::card {
namespace {

// The customer's own form without what Tiller keeps (status, approval state) and without the
// files, which attach to a saved customer.
tiller::record::Form customerForm(const tiller::plugin::Registry& registry, const tiller::record::Entity& entity) {
    const auto* declared = registry.form("contacts.customer");
    tiller::record::Form form = declared ? *declared : tiller::record::defaultForm(entity);
    for (auto& section : form.sections)
        std::erase_if(section.fields, [](const auto& f) { return f.field == "status" || f.field == "state" || f.field == "files"; });
    std::erase_if(form.sections, [](const auto& s) { return s.fields.empty(); });
    return form;
}

// The first contact: who to speak to, and how to reach them.
tiller::record::Form contactForm() {
    tiller::record::Form form;
    form.id = "contacts.first_contact";
    form.entity = "contacts.contact";
    form.customFields = false;
    tiller::record::FormSection section;
    section.label = tiller::i18n::Text("First contact", "tiller-contacts");
    for (const char* f : {"name", "gender", "salutation_id", "title", "mobile", "phone", "email"}) section.fields.push_back({f});
    form.sections.push_back(section);
    return form;
}

[[maybe_unused]] const char* kLabels[] = {N_("First contact")};

}  // namespace

NewCustomerDialog::NewCustomerDialog(wxWindow* parent, tiller::plugin::Host& host, const tiller::record::Input& prefill)
    : wxDialog(parent, wxID_ANY, tr("New customer"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host),
      store_(host, clock()) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* forms = new wxBoxSizer(wxHORIZONTAL);
    customer_ = new tiller::ui::RecordForm(this, store_, customerForm(host.registry(), store_.entity("contacts.customer")), std::nullopt);
    customer_->fill(prefill);
    customer_->SetName("customer");
    contact_ = new tiller::ui::RecordForm(this, store_, contactForm(), std::nullopt);
    contact_->SetName("first_contact");
    forms->Add(customer_, 3, wxEXPAND | wxRIGHT, FromDIP(4));
    forms->Add(contact_, 2, wxEXPAND);
    sizer->Add(forms, 1, wxEXPAND | wxALL, FromDIP(6));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* rule = new wxStaticText(this, wxID_ANY,
                                  tr("Needed: the customer's name and category, a first contact with a gender, and a mobile or a "
                                     "phone number (the customer's or the contact's)."));
    rule->Wrap(FromDIP(700));
    buttons->Add(rule, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    auto* saveButton = new wxButton(this, wxID_SAVE, tiller::ui::tr("Save"));
    saveButton->SetDefault();
    buttons->Add(saveButton, 0, wxRIGHT, FromDIP(6));
    buttons->Add(new wxButton(this, wxID_CANCEL, tiller::ui::tr("Cancel")), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    saveButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (save()) EndModal(wxID_OK);
    });
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(1000, 660)));
    CentreOnParent();
}

bool NewCustomerDialog::save() {
    NewCustomer customer{customer_->input(), contact_->input()};
    try {
        bool named = std::any_of(customer.customer.begin(), customer.customer.end(), [](const auto& v) { return v.first == "name"; });
        if (named) {
            auto candidates = DuplicateFinder(host_).candidatesFor(customer);
            if (!candidates.empty()) {
                DuplicateWarningDialog warning(this, candidates);
                if (warning.ShowModal() != wxID_OK) return false;
            }
        }
        savedId_ = CustomerBook(host_, clock()).add(customer).first;
        return true;
    } catch (const tiller::record::InvalidRecord& e) {
        // The contact's problems come as "contact.<field>": each goes under its own field.
        std::vector<tiller::record::FieldError> own, contact;
        for (auto& problem : translated(e.errors())) {
            if (problem.field.rfind("contact.", 0) == 0) contact.push_back({problem.field.substr(8), problem.message});
            else own.push_back(problem);
        }
        bool placed = customer_->showErrors(own);
        placed = contact_->showErrors(contact) || placed;
        if (!placed) tiller::ui::showError(this, tr("The customer was not saved"), e);
    } catch (const std::exception& e) {
        tiller::ui::showError(this, tr("The customer was not saved"), e);
    }
    return false;
}

}  // namespace contacts::card
