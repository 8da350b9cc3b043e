#include "customer_dialog.hpp"
#include "value_ui_text.hpp"

#include <tiller/ui/dialog_parts.hpp>

namespace contacts {

CustomerDialog::CustomerDialog(wxWindow* parent, tiller::plugin::Host& host, const wxString& title)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host),
      store_(host, clock_) {}

wxWindow* CustomerDialog::makePicker() {
    const auto& contact = store_.entity("contacts.contact");
    picker_ = tiller::ui::makeEditor(this, store_, contact, *contact.field("customer_id"), 0);
    picker_->onChange = [this] { load(); };
    return picker_->window();
}

void CustomerDialog::finish(wxBoxSizer* sizer, wxWindow* under, const wxString& actionLabel, std::function<void()> action,
                            long long customerId) {
    problem_ = tiller::ui::problemLine(this);
    sizer->Add(problem_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    if (under) sizer->Add(under, 0, wxLEFT | wxRIGHT, FromDIP(12));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    action_ = new wxButton(this, wxID_ANY, actionLabel);
    buttons->AddStretchSpacer();
    buttons->Add(action_, 0, wxRIGHT, FromDIP(8));
    buttons->Add(new wxButton(this, wxID_CANCEL, value_ui::tr("Close")));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(sizer);
    action_->Bind(wxEVT_BUTTON, [action = std::move(action)](wxCommandEvent&) { action(); });
    if (customerId) picker_->set(std::to_string(customerId));
    load();
}

long long CustomerDialog::customer() const {
    auto id = picker_->get();
    return id.empty() ? 0 : std::stoll(id);
}

}  // namespace contacts
