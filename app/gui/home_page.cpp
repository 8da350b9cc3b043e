#include "home_page.hpp"

#include <tiller/ui/tr.hpp>

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace tiller::gui {
namespace {
wxStaticText* heading(wxWindow* parent, const wxString& text, double scale) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Scaled(static_cast<float>(scale)).Bold());
    return label;
}
}  // namespace

HomePage::HomePage(wxWindow* parent, Runtime& runtime) : wxScrolledWindow(parent) {
    SetScrollRate(0, FromDIP(12));
    SetBackgroundColour(*wxWHITE);
    // One column with one margin; sections separated by space, lines by a little.
    auto* column = new wxBoxSizer(wxVERTICAL);
    const int section = FromDIP(20), line = FromDIP(6);
    auto addSection = [&](const wxString& title) {
        column->AddSpacer(section);
        column->Add(heading(this, title, 1.2));
    };
    auto addLine = [&](wxStaticText* text) {
        column->AddSpacer(line);
        column->Add(text);
        return text;
    };

    column->Add(heading(this, ui::text("Tiller 舵手"), 2.0));
    addLine(new wxStaticText(this, wxID_ANY, ui::tr("Customer management for small businesses")));

    addSection(ui::tr("Company database"));
    addLine(new wxStaticText(this, wxID_ANY, ui::text(runtime.settings().database.redacted())));

    addSection(ui::tr("Plugins"));
    for (const auto& p : runtime.plugins().plugins()) {
        wxString name = ui::tr(p.manifest.name) + "  " + ui::text(p.manifest.version.text());
        if (p.state == plugin::PluginState::started) {
            addLine(new wxStaticText(this, wxID_ANY, wxString::FromUTF8("✔ ") + name));
        } else {
            auto* row = addLine(new wxStaticText(
                this, wxID_ANY, wxString::FromUTF8("✘ ") + name + wxString::FromUTF8(" — ") + ui::text(p.reason)));
            row->SetForegroundColour(wxColour(170, 30, 30));
            row->Wrap(FromDIP(860));
        }
    }
    if (runtime.plugins().plugins().empty())
        addLine(new wxStaticText(this, wxID_ANY, ui::tr("No plugins are installed.")));

    addSection(ui::tr("Getting started"));
    addLine(new wxStaticText(this, wxID_ANY,
                             ui::tr("Pick a list on the left to open it. Tools > Plugins shows what is "
                                    "installed; File > Back up the database keeps a copy of everything.")))
        ->Wrap(FromDIP(860));

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(column, 1, wxEXPAND | wxALL, FromDIP(28));
    SetSizer(outer);
    FitInside();
}

}  // namespace tiller::gui
