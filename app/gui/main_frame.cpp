#include "main_frame.hpp"

#include <tiller/ui/text.hpp>

#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace tiller::gui {

MainFrame::MainFrame(std::shared_ptr<db::Database> database)
    : wxFrame(nullptr, wxID_ANY, ui::text("Tiller 舵手"), wxDefaultPosition, wxSize(1100, 720)),
      database_(std::move(database)) {
    auto* menuBar = new wxMenuBar;
    auto* file = new wxMenu;
    file->Append(wxID_EXIT);
    menuBar->Append(file, "&File");
    SetMenuBar(menuBar);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);

    auto* panel = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(panel, wxID_ANY, ui::text("Tiller 舵手"));
    title->SetFont(title->GetFont().Scaled(2.0).Bold());
    sizer->Add(title, 0, wxALL, 24);
    sizer->Add(new wxStaticText(panel, wxID_ANY, ui::text("Database: " + database_->url().redacted())),
               0, wxLEFT | wxRIGHT, 24);
    panel->SetSizer(sizer);

    CreateStatusBar(1);
    SetStatusText(ui::text(database_->url().redacted()));
}

}  // namespace tiller::gui
