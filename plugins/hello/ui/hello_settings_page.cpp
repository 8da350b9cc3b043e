#include "hello_settings_page.hpp"
#include "core/greeting_book.hpp"

#include <tiller/ui/text.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace hello {
namespace {
wxString helloTr(const char* english) { return tiller::ui::text(tiller::i18n::tr(english, "tiller-hello")); }
}  // namespace

SettingsPage::SettingsPage(wxWindow* parent, tiller::plugin::Host& host)
    : SettingsPanel(parent), host_(host) {
    auto* sizer = new wxFlexGridSizer(2, FromDIP(wxSize(8, 8)));
    sizer->AddGrowableCol(1);
    sizer->Add(new wxStaticText(this, wxID_ANY, helloTr("Salutation")), 0, wxALIGN_CENTER_VERTICAL);
    salutation_ = new wxTextCtrl(this, wxID_ANY, tiller::ui::text(GreetingBook(host_).salutation()));
    sizer->Add(salutation_, 1, wxEXPAND);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(sizer, 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizer(outer);
}

void SettingsPage::save() {
    GreetingBook(host_).setSalutation(tiller::ui::utf8(salutation_->GetValue()));
}

}  // namespace hello
