// The yardstick for bench_startup: the least a wxWidgets program can do (a frame with a menu
// bar and a status bar), reporting its start-up the same way tiller does.
#include "startup_report.hpp"

#include <wx/wx.h>

#include <iostream>

class BareApp : public wxApp {
public:
    bool OnInit() override {
        auto* frame = new wxFrame(nullptr, wxID_ANY, "bare", wxDefaultPosition, wxSize(1180, 760));
        auto* bar = new wxMenuBar;
        bar->Append(new wxMenu, "File");
        frame->SetMenuBar(bar);
        frame->CreateStatusBar();
        frame->Show();
        frame->Bind(wxEVT_IDLE, [frame](wxIdleEvent&) {
            static bool done = false;
            if (done) return;
            done = true;
            std::cout << tiller::app::startupReport() << std::flush;
            frame->CallAfter([frame] { frame->Close(); });
        });
        return true;
    }
};

wxIMPLEMENT_APP(BareApp);
