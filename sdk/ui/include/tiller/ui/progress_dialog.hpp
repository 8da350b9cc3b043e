// The GUI's answer to jobs::Progress: a progress dialog with a Cancel button.
#pragma once

#include <tiller/jobs/progress.hpp>

#include <wx/progdlg.h>

#include <memory>

namespace tiller::ui {

class ProgressDialog : public jobs::Progress {
public:
    ProgressDialog(wxWindow* parent, const wxString& title, const wxString& message);
    jobs::Verdict poll(long long done, long long total) override;

private:
    std::unique_ptr<wxProgressDialog> dialog_;
};

}  // namespace tiller::ui
