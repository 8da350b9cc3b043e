#include <tiller/ui/progress_dialog.hpp>

namespace tiller::ui {

ProgressDialog::ProgressDialog(wxWindow* parent, const wxString& title, const wxString& message)
    : dialog_(std::make_unique<wxProgressDialog>(title, message, 1000, parent,
                                                 wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME)) {}

jobs::Verdict ProgressDialog::poll(long long done, long long total) {
    int value = total > 0 ? static_cast<int>(std::min<long long>(1000, done * 1000 / total)) : 0;
    // Update() returns false once the person pressed Cancel; it also keeps the window alive.
    return dialog_->Update(std::min(value, 999)) ? jobs::Verdict::proceed : jobs::Verdict::cancel;
}

}  // namespace tiller::ui
