// File > My profile: what a person may change about themselves (个人设置), and their password.
#pragma once

#include <tiller/plugin/host.hpp>

#include <wx/dialog.h>
#include <wx/textctrl.h>

namespace people {

class ProfileDialog : public wxDialog {
public:
    ProfileDialog(wxWindow* parent, tiller::plugin::Host& host);

private:
    void save();

    tiller::plugin::Host& host_;
    long long userId_ = 0;
    int version_ = 0;
    std::string login_;
    wxTextCtrl *name_, *phone_, *mobile_, *email_, *current_, *next_, *repeat_;
};

}  // namespace people
